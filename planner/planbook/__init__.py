"""The plan book: what a user does with the plan, in plain Python, shared by the app and the CLI.

Read a week, edit the plan, build a new one, record and checkpoint a session, review
the week, export. Each operation that writes is one storage transaction (``change``),
so a user action lands on disk whole or not at all. No Textual here: the screens and
the commands call these functions and show what they answer.
"""

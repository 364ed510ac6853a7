"""The plan book: what a user does with the plan, in plain Python, shared by the app and the CLI.

Read a week, edit the plan, build a new one, record and checkpoint a session, review
the week, export. Each operation that writes is one storage transaction (``change``),
so a user action lands on disk whole or not at all. No Textual here: the screens and
the commands call these functions and show what they answer.

Each operation takes an open store (and the catalogue where it names exercises), so a
script drives it exactly as the app does (the crash-point harness, by hand)::

    python -c "from datetime import date; from planner.storage import open_store;
    from planner.domain.catalogue import load_catalogue; from planner.planbook import edits;
    s = open_store('/tmp/p.json'); edits.add_exercise(s, load_catalogue(), date.today(),
    'deep-squat'); s.close()"
"""

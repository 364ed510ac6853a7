"""The ranges a stored record may hold: the forms that make records and the codec agree on them.

Whatever a form lets the user enter fits inside these limits, so every record the
app writes can be read back; anything outside them in a data file did not come from
the app, and the file is treated as damaged rather than shown.
"""

from __future__ import annotations

PAIN = (0, 10)
"""Pain is rated from 0 (none) to 10 (worst imaginable)."""
MAX_PAUSE_S = 60
"""Longest get-ready or switch-sides pause the settings dialog allows, in seconds."""
MAX_NAME = 60
"""Longest exercise name (the catalogue's limit), as a session log remembers it."""
MAX_NOTE = 400
"""Longest session note (the rating dialog takes 200 characters)."""
MAX_REASON = 400
"""Longest explanation of a held dose."""
MAX_ADVICE = 2000
"""Longest plan advice (a few sentences of safety advice)."""
MAX_RECORD_ID = 64
"""Longest id of a plan item or a session log (the app makes 32-character ones)."""
MAX_EXERCISES_IN_SESSION = 100
MAX_COUNT = 10_000
"""Most sets, reps or holds one exercise of one session can count."""
MAX_SECONDS = 7 * 24 * 60 * 60
"""Longest time one exercise of one session can take."""
MAX_POSITION = 10_000
"""Highest place of an item within its day."""

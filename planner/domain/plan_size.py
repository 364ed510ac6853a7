"""How a plan's weekly minutes change from its first week to its last, in words.

The wizard's preview and ``planner plan``'s summary both say it, from the same
numbers (``progression.weekly_work_seconds``), so they cannot tell a user two stories.
"""

from __future__ import annotations

from collections.abc import Sequence


def minutes_trend(minutes: Sequence[int]) -> str:
    """After "about N minutes in week 1": where the weekly minutes go, or "" for one week.

    ``, rising to 20 by week 6``; ``, rising to 9 by week 2 and staying there to week 6``
    (a plan that tops out early does not claim to climb to its end); ``, staying there
    to week 6``; ``, at most 20 (week 4) and 15 in week 6`` for one that comes down.
    """
    if len(minutes) <= 1:
        return ""
    last_week, top = len(minutes), max(minutes)
    if all(value == top for value in minutes):
        return f", staying there to week {last_week}"
    if minutes[-1] < top:
        top_week = minutes.index(top) + 1
        return f", at most {top} (week {top_week}) and {minutes[-1]} in week {last_week}"
    # The last week is the top: say from which week on the plan stays there.
    steady_from = last_week
    while steady_from > 1 and minutes[steady_from - 2] == top:
        steady_from -= 1
    if steady_from == last_week:
        return f", rising to {top} by week {last_week}"
    return f", rising to {top} by week {steady_from} and staying there to week {last_week}"

"""Small-cell protection for what the public sees: no commune figure under 5 can be read or worked out.

A commune cell of 1 to 4 is shown as "< 5" (primary suppression). The province total of the
column is published, so a reader who subtracts the shown cells from it learns the sum of the
hidden ones; with one hidden cell that sum *is* the cell. So more cells are hidden (complementary
suppression, shown as "x") until no primary cell can be pinned to one value by that sum.

The check is exact for what a reader can do with one published total per column: each hidden cell
lies in an interval the reader knows (a "< 5" cell in [1, 4]; a hidden cell that is not "< 5" is at
least 5), and the sum of the hidden cells is known, so a cell's possible values are its interval
cut by "the sum minus the most and the least the others can be". A primary cell is safe when at
least two values remain. Complements are taken smallest first, to hide as little as possible.

Zeros are shown: a zero names nobody, and a hidden zero would be worked out at once (the reader
knows a hidden cell that is not "< 5" cannot lie in 1..4).
"""

import math
from dataclasses import dataclass

SMALL = "small"  # shown as "< 5"
HIDDEN = "hidden"  # shown as "x": hidden so that a small cell cannot be worked out
THRESHOLD = 5


@dataclass(frozen=True)
class Cell:
    """One published figure and what a reader knows of it once it is hidden."""

    value: int
    low: float
    high: float


def small(value):
    return 1 <= value < THRESHOLD


def commune_cell(value):
    """A commune's figure: "< 5" tells the reader 1..4, any other hidden figure is at least 5."""
    return Cell(value, 1, THRESHOLD - 1) if small(value) else Cell(value, THRESHOLD, math.inf)


def protect(cells, primary):
    """{key: SMALL or HIDDEN} for the cells of one column whose total is published.

    `cells` is {key: Cell}; `primary` the keys that must be hidden. Returns (marks, safe): `safe`
    is False when even hiding every candidate leaves a primary cell pinned, and the total itself
    must then be hidden.
    """
    marks = dict.fromkeys(primary, SMALL)
    if not marks:
        return marks, True
    # Only a cell the reader cannot already work out exactly widens the uncertainty.
    candidates = sorted(
        (cell.value, str(key), key)
        for key, cell in cells.items()
        if key not in marks and cell.high > cell.low and cell.value >= THRESHOLD
    )
    while not _safe(cells, marks):
        if not candidates:
            return marks, False
        *_sort, key = candidates.pop(0)
        marks[key] = HIDDEN
    return marks, True


def _safe(cells, marks):
    """Whether every primary cell keeps at least two possible values given the hidden sum."""
    total = sum(cells[key].value for key in marks)
    for key, mark in marks.items():
        if mark != SMALL:
            continue
        others = [cells[other] for other in marks if other != key]
        low = max(cells[key].low, total - sum(cell.high for cell in others))
        high = min(cells[key].high, total - sum(cell.low for cell in others))
        if high - low < 1:
            return False
    return True

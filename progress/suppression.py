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

import functools
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


@functools.lru_cache(
    maxsize=4096
)  # a Cell is frozen; thousands of communes per page share a few hundred values
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
    """Whether every primary cell keeps at least two possible values given the hidden sum.

    The others' bounds are the column's sums less the cell's own, so a check is linear in the
    hidden cells (a province of a few hundred communes, four columns, on every uncached page); an
    unbounded high is counted apart, as inf - inf would be nan.
    """
    hidden = [cells[key] for key in marks]
    total = sum(cell.value for cell in hidden)
    lows = sum(cell.low for cell in hidden)
    highs = sum(cell.high for cell in hidden if cell.high != math.inf)
    unbounded = sum(1 for cell in hidden if cell.high == math.inf)
    for key, mark in marks.items():
        if mark != SMALL:
            continue
        cell = cells[key]
        own_unbounded = cell.high == math.inf
        others_high = math.inf if unbounded - own_unbounded else highs - (0 if own_unbounded else cell.high)
        low = max(cell.low, total - others_high)
        high = min(cell.high, total - (lows - cell.low))
        if high - low < 1:
            return False
    return True

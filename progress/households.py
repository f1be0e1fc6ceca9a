"""The public household figures: households covered / households in the register, and people
confirmed per skill group, for the country or one province, small cells protected.

Counted per province (households/figures.py `by_province`), then protected among the provinces
the way commune cells are among a province's (progress/suppression.py): a province's cell of
1 to 4 reads "< 5", and more are hidden when a reader could subtract their way to one; the
country's total is hidden when no set of hidden cells keeps a small one safe. The register's size
(households listed) is protected too, unlike villages: no more households are covered than are
listed, so a register of 1 beside a covered "< 5" would give the covered count back.
"""

from households.figures import by_province, group_labels
from progress.suppression import HIDDEN, SMALL, commune_cell, protect, small

PROTECTED = ("households", "covered", *(code for code, _label in group_labels()))


def _marks(counts, name):
    cells = {code: commune_cell(values.get(name, 0)) for code, values in counts.items()}
    primary = [code for code, cell in cells.items() if small(cell.value)]
    return protect(cells, primary)


def public_households(province_code=None):
    """[(figure name, label, value, mark)] for the country, or for the province `province_code`;
    value None where hidden. Empty when the register holds no household there."""
    counts = by_province()
    labels = dict(group_labels())
    unit = counts.get(province_code, {}) if province_code else _sum(counts)
    if not unit.get("households"):
        return []
    figures = []
    for name in PROTECTED:
        marks, safe = _marks(counts, name)
        mark = marks.get(province_code, "") if province_code else ("" if safe else HIDDEN)
        value = unit.get(name, 0)
        if not province_code and small(value):
            mark = mark or SMALL
        figures.append((name, labels.get(name), None if mark else value, mark))
    return figures


def _sum(counts):
    total = {}
    for values in counts.values():
        for name, value in values.items():
            total[name] = total.get(name, 0) + value
    return total

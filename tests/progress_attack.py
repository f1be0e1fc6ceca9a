"""A reader trying to undo the suppression: every value a hidden cell can take, by brute force.

Independent of progress/suppression.py on purpose: it knows only what a reader knows. A "< 5"
cell is 1 to 4; an "x" is at least 5 (zeros and small cells are shown or marked "< 5"), unless the
reader knows better (`hidden_low`); shown cells and the published total are exact.
"""


def number(text):
    return int(text.replace(".", "").replace(",", ""))


def possible_values(cells, total_text, index, hidden_low=None):
    """The values cell `index` can take in some assignment of the hidden cells adding up to the total."""
    hidden_low = hidden_low or {}
    total = number(total_text)
    rest = total - sum(number(cell) for cell in cells if cell not in ("< 5", "x"))
    ranges = []
    for position, cell in enumerate(cells):
        if cell == "< 5":
            ranges.append((position, range(1, 5)))
        elif cell == "x":
            ranges.append((position, range(hidden_low.get(position, 5), total + 1)))
    found = set()

    def walk(depth, remaining, chosen):
        if depth == len(ranges):
            if remaining == 0:
                found.add(chosen[index])
            return
        position, values = ranges[depth]
        for value in values:
            if value > remaining:
                break
            walk(depth + 1, remaining - value, {**chosen, position: value})

    walk(0, rest, {})
    return found

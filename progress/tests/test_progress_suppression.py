"""Complementary suppression against a reader with a calculator: for many columns of commune
figures, no "< 5" can be narrowed to one value from what the page shows and the published total."""

import random

from progress.suppression import SMALL, commune_cell, protect, small
from tests.progress_attack import possible_values


def shown(values):
    cells = {index: commune_cell(value) for index, value in enumerate(values)}
    marks, safe = protect(cells, [index for index, value in enumerate(values) if small(value)])
    text = [("< 5" if marks[i] == SMALL else "x") if i in marks else str(v) for i, v in enumerate(values)]
    return text, safe


def test_one_small_cell_takes_the_smallest_cell_that_hides_it_with_it():
    assert shown([3, 12, 40, 0]) == (["< 5", "x", "40", "0"], True)


def test_a_second_complement_when_the_first_would_pin_the_small_cell():
    # 1 and 5 hidden, total 12 - 6 = 6: the "< 5" could only be 1. With the 6 hidden too it could be 1 or 2.
    assert shown([1, 5, 6]) == (["< 5", "x", "x"], True)


def test_two_small_cells_hide_each_other_unless_their_sum_gives_them_away():
    assert shown([2, 3, 7]) == (["< 5", "< 5", "7"], True)
    assert shown([1, 1, 7]) == (["< 5", "< 5", "x"], True)  # 1 + 1 = 2 would pin both
    assert shown([4, 4]) == (["< 5", "< 5"], False)  # nothing left to hide: the total must go


def test_zeros_are_shown_and_never_used_to_hide():
    assert shown([2, 0, 0]) == (["< 5", "0", "0"], False)


def test_no_published_small_cell_can_be_worked_out_over_many_columns():
    rng = random.Random(20261206)  # a fixed seed: the same columns in every run
    for _ in range(400):
        values = [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 9]) for _ in range(rng.randint(1, 5))]
        text, safe = shown(values)
        if not safe:
            # Only when every figure that is not zero is hidden already: the total must go too.
            assert all(cell in ("< 5", "x", "0") for cell in text), values
            continue
        for index, cell in enumerate(text):
            if cell == "< 5":
                assert len(possible_values(text, str(sum(values)), index)) >= 2, (values, text)

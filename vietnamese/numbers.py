"""Whole numbers as Vietnamese readers write them: 1.028, 52.800 (a dot between thousands).

Django's Vietnamese locale sets the dot as THOUSAND_SEPARATOR but no NUMBER_GROUPING, so its
formatting never groups; this is the one place that does.
"""


def grouped(number):
    """'479.000' for 479000."""
    return f"{number:,}".replace(",", ".")

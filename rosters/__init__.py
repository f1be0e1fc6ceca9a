"""Spreadsheets in and out: reading any file officers make, planning, all-or-nothing jobs, exports.

A layer between accounts and the feature apps: rosters imports accounts, vietnamese and config,
never teams or trainings. They register their kinds of list (rosters/kinds.py) and exports.
"""

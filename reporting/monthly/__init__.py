"""The monthly report that climbs commune → province → nation (DHIS2's approval model).

figures: what a commune's month counts; workflow: who moves a report and how; periods: deadlines
and who owes a report; completeness: expected, submitted, approved, on time (the plain function
the open data reads); reminders and notices: texts to commune officers; workbooks; views.
"""

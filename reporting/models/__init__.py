from reporting.models.monthly import MonthlyReport, ReportEvent, ReportState
from reporting.models.months import (
    CommuneMonth,
    CommuneMonthOutcome,
    CommuneYear,
    ProvinceMonth,
    ProvinceMonthOutcome,
)
from reporting.models.totals import CommuneTotals, ProvinceTotals

__all__ = [
    "CommuneMonth",
    "CommuneMonthOutcome",
    "CommuneTotals",
    "CommuneYear",
    "MonthlyReport",
    "ProvinceMonth",
    "ProvinceMonthOutcome",
    "ProvinceTotals",
    "ReportEvent",
    "ReportState",
]

"""Households from a spreadsheet, like rosters: a kind registered with the rosters engine.

One row per household: the village (which must already be on the map: villages come by the
village list or a roster), the head of household, an address or note, and a phone only where
the row says the person agreed on paper ("Đồng ý giữ số" = Có): a phone without that is an error
in its cell, never kept. Rows are matched on (village, head's name, address), so importing the
same file twice adds nothing. The head becomes the household's first person. The engine gives
the template, preview, per-cell errors, all-or-nothing, scope and the question about columns it
does not know (rosters/kinds.py).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from households import totals
from households.models import Household, HouseholdMember
from messaging.models import ConsentMethod, ConsentRecord, Purpose
from places.models import Village
from places.names import PlaceNameError, PlaceNames
from rosters import cleaning, kinds
from rosters.cells import cell_text
from rosters.cleaning import CellError
from rosters.columns import COMMUNE, DISTRICT, PHONE, PROVINCE
from rosters.outcome import Plan, PlanHasErrors
from rosters.tables import Column
from teams.roster_kinds.columns import VILLAGE_NAME
from vietnamese.text import normalize, search_key

HEAD = Column(
    "head_name",
    "Họ và tên chủ hộ",
    ("Chủ hộ", "Tên chủ hộ", "Họ tên chủ hộ", "Hộ gia đình", "Tên hộ"),
    required=True,
    note="Bắt buộc. Họ và tên chủ hộ, có dấu.",
    looks_like=cleaning.looks_like_name,
)
ADDRESS = Column(
    "address", "Địa chỉ", ("Địa chỉ, ghi chú", "Ghi chú", "Số nhà", "Xóm"), note="Không bắt buộc."
)
CONSENT = Column(
    "consent",
    "Đồng ý giữ số điện thoại",
    ("Đồng ý giữ số", "Đồng ý liên lạc", "Đồng ý"),
    note="Ghi Có khi chủ hộ đã ký đồng ý cho tổ giữ số để gửi thông báo; không có thì để trống số điện thoại.",
)
COLUMNS = [HEAD, ADDRESS, PHONE, CONSENT, VILLAGE_NAME, COMMUNE, PROVINCE, DISTRICT]
EXAMPLE = {
    "head_name": "Lò Văn Pao",
    "address": "Đầu bản, gần nhà văn hoá",
    "phone": "0912 345 678",
    "consent": "Có",
    "village": "Bản Tả Van",
    "commune": "Xã Tả Van",
    "province": "Tỉnh Lào Cai",
}
YES = {"co", "x", "yes", "dong y", "1"}


@dataclass
class HouseholdPlan(Plan):
    new: list = field(default_factory=list)  # unsaved Households
    changed: list = field(default_factory=list)  # Households with a new phone
    consents: list = field(default_factory=list)  # phones whose consent the paper records


def _key(village_id, head_name, address):
    return village_id, search_key(head_name), search_key(address)


class HouseholdPlanner(kinds.Planner):
    columns = COLUMNS
    plan_class = HouseholdPlan

    def __init__(self, scope, skip_sheets=(), filename="", choices=None):
        super().__init__(scope, skip_sheets, filename, choices)
        self.places = PlaceNames(scope)
        self.seen = {}  # key -> row number, to refuse a household listed twice
        self.villages = {}  # the place cells of a row -> Village or (column, message): they repeat

    def start_sheet(self, sheet, table, summary):
        return self.places.commune_in_title(sheet.rows[: table.header_index])

    def _village(self, values, title_commune):
        """The row's village, or (column, message) saying which of its place cells is wrong."""
        try:
            province = self.places.province(values["province"]) if "province" in values else None
            if "commune" in values:
                commune = self.places.commune(values["commune"], province, values.get("district"))
            else:
                commune = title_commune or self.places.default_commune()
        except (CellError, PlaceNameError) as error:
            return "commune", str(error)
        if commune is None:
            return "commune", _("The row does not say which commune it belongs to: add a Xã/Phường column.")
        name = normalize(str(values["village"]))
        village = Village.objects.filter(
            commune=commune, name_key=self.places.village_key(commune, name)
        ).first()
        if village is None:
            message = _("%(village)s is not a village of %(commune)s yet: import the village list first.")
            return "village", message % {"village": name, "commune": commune.name}
        return village

    def _village_once(self, values, title_commune):
        cells = tuple(cell_text(values.get(name)) for name in ("village", "commune", "province", "district"))
        key = (*cells, title_commune.pk if title_commune else None)
        if key not in self.villages:
            self.villages[key] = self._village(values, title_commune)
        return self.villages[key]

    def read_row(self, table, summary, record, title_commune):
        values, errors = record.values, []
        village = head = phone = None
        if "village" not in values:
            errors.append(table.error(record, "village", _("The village name is missing.")))
        else:
            village = self._village_once(values, title_commune)
            if isinstance(village, tuple):
                errors.append(table.error(record, *village))
        try:
            head = cleaning.clean_name(values.get("head_name", ""))
        except CellError as error:
            errors.append(table.error(record, "head_name", str(error)))
        if values.get("phone") not in (None, ""):
            try:
                phone, _note = cleaning.clean_phone(values["phone"])
            except CellError as error:
                errors.append(table.error(record, "phone", str(error)))
            if search_key(cell_text(values.get("consent"))) not in YES:
                errors.append(
                    table.error(
                        record,
                        "phone",
                        _(
                            "A phone is kept only with the person's consent: write Có in the consent column, or leave the phone empty."
                        ),
                    )
                )
        if errors:
            self.reject(summary, errors)
            return None
        address = normalize(cell_text(values.get("address")))[:255]
        key = _key(village.pk, head, address)
        if key in self.seen:
            message = _("%(name)s is also on row %(row)s: remove one row.") % {
                "name": head,
                "row": self.seen[key],
            }
            self.reject(summary, [table.error(record, "head_name", message)])
            return None
        self.seen[key] = record.row
        return key, summary, village, head, address, phone

    def plan_rows(self, rows, progress):
        existing = {
            _key(household.village_id, household.head_name, household.address): household
            for household in Household.objects.filter(village_id__in={row[2].pk for row in rows})
        }
        for key, summary, village, head, address, phone in rows:
            household = existing.get(key)
            if household is None:
                self.plan.new.append(
                    Household(
                        village=village,
                        head_name=head,
                        name_key=search_key(head),
                        address=address,
                        phone=phone,
                    )
                )
                summary.new += 1
            elif phone and household.phone != phone:
                household.phone = phone
                self.plan.changed.append(household)
                summary.updated += 1
            else:
                summary.unchanged += 1
                continue
            if phone:
                self.plan.consents.append(phone)


def write_plan(plan, recorded_by=None, progress=None):
    """All the plan's households, their heads as first persons and the consents, or nothing."""
    if not plan.ok:
        raise PlanHasErrors
    with transaction.atomic():
        for household in plan.new:
            household.created_by = household.updated_by = recorded_by
        created = Household.objects.bulk_create(plan.new, batch_size=1000)
        HouseholdMember.objects.bulk_create(
            [
                HouseholdMember(
                    household=household,
                    full_name=household.head_name,
                    created_by=recorded_by,
                    updated_by=recorded_by,
                )
                for household in created
            ],
            batch_size=1000,
        )
        for household in plan.changed:
            household.updated_by, household.updated_at = recorded_by, timezone.now()
        Household.objects.bulk_update(plan.changed, ["phone", "updated_by", "updated_at"], batch_size=1000)
        totals.recount({household.village.commune_id for household in created})
        ConsentRecord.objects.bulk_create(
            ConsentRecord(
                phone=phone,
                purpose=Purpose.NOTICE,
                granted=True,
                method=ConsentMethod.PAPER,
                note="households import",
                recorded_by=recorded_by,
            )
            for phone in sorted(set(plan.consents))
        )
    return plan.summary()


def register():
    template = kinds.SheetTemplate(
        "DANH SÁCH HỘ GIA ĐÌNH", [column for column in COLUMNS if column is not DISTRICT], EXAMPLE
    )
    kinds.register(
        kinds.Kind("households", gettext_lazy("household list"), HouseholdPlanner, write_plan, template)
    )

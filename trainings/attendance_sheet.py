"""Attendance sheets: the roster importer's third kind of list, and the export it reads back.

An officer downloads a session's sheet (the attendance export narrowed to the session: its code,
course, day, and everyone registered with an empty "Có mặt" column), ticks who came on paper or in
Excel, and uploads it on the roster page: preview, confirm, all or nothing, like a roster.

Every row names its session ("Mã buổi tập huấn") instead of the session being picked at upload: so
the export of all the sessions an officer manages is itself an importable sheet, and a row naming
a session outside the officer's area is refused like a row naming a commune outside it. Rows are
matched to registrations by phone, or by name when the row has none (members enrolled without a
phone). Whoever is registered but not on the sheet did not come, as when ticking on a phone
(trainings.attendance.record_attendance, which also marks members who came as trained).
"""

import dataclasses
from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources

from accounts.scopes import visible
from rosters import cleaning, columns, kinds
from rosters.cells import cell_text
from rosters.cleaning import CellError
from rosters.exports import register_export
from rosters.kinds import Planner
from rosters.outcome import UNCHANGED, UPDATED, Plan, PlanHasErrors
from rosters.tables import Column
from trainings.attendance import may_take_attendance, record_attendance
from trainings.models import Registration, TrainingSession
from vietnamese.phones import Phone
from vietnamese.text import search_key

SESSION = Column(
    "session",
    "Mã buổi tập huấn",
    ("Mã buổi", "Mã buổi học", "Mã lớp", "Mã số buổi", "Buổi số"),
    required=True,
    note="Bắt buộc. Mã số của buổi tập huấn, ghi trên trang của buổi; có sẵn trong danh sách tải về.",
)
COURSE = Column("course", "Khóa học", ("Tên khóa học", "Chuyên đề"), note="Chỉ để xem, không được nhập.")
DAY = Column("day", "Thời gian", ("Ngày", "Ngày tập huấn", "Ngày học"), note="Chỉ để xem, không được nhập.")
PHONE = dataclasses.replace(
    columns.PHONE, note="Số di động người đăng ký. Bỏ trống thì người đó được nhận ra theo họ tên."
)
ATTENDED = Column(
    "attended",
    "Có mặt",
    ("Điểm danh", "Tham dự", "Đã tham dự", "Có tham dự", "Có mặt/Vắng", "Đến dự"),
    required=True,
    note="Ghi x (hoặc Có) nếu người đó đã đến; để trống hoặc ghi Vắng nếu không đến.",
)
ATTENDANCE_COLUMNS = [SESSION, COURSE, DAY, columns.FULL_NAME, PHONE, ATTENDED, columns.COMMUNE]
ATTENDANCE_EXAMPLE = {
    "session": 12,
    "course": "Kỹ năng số cơ bản",
    "day": "15/03/2026 08:00",
    "full_name": "Nguyễn Văn An",
    "phone": "0912 345 678",
    "attended": "x",
    "commune": "Xã Tân Lập",
}

_CAME = {"x", "co", "co mat", "1", "v", "yes", "da den", "den", "dat", "true"}
_ABSENT = {"", "0", "khong", "vang", "vang mat", "khong den", "no", "false"}
_TICKS = {"✓", "✔", "☑", "✅"}


def clean_attended(value):
    """True for x, Có, ✓, 1…; False for Vắng, Không, 0 or a dash; anything else is a question."""
    if isinstance(value, bool):
        return value
    text = cell_text(value)
    if text in _TICKS:
        return True
    key = search_key(text)
    if key in _CAME:
        return True
    if key in _ABSENT:
        return False
    raise CellError(
        _("%(value)s is not understood: write x for someone who came, leave it empty or write Vắng if not.")
        % {"value": text}
    )


@dataclasses.dataclass
class AttendancePlan(Plan):
    came: dict = dataclasses.field(default_factory=dict)  # TrainingSession -> registration pks who came
    marked_absent: int = 0  # registered, not on the sheet, and not yet recorded absent
    trained: int = 0  # members the writing marked trained

    def changes(self):
        # Registered but not on the sheet: recorded as absent, a change too.
        return super().changes() + self.marked_absent

    def summary(self):
        return super().summary() | {
            "sessions": sorted(session.pk for session in self.came),
            "came": sum(len(pks) for pks in self.came.values()),
            "marked_absent": self.marked_absent,
            "trained": self.trained,
        }


class AttendancePlanner(Planner):
    """Plans an attendance sheet for an officer's `scope` (places.scopes.Scope)."""

    columns = ATTENDANCE_COLUMNS
    plan_class = AttendancePlan

    def read_row(self, table, summary, record, context):
        return table, summary, record  # matched all at once, with one query per table

    def plan_rows(self, rows, progress):
        self._match(rows)

    def _sessions(self, rows):
        """The sessions the rows name that are in the officer's scope, by the code as written."""
        codes = {cell_text(record.values.get("session")) for _table, _summary, record in rows}
        pks = {int(code) for code in codes if code.isdecimal()}
        found = self.scope.filter(TrainingSession.objects.filter(pk__in=pks))
        return {str(session.pk): session for session in found}

    def _match(self, rows):
        sessions = self._sessions(rows)
        registered = Registration.objects.filter(
            session__in=sessions.values(), status=Registration.Status.REGISTERED
        )
        by_phone, by_name = {}, defaultdict(list)
        for registration in registered:
            if registration.phone:
                by_phone[registration.session_id, registration.phone] = registration
            by_name[registration.session_id, search_key(registration.full_name)].append(registration)
        by_pk = {session.pk: session for session in sessions.values()}
        seen = {}  # registration pk -> the row it was read from
        came = {session: set() for session in sessions.values() if may_take_attendance(session)}
        for table, summary, record in rows:
            found = self._read_row(table, record, sessions, by_phone, by_name)
            if found is None:
                summary.errors += 1
                continue
            registration, attended = found
            if registration.pk in seen:
                summary.errors += 1
                self.plan.errors.append(
                    table.error(
                        record,
                        "full_name",
                        _("%(name)s is also on row %(row)s: remove one row.")
                        % {"name": registration.full_name, "row": seen[registration.pk]},
                    )
                )
                continue
            seen[registration.pk] = record.row
            if attended:
                came[by_pk[registration.session_id]].add(registration.pk)
            status = UNCHANGED if registration.attended == attended else UPDATED
            setattr(summary, status, getattr(summary, status) + 1)
        self.plan.came = came
        self.plan.marked_absent = (
            registered.filter(session__in=came)
            .exclude(pk__in=list(seen))
            .filter(Q(attended__isnull=True) | Q(attended=True))
            .count()
        )

    def _read_row(self, table, record, sessions, by_phone, by_name):
        """(registration, attended), or None after recording the row's errors."""
        values, errors = record.values, []

        def fail(field_name, message):
            errors.append(table.error(record, field_name, str(message)))

        code = cell_text(values.get("session"))
        session = sessions.get(code)
        if session is None:
            fail("session", _("No session with the code %(code)s in the area you manage.") % {"code": code})
        elif not may_take_attendance(session):
            fail(
                "session",
                _(
                    "Session %(code)s is cancelled or has not taken place yet: attendance is taken from its day on."
                )
                % {"code": code},
            )
        attended = None
        try:
            attended = clean_attended(values.get("attended"))
        except CellError as error:
            fail("attended", error)
        registration = None
        if "phone" in values:
            try:
                phone, note = cleaning.clean_phone(values["phone"])
                if note:
                    self.plan.warnings.append(table.error(record, "phone", note))
            except CellError as error:
                fail("phone", error)
            else:
                registration = session and by_phone.get((session.pk, phone))
                if session and registration is None:
                    fail("phone", _("Nobody with this phone is registered for the session."))
        elif session:
            namesakes = by_name.get((session.pk, search_key(cell_text(values.get("full_name")))), [])
            if len(namesakes) == 1:
                registration = namesakes[0]
            elif namesakes:
                fail("full_name", _("Several people registered have this name: add their phone number."))
            else:
                fail("full_name", _("Nobody with this name is registered for the session."))
        if errors:
            self.plan.errors.extend(errors)
            return None
        return registration, attended


def write_attendance(plan, recorded_by=None, progress=None):
    """Record the planned attendance of every session on the sheet; returns the plan's summary.

    Attendance keeps no author (ticking on a phone does not either), and a session's rows are
    written in one go, so `recorded_by` and `progress` are not used.
    """
    if not plan.ok:
        raise PlanHasErrors
    with transaction.atomic():
        for session, came in plan.came.items():
            plan.trained += record_attendance(session, came)
    return plan.summary()


# The export, in the columns the import reads.


class AttendanceResource(resources.ModelResource):
    session = fields.Field(attribute="session_id", column_name=SESSION.label)
    course = fields.Field(attribute="session__course__title_vi", column_name=COURSE.label)
    day = fields.Field(column_name=DAY.label)
    full_name = fields.Field(attribute="full_name", column_name=columns.FULL_NAME.label)
    phone = fields.Field(column_name=PHONE.label)
    attended = fields.Field(column_name=ATTENDED.label)
    commune = fields.Field(attribute="session__commune__name", column_name=columns.COMMUNE.label)

    class Meta:
        model = Registration
        fields = export_order = ("session", "course", "day", "full_name", "phone", "attended", "commune")

    def dehydrate_day(self, registration):
        return timezone.localtime(registration.session.starts_at).strftime("%d/%m/%Y %H:%M")

    def dehydrate_phone(self, registration):
        return Phone(registration.phone).national if registration.phone else ""

    def dehydrate_attended(self, registration):
        return {True: "x", False: "Vắng", None: ""}[registration.attended]


def attendance_rows(user):
    """Everyone registered for a session `user` manages that was not cancelled, session by session."""
    return (
        visible(user, Registration.objects.filter(status=Registration.Status.REGISTERED))
        .exclude(session__status=TrainingSession.Status.CANCELLED)
        .select_related("session__course", "session__commune")
        .order_by("session__starts_at", "session_id", "full_name", "pk")
    )


def register():
    """The attendance list and its export, registered with the importer from trainings' AppConfig.ready."""
    template = kinds.SheetTemplate(
        "DANH SÁCH ĐIỂM DANH BUỔI TẬP HUẤN", ATTENDANCE_COLUMNS, ATTENDANCE_EXAMPLE
    )
    kinds.register(
        kinds.Kind(
            "attendance",
            gettext_lazy("attendance list"),
            AttendancePlanner,
            write_attendance,
            template,
            summary_template="trainings/attendance_summary.html",
        )
    )
    register_export(
        "attendance", AttendanceResource, attendance_rows, "Điểm danh", gettext_lazy("Attendance")
    )

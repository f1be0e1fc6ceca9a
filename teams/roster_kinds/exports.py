"""Teams, members and assistance logs as exports, in the columns the roster import reads.

Words (roles, workplaces, genders) are written in Vietnamese, the words the import understands,
so a member file exported and imported again changes nothing. Registered in teams' AppConfig.ready.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy
from import_export import fields, resources

from accounts.scopes import visible
from rosters.exports import register_export
from teams.models import AssistanceLog, Member, Team
from teams.roster_kinds import columns

ROLE_WORDS = {"leader": "Tổ trưởng", "deputy": "Tổ phó", "member": "Thành viên"}
GENDER_WORDS = {"male": "Nam", "female": "Nữ", "other": "Khác"}
ORGANISATION_WORDS = {
    "village_office": "Trưởng thôn",
    "youth_union": "Đoàn Thanh niên",
    "womens_union": "Hội Phụ nữ",
    "farmers_union": "Hội Nông dân",
    "fatherland_front": "Mặt trận Tổ quốc",
    "police": "Công an",
    "school": "Giáo viên",
    "health_station": "Trạm y tế",
    "telecom_post": "Bưu điện, viễn thông",
    "volunteer": "Tình nguyện viên",
    "other": "Khác",
}
STATUS_WORDS = {"active": "Đang hoạt động", "suspended": "Tạm dừng", "dissolved": "Đã giải thể"}


def _day(value):
    return value.strftime("%d/%m/%Y") if value else ""


class MemberResource(resources.ModelResource):
    full_name = fields.Field(attribute="full_name", column_name=columns.FULL_NAME.label)
    phone = fields.Field(column_name=columns.PHONE.label)
    role = fields.Field(column_name=columns.ROLE.label)
    organisation = fields.Field(column_name=columns.ORGANISATION.label)
    gender = fields.Field(column_name=columns.GENDER.label)
    birth_year = fields.Field(attribute="birth_year", column_name=columns.BIRTH_YEAR.label)
    joined_on = fields.Field(column_name=columns.JOINED_ON.label)
    village = fields.Field(attribute="team__village__name", column_name=columns.VILLAGE.label)
    commune = fields.Field(attribute="team__commune__name", column_name=columns.COMMUNE.label)
    province = fields.Field(attribute="team__commune__province__name", column_name=columns.PROVINCE.label)
    team_name = fields.Field(attribute="team__name", column_name=columns.TEAM_NAME.label)
    decision_number = fields.Field(
        attribute="team__decision_number", column_name=columns.DECISION_NUMBER.label
    )
    decision_date = fields.Field(column_name=columns.DECISION_DATE.label)

    class Meta:
        model = Member
        fields = export_order = (
            "full_name", "phone", "role", "organisation", "gender", "birth_year", "joined_on",
            "village", "commune", "province", "team_name", "decision_number", "decision_date",
        )  # fmt: skip

    def dehydrate_phone(self, member):
        return member.phone and "0" + member.phone[3:]

    def dehydrate_role(self, member):
        return ROLE_WORDS[member.role]

    def dehydrate_organisation(self, member):
        return ORGANISATION_WORDS[member.organisation]

    def dehydrate_gender(self, member):
        return GENDER_WORDS.get(member.gender, "")

    def dehydrate_joined_on(self, member):
        return _day(member.joined_on)

    def dehydrate_decision_date(self, member):
        return _day(member.team.decision_date)


class TeamResource(resources.ModelResource):
    team_name = fields.Field(attribute="name", column_name=columns.TEAM_NAME.label)
    village = fields.Field(attribute="village__name", column_name=columns.VILLAGE.label)
    commune = fields.Field(attribute="commune__name", column_name=columns.COMMUNE.label)
    province = fields.Field(attribute="commune__province__name", column_name=columns.PROVINCE.label)
    decision_number = fields.Field(attribute="decision_number", column_name=columns.DECISION_NUMBER.label)
    decision_date = fields.Field(column_name=columns.DECISION_DATE.label)
    status = fields.Field(column_name="Trạng thái")
    member_count = fields.Field(attribute="member_count", column_name="Số thành viên")

    class Meta:
        model = Team
        fields = export_order = (
            "team_name", "village", "commune", "province", "decision_number", "decision_date", "status",
            "member_count",
        )  # fmt: skip

    def dehydrate_decision_date(self, team):
        return _day(team.decision_date)

    def dehydrate_status(self, team):
        return STATUS_WORDS[team.status]


class AssistanceLogResource(resources.ModelResource):
    held_on = fields.Field(column_name="Ngày")
    team_name = fields.Field(attribute="team__name", column_name=columns.TEAM_NAME.label)
    village = fields.Field(attribute="village__name", column_name=columns.VILLAGE.label)
    commune = fields.Field(attribute="commune__name", column_name=columns.COMMUNE.label)
    citizens_helped = fields.Field(attribute="citizens_helped", column_name="Số người được hỗ trợ")
    women_helped = fields.Field(attribute="women_helped", column_name="Trong đó nữ")
    over_60_helped = fields.Field(attribute="over_60_helped", column_name="Trong đó trên 60 tuổi")
    note = fields.Field(attribute="note", column_name="Ghi chú")

    class Meta:
        model = AssistanceLog
        fields = export_order = (
            "held_on", "team_name", "village", "commune", "citizens_helped", "women_helped", "over_60_helped",
            "note",
        )  # fmt: skip

    def dehydrate_held_on(self, log):
        return _day(log.held_on)


def _members(user):
    return (
        visible(user, Member.objects.current())
        .select_related("team__village", "team__commune__province")
        .order_by("team__commune_id", "team__name_key", "role", "name_key")
    )


def _teams(user):
    return (
        visible(user, Team.objects.all())
        .select_related("village", "commune__province")
        .annotate(member_count=Count("members", filter=Q(members__left_on__isnull=True)))
    )


def _logs(user):
    return visible(user, AssistanceLog.objects.all()).select_related("team", "village", "commune")


def register():
    register_export("members", MemberResource, _members, "Thành viên", gettext_lazy("Team members"))
    register_export("teams", TeamResource, _teams, "Tổ", gettext_lazy("Teams"))
    register_export("logs", AssistanceLogResource, _logs, "Nhật ký hỗ trợ", gettext_lazy("Assistance logs"))

"""Everything the platform holds about one phone number, in one place.

The "my data" page, its XLSX and JSON downloads and the erasure all start from `records_of`, so
what a person is shown is exactly what deletion removes. Each section is a list of rows keyed by
column; the page and the spreadsheet label the columns in the reader's language, the JSON keeps
the keys.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from households.models import Household
from messaging.models import SECRET_MASK, ConsentRecord, Message, Purpose
from privacy.models import RightsRequest
from teams.models import AssistanceLog, Member, TeamEvent
from trainings.models import Registration
from vietnamese.phones import parse_phone

# A link that signs someone in (an invitation) is as good as a code: never shown again.
_SIGN_IN_LINK = re.compile(r"https?://\S*/invitation/\S*")
# Purposes a person grants or withdraws themselves; a sign-in code is asked for each time.
CHOOSABLE_PURPOSES = [purpose for purpose in Purpose if purpose != Purpose.SIGN_IN]


def _when(value):
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def masked_body(message):
    return _SIGN_IN_LINK.sub(SECRET_MASK, message.shown_body)


@dataclass
class Section:
    key: str
    title: str
    columns: list  # (key, label)
    rows: list = field(default_factory=list)  # dicts keyed by column key

    @property
    def table(self):
        """Rows as lists in column order, for templates and spreadsheets."""
        return [[row[key] for key, _label in self.columns] for row in self.rows]


def people_of(phone):
    """The querysets of everything held about `phone` (E.164), for showing and for erasing."""
    users = User.objects.filter(phone=phone)
    members = Member.objects.filter(Q(phone=phone) | Q(user__in=users))
    return {
        "users": users,
        "members": members,
        "events": TeamEvent.objects.filter(member__in=members),
        "registrations": Registration.objects.filter(Q(phone=phone) | Q(member__in=members)),
        "consents": ConsentRecord.objects.filter(phone=phone),
        "messages": Message.objects.filter(Q(recipient=phone) | Q(user__in=users)),
        "logs": AssistanceLog.objects.filter(attendees__in=members).distinct(),
        "requests": RightsRequest.objects.filter(Q(phone=phone) | Q(user__in=users)),
        "households": Household.objects.filter(phone=phone),
    }


def holds(phone):
    """Whether anything at all is held about `phone`: who the "my data" door texts a code to."""
    return any(queryset.exists() for queryset in people_of(phone).values())


def records_of(phone):
    """The sections of the "my data" page and downloads for `phone` (E.164)."""
    held = people_of(phone)
    users = list(held["users"])
    return [
        Section(
            "account",
            _("Account"),
            [("name", _("Full name")), ("phone", _("Phone number")), ("joined", _("Since"))],
            [
                {
                    "name": user.full_name,
                    "phone": parse_phone(phone).national,
                    "joined": _when(user.date_joined),
                }
                for user in users
            ],
        ),
        Section(
            "members",
            _("Team memberships"),
            [
                ("name", _("Full name")),
                ("team", _("Team")),
                ("commune", _("Commune")),
                ("role", _("Role in the team")),
                ("joined", _("Joined on")),
                ("left", _("Left on")),
                ("training", _("Training")),
                ("published", _("Phone published on the team finder")),
            ],
            [
                {
                    "name": member.full_name,
                    "team": member.team.name,
                    "commune": member.team.commune.name,
                    "role": member.get_role_display(),
                    "joined": _when(member.joined_on),
                    "left": _when(member.left_on),
                    "training": member.get_training_status_display(),
                    "published": _("yes") if member.publish_phone else _("no"),
                }
                for member in held["members"].select_related("team__commune")
            ],
        ),
        Section(
            "history",
            _("Team history"),
            [("date", _("Date")), ("team", _("Team")), ("what", _("What happened")), ("detail", _("Detail"))],
            [
                {
                    "date": _when(event.happened_on),
                    "team": event.team.name,
                    "what": event.get_kind_display(),
                    "detail": event.detail,
                }
                for event in held["events"].select_related("team")
            ],
        ),
        Section(
            "registrations",
            _("Training registrations"),
            [
                ("course", _("Course")),
                ("starts", _("Session starts")),
                ("name", _("Full name")),
                ("status", _("Status")),
                ("came", _("Came")),
                ("signed_up", _("Signed up at")),
            ],
            [
                {
                    "course": str(registration.session.course),
                    "starts": _when(registration.session.starts_at),
                    "name": registration.full_name,
                    "status": registration.get_status_display(),
                    "came": {True: _("yes"), False: _("no"), None: ""}[registration.attended],
                    "signed_up": _when(registration.queued_at),
                }
                for registration in held["registrations"].select_related("session__course")
            ],
        ),
        Section(
            "consents",
            _("Consent given and withdrawn"),
            [
                ("when", _("When")),
                ("purpose", _("Purpose")),
                ("granted", _("Given")),
                ("method", _("How")),
            ],
            [
                {
                    "when": _when(record.recorded_at),
                    "purpose": record.get_purpose_display(),
                    "granted": _("given") if record.granted else _("withdrawn"),
                    "method": record.get_method_display(),
                }
                for record in held["consents"]
            ],
        ),
        Section(
            "messages",
            _("Text messages to you"),
            [("when", _("When")), ("purpose", _("Purpose")), ("state", _("State")), ("text", _("Text"))],
            [
                {
                    "when": _when(message.sent_at or message.due_at),
                    "purpose": message.get_purpose_display(),
                    "state": message.get_state_display(),
                    "text": masked_body(message),
                }
                for message in held["messages"]
            ],
        ),
        Section(
            "households",
            _("Households"),
            [("head", _("head of household")), ("village", _("Village")), ("address", _("address or note"))],
            [
                {"head": household.head_name, "village": household.village.name, "address": household.address}
                for household in held["households"].select_related("village")
            ],
        ),
        Section(
            "logs",
            _("Assistance sessions you are named in"),
            [("date", _("Date")), ("team", _("Team")), ("citizens", _("Citizens helped"))],
            [
                {"date": _when(log.held_on), "team": log.team.name, "citizens": log.citizens_helped}
                for log in held["logs"].select_related("team")
            ],
        ),
        Section(
            "requests",
            _("Your requests"),
            [("received", _("Received")), ("kind", _("Request")), ("status", _("Status"))],
            [
                {
                    "received": _when(request.received_at),
                    "kind": request.get_kind_display(),
                    "status": request.get_status_display(),
                }
                for request in held["requests"]
            ],
        ),
    ]

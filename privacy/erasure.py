"""Erasing a person: their name and number go from every table, while every count stays true.

Decisions (the law asks for deletion; the dashboards and the monthly reports sent upward must
not change retroactively):
- A member row is kept as a nameless placeholder ("Thành viên đã xoá"): no phone, no birth year,
  no gender, no account, but its team, role, dates and training status, so member and trained
  counts, team history and the "members present" of past assistance logs stay as reported.
- A training registration is kept nameless and numberless, so a session's sign-up and attendance
  figures hold; one for a session still ahead is withdrawn first (its place goes to the waiting
  list, its reminders are cleared).
- A text message row is kept with no number and no body (the outbox's sending history and costs
  hold); pending ones are cleared first.
- Consent records and the muted-number entry are deleted: they are the number itself.
- The user account is deleted (its roles and invitations with it), or made an inactive nameless
  shell when something must keep pointing at it (an officer's past roster imports).
- Forum questions and answers posted from the number keep their place (answers and counts stay
  readable) but lose their text and the first name shown; the number is removed.
- A household whose number is theirs keeps its place in the village's register, nameless and
  numberless, with its head's person row (households/erasure.py): coverage figures stay.
- The person's requests stay as proof the request was handled, with name, number and text blanked.
- What names them outside their own rows goes too (privacy/traces.py): uploaded rosters and error
  workbooks that list them are deleted, import summaries, notes and other people's texts are
  scrubbed, and every session holding the number ends, a pending sign-in code's included.
"""

from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import AccessLogEntry, Invitation, User
from forum import cache as forum_cache
from forum.models import Answer, Question
from households.erasure import erase_households
from messaging.models import PENDING_STATES, Message, MessageEvent, MutedNumber, OptOutLink
from messaging.outbox import clear
from privacy.holdings import people_of
from privacy.models import RequestAction, RightsRequest
from privacy.requests import label_of
from privacy.traces import ERASED_MARK, end_sessions, erase_from_roster_imports, scrub
from teams.models import AssistanceLog, Member
from trainings.models import Registration, SignUpHold
from trainings.registering import withdraw
from vietnamese.phones import normalize_phone, parse_phone
from vietnamese.text import search_key, strip_diacritics

ERASED_MEMBER = "Thành viên đã xoá"
ERASED_NAME = "Đã xoá"


@dataclass
class Erasure:
    members: int = 0
    registrations: int = 0
    messages: int = 0
    consents: int = 0
    users: int = 0
    roster_imports: int = 0
    households: int = 0


def _forms_of(phone):
    """The ways a number is written in free text: +84…, 0912345678, 0912 345 678."""
    national = parse_phone(phone).national
    return {phone, national, national.replace(" ", "")}


def _mentions(field, words):
    condition = Q(pk__in=[])
    for word in words:
        condition |= Q(**{f"{field}__contains": word})
    return condition


def erase_person(phone, *, by=None, request=None):
    """Remove `phone`'s holder everywhere (see the module docstring for what is kept, nameless).
    `request`: the RightsRequest this carries out; it gets an "erased" action by `by`."""
    phone = normalize_phone(phone)
    now = timezone.now()
    done = Erasure()
    with transaction.atomic():
        held = people_of(phone)
        users = list(held["users"])
        members = list(held["members"])
        for registration in held["registrations"].filter(
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            session__starts_at__gt=now,
        ):
            withdraw(registration, reason="person's data erased")
        registrations = list(held["registrations"])
        full_names = {p.full_name for p in [*users, *members, *registrations] if p.full_name}
        full_names |= set(held["households"].values_list("head_name", flat=True))
        # Unaccented too: texts are sent so, and file and sheet names are often typed so.
        words = full_names | {strip_diacritics(name) for name in full_names} | _forms_of(phone)

        done.registrations = Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
            full_name=ERASED_NAME, phone=None, consent_at=None
        )
        message_ids = list(held["messages"].values_list("pk", flat=True))
        clear(held["messages"].filter(state__in=PENDING_STATES), "person's data erased")
        MessageEvent.objects.filter(message_id__in=message_ids).update(provider_answer="")
        done.messages = Message.objects.filter(pk__in=message_ids).update(
            recipient="", body="", sealed_secret="", user=None
        )
        member_ids = [member.pk for member in members]
        done.members = Member.objects.filter(pk__in=member_ids).update(
            full_name=ERASED_MEMBER,
            name_key=search_key(ERASED_MEMBER),
            phone=None,
            publish_phone=False,
            publish_phone_consent_at=None,
            publish_phone_consent_method="",
            gender="",
            birth_year=None,
            user=None,
            updated_at=timezone.now(),  # provinces pulling increments must replace the name too
        )
        teams = {member.team_id for member in members}
        mentioning = _mentions("note", words)
        logs = AssistanceLog.objects.filter(Q(attendees__in=member_ids) | Q(team__in=teams)).filter(
            mentioning
        )
        for log in logs.distinct():
            AssistanceLog.objects.filter(pk=log.pk).update(note=scrub(log.note, words, phone))
        # A household numbered by them: kept nameless with its head's row, so coverage holds.
        done.households = erase_households(phone, words, ERASED_NAME, scrub)
        done.consents, _ = held["consents"].delete()
        # After the registrations lost the number: unmuting schedules reminders for registrations
        # found by number, and there must be none.
        MutedNumber.objects.filter(phone=phone).delete()
        # The opt-out links of its texts find the number by their hash: gone with the texts.
        OptOutLink.objects.filter(phone=phone).delete()
        # Invitations not yet accepted and sign-ups waiting for their code name the number too.
        Invitation.objects.filter(phone=phone).delete()
        SignUpHold.objects.filter(phone=phone).delete()
        Question.objects.filter(phone=phone).update(
            phone="", asker_name=ERASED_NAME, title=ERASED_MARK, body="", moderator_note="", search_text=""
        )
        Answer.objects.filter(phone=phone).update(phone="", author_name=ERASED_NAME, body=ERASED_MARK)
        transaction.on_commit(forum_cache.purge)  # readers' cached copies held the erased text

        requests = list(held["requests"].values_list("pk", flat=True))
        for action in RequestAction.objects.filter(mentioning, request__in=requests):
            RequestAction.objects.filter(pk=action.pk).update(note=scrub(action.note, words, phone))
        RightsRequest.objects.filter(pk__in=requests).update(full_name="", phone="", detail="", user=None)
        if request is not None:
            RequestAction.objects.create(
                request=request, action=RequestAction.Action.ERASED, by=by, by_label=label_of(by)
            )
        # Other people's texts may name them too ("Chị Xuân Lan sẽ hướng dẫn …").
        for message in Message.objects.filter(_mentions("body", words)).only("pk", "body"):
            Message.objects.filter(pk=message.pk).update(body=scrub(message.body, words, phone))
        done.roster_imports = erase_from_roster_imports(phone, words)
        _forget_admin_labels(Member, member_ids)
        _forget_admin_labels(User, [user.pk for user in users])
        AccessLogEntry.objects.filter(user__in=users).update(user_label="")
        end_sessions(phone, words, [user.pk for user in users])
        for user in users:
            done.users += _delete_or_empty(user)
    return done


def _forget_admin_labels(model, pks):
    """Both admins' histories name the object as it was ("Nguyễn Văn A edited"): blank those."""
    ids = [str(pk) for pk in pks]
    content_type = ContentType.objects.get_for_model(model)
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(label=ERASED_NAME)
    LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(object_repr=ERASED_NAME)


def _delete_or_empty(user):
    try:
        with transaction.atomic():
            user.delete()
        return 1
    except ProtectedError:
        user.refresh_from_db()
        user.full_name, user.phone, user.phone_verified, user.email, user.is_active = (
            "",
            None,
            False,
            None,
            False,
        )
        user.set_unusable_password()
        user.save()
        return 1

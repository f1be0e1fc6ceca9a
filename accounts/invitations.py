"""Inviting a person by phone: an officer names them and a role in their scope, they get an SMS link.

What a link may and may not do, and why:
- Sending it grants nothing: the role is given when the invited person accepts on the page, and
  only while the inviter may still give that role there (accounts.scopes decides).
- It never signs anyone in. A number that already has an account is accepted by its holder once
  signed in the normal way (phone code; password and authenticator app for staff), so a link read
  by someone else opens nothing. For a new number, accepting creates the account and then starts
  allauth's ordinary sign-in by SMS code for it: the session comes from allauth's login flow with
  all its stages, and staff still meet accounts.middleware (an authenticator code every session).
- It works once and for INVITATION_LINK_MAX_AGE_HOURS. The database keeps only a hash of its
  token; the outbox keeps the link sealed and shows a mask, as for sign-in codes.
"""

import hashlib
import secrets
from datetime import timedelta

from allauth.account.internal.flows.login_by_code import LoginCodeVerificationProcess
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import memberships
from accounts.authority import may_act_on
from accounts.models import Invitation, Role, RoleAssignment, User
from accounts.scopes import can_assign
from messaging.models import SECRET_PLACEHOLDER, ConsentMethod, Purpose
from messaging.outbox import queue_sms, record_consent
from vietnamese.phones import normalize_phone

# What a person may agree to receive, shown on the invitation page with what it means.
CONSENT_CHOICES = [
    (Purpose.REMINDER, _("Reminders of training sessions and team meetings")),
    (Purpose.NOTICE, _("Notices from my commune about the team's work")),
]


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


TEAM_ROLES = {Role.TEAM_LEADER, Role.TEAM_MEMBER}


def invite(
    by, phone, full_name, role, *, province=None, commune=None, language="vi", team=None, team_role=""
):
    """Record the invitation and text its link to `phone`. Returns the Invitation.

    With a `team` (one `by` may invite to), accepting also puts the person on it in `team_role`;
    the role is then held in the team's commune, whatever unit was passed."""
    if team is not None:
        if role not in TEAM_ROLES or not memberships.teams_to_invite_to(by).filter(pk=team.pk).exists():
            raise PermissionDenied
        province, commune = None, team.commune
    if not can_assign(by, role, province=province, commune=commune):
        raise PermissionDenied
    RoleAssignment(role=role, province=province, commune=commune).clean()
    phone = normalize_phone(phone)
    holder = User.objects.filter(phone=phone).first()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            phone=phone,
            full_name=full_name,
            language=language,
            role=role,
            province=province,
            commune=commune,
            invited_by=by,
            team_id=team.pk if team is not None else None,
            team_name=str(team) if team is not None else "",
            team_role=team_role if team is not None else "",
            token_hash=_hash(token),
            expires_at=timezone.now() + timedelta(hours=settings.INVITATION_LINK_MAX_AGE_HOURS),
        )
        # An account's own name and language win over what the officer typed, but only for a
        # person within the officer's reach: the text sits in their outbox, and must not tell
        # them who holds a number elsewhere (accounts/authority.py).
        known = holder if holder is not None and may_act_on(by, holder) else None
        addressee = known or User(full_name=full_name, preferred_language=language)
        with translation.override(addressee.preferred_language):
            body = gettext(
                "%(name)s, you are invited to the community digital technology team platform: %(link)s"
            ) % {"name": addressee.get_short_name(), "link": SECRET_PLACEHOLDER}
        queue_sms(
            phone,
            body,
            purpose=Purpose.INVITATION,
            idempotency_key=f"invitation:{invitation.pk}",
            language=addressee.preferred_language,
            unaccented=True,
            user=holder,
            commune=commune,
            secret=settings.SITE_URL + reverse("invitation", args=[token]),
        )
    return invitation


def _usable_invitation(token):
    invitation = (
        Invitation.objects.select_related("invited_by", "province", "commune")
        .filter(token_hash=_hash(token))
        .first()
    )
    if invitation is None or not invitation.usable or invitation.invited_by is None:
        return None
    # An officer who lost the right to give this role since cannot have it given in their name.
    if not can_assign(
        invitation.invited_by, invitation.role, province=invitation.province, commune=invitation.commune
    ):
        return None
    return invitation


def accept_invitation(request, token):
    invitation = _usable_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_expired.html", status=410)
    holder = User.objects.filter(phone=invitation.phone).first()
    signed_in = request.user if request.user.is_authenticated else None
    if signed_in != holder:
        # Someone else's account is open here, or the number's account must sign in first.
        return render(
            request,
            "accounts/invitation_sign_in.html",
            {"signed_in_as_other": signed_in is not None, "next": request.path},
        )
    if request.method != "POST":
        return render(
            request,
            "accounts/invitation.html",
            {
                "name": holder.full_name if holder else invitation.full_name,
                "team_name": invitation.team_name,
                "new_account": holder is None,
                "consent_choices": CONSENT_CHOICES,
            },
        )
    with transaction.atomic():
        # Claimed once: a second request with the same link (even at the same moment) finds it used.
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now()
        )
        if not claimed:
            return render(request, "accounts/invitation_expired.html", status=410)
        if holder is None:
            # No password: the new person signs in with codes by SMS.
            holder = User.objects.create_user(
                phone=invitation.phone, full_name=invitation.full_name, preferred_language=invitation.language
            )
        assignment, _created = RoleAssignment.objects.get_or_create(
            user=holder, role=invitation.role, province=invitation.province, commune=invitation.commune
        )
        Invitation.objects.filter(pk=invitation.pk).update(user=holder, role_assignment=assignment)
        if invitation.team_id:
            memberships.join(holder, invitation.team_id, invitation.team_role)
        chosen = set(request.POST.getlist("consent"))
        for purpose, _label in CONSENT_CHOICES:
            record_consent(
                holder.phone,
                purpose,
                ConsentMethod.FORM,
                granted=purpose in chosen,
                note=f"invitation {invitation.pk}",
            )
    if signed_in is not None:
        return redirect(settings.LOGIN_REDIRECT_URL)
    # The new account signs in as anyone does by phone: a code by SMS, then allauth's login stages.
    LoginCodeVerificationProcess.initiate(request=request, user=holder, phone=holder.phone)
    return redirect("account_confirm_login_code")

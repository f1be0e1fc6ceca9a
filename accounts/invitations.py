"""Inviting a person by phone: an officer names them and their role, they get an SMS link.

The link (valid INVITATION_DAYS days, once) signs them in, marks the number verified (only its
holder could read the text) and records the consent they give on the page. Later sign-ins use
a code by SMS.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Invitation, RoleAssignment, User
from accounts.scopes import can_assign
from messaging.models import ConsentMethod, Purpose
from messaging.outbox import queue_sms, record_consent
from vietnamese.phones import normalize_phone

INVITATION_DAYS = 7
# What a person may agree to receive, shown on the invitation page with what it means.
CONSENT_CHOICES = [
    (Purpose.REMINDER, _("Reminders of training sessions and team meetings")),
    (Purpose.NOTICE, _("Notices from my commune about the team's work")),
]


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invite(by, phone, full_name, role, *, province=None, commune=None, language="vi"):
    """Create (or reuse) the person, give them `role`, and text them a link. Returns the Invitation."""
    if not can_assign(by, role, province=province, commune=commune):
        raise PermissionDenied
    phone = normalize_phone(phone)
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        user = User.objects.filter(phone=phone).first()
        if user is None:
            # No password: the invited person signs in with codes by SMS.
            user = User.objects.create_user(phone=phone, full_name=full_name, preferred_language=language)
        assignment = RoleAssignment(user=user, role=role, province=province, commune=commune)
        assignment.full_clean(validate_constraints=False)
        assignment, _ = RoleAssignment.objects.get_or_create(
            user=user, role=role, province=province, commune=commune
        )
        invitation = Invitation.objects.create(
            user=user,
            role_assignment=assignment,
            invited_by=by,
            token_hash=_hash(token),
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        )
        link = settings.SITE_URL + reverse("invitation", args=[token])
        with translation.override(user.preferred_language):
            body = gettext(
                "%(name)s, you are invited to the community digital technology team platform: %(link)s"
            ) % {
                "name": user.get_short_name() or user.full_name,
                "link": link,
            }
        queue_sms(
            phone,
            body,
            purpose=Purpose.INVITATION,
            idempotency_key=f"invitation:{invitation.pk}",
            unaccented=True,
            user=user,
            commune=commune,
        )
    return invitation


def accept_invitation(request, token):
    invitation = Invitation.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if invitation is None or not invitation.usable:
        return render(request, "accounts/invitation_expired.html", status=410)
    if request.method == "POST":
        user = invitation.user
        with transaction.atomic():
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])
            chosen = set(request.POST.getlist("consent"))
            for purpose, _label in CONSENT_CHOICES:
                record_consent(
                    user.phone,
                    purpose,
                    ConsentMethod.FORM,
                    granted=purpose in chosen,
                    note=f"invitation {invitation.pk}",
                )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": invitation, "consent_choices": CONSENT_CHOICES},
    )

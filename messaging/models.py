"""The SMS outbox: every text the platform sends is a Message row that moves through states.

A message is created once per idempotency key (callers choose the key, e.g.
"reminder:session-12:user-7:d-1"), so asking twice never sends twice. Each change of state is kept
as a MessageEvent with its time and the provider's answer: that history is what an officer reads
when someone says "I never got the text".
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vietnamese import formats

# Where a sign-in code sits in a stored body: the code itself is kept sealed beside it (see
# messaging/secrets.py) and the body shown anywhere has the mask instead.
SECRET_PLACEHOLDER = "{secret}"  # noqa: S105  (a placeholder, not a secret)
SECRET_MASK = "••••••"  # noqa: S105
# Where the opt-out link's code sits in a stored body (messaging/optout.py puts it in at send time).
OPTOUT_PLACEHOLDER = "{optout}"


class Purpose(models.TextChoices):
    SIGN_IN = "sign_in", _("sign-in code")
    INVITATION = "invitation", _("invitation")
    REMINDER = "reminder", _("reminder")
    NOTICE = "notice", _("notice")


class State(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    QUEUED = "queued", _("queued")
    SENT = "sent", _("sent")
    DELIVERED = "delivered", _("delivered")
    UNDELIVERED = "undelivered", _("undelivered")
    FAILED = "failed", _("failed")
    CLEARED = "cleared", _("cleared")
    MUTED = "muted", _("muted")
    DENIED = "denied", _("denied")
    DUPLICATE = "duplicate", _("duplicate")


# States a message may still leave towards the provider.
PENDING_STATES = (State.SCHEDULED, State.QUEUED)


class Encoding(models.TextChoices):
    GSM7 = "gsm7", "GSM-7"
    UCS2 = "ucs2", "UCS-2"


class Message(models.Model):
    recipient = models.CharField(_("recipient"), max_length=16, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sms_messages",
        verbose_name=_("user"),
    )
    # Where the message belongs on the map, so officers see their own unit's messages only.
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    language = models.CharField(_("language"), max_length=8, default="vi")
    body = models.TextField(_("text"))
    # A sign-in code, encrypted, kept only until the provider has it (then emptied).
    sealed_secret = models.TextField(blank=True, default="", editable=False)
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices, db_index=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    due_at = models.DateTimeField(_("due at"), default=timezone.now)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.SCHEDULED)
    encoding = models.CharField(_("encoding"), max_length=8, choices=Encoding.choices, default=Encoding.GSM7)
    segments = models.PositiveSmallIntegerField(_("segments"), default=1)
    provider = models.CharField(_("provider"), max_length=32, blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=64, blank=True, db_index=True)
    error_code = models.CharField(_("error code"), max_length=16, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    # Set, and committed, just before the provider is called: a task that finds it set on a
    # message with no provider answer knows the provider may already have it, and never resends.
    handed_at = models.DateTimeField(_("handed to provider at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    scope_commune_path = "commune"

    class Meta:
        verbose_name = _("text message")
        verbose_name_plural = _("text messages")
        ordering = ["-due_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "due_at"], name="message_state_due"),
            models.Index(fields=["recipient", "purpose"], name="message_recipient_purpose"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.recipient} ({self.get_state_display()})"

    @admin.display(description=_("recipient"), ordering="recipient")
    def shown_recipient(self) -> str:
        """The number as officers write it (0912 345 678), not the stored +84912345678."""
        return formats.phone(self.recipient)

    @property
    @admin.display(description=_("text"))
    def shown_body(self) -> str:
        """The text as staff may see it: a sign-in code and the opt-out link's code are masked."""
        return self.body.replace(SECRET_PLACEHOLDER, SECRET_MASK).replace(OPTOUT_PLACEHOLDER, SECRET_MASK)


class MessageEvent(models.Model):
    """One change of state of a message, with the provider's answer when there was one."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(_("from"), max_length=16, choices=State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=State.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=255, blank=True)
    provider_answer = models.TextField(_("provider answer"), blank=True)

    class Meta:
        verbose_name = _("message event")
        verbose_name_plural = _("message events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state or '·'} → {self.to_state} @ {self.at:%d/%m/%Y %H:%M:%S}"


class ConsentMethod(models.TextChoices):
    """How consent, or a request about one's data (privacy.models.REQUEST_METHODS), reached us."""

    FORM = "form", _("form on the website")
    PAPER = "paper", _("paper form or letter")
    SMS_KEYWORD = "sms_keyword", _("text message keyword")
    OFFICER = "officer", _("recorded by an officer")
    SIGN_IN = "sign_in", _("asked for a sign-in code")
    SELF_SERVICE = "self_service", _("self-service web")
    IN_PERSON = "in_person", _("in person, told an officer")
    PHONE_CALL = "phone_call", _("by a phone call to an officer")


class ConsentRecord(models.Model):
    """Consent given or withdrawn for one purpose: kept forever, the latest one counts.

    Consent must be provable (Personal Data Protection Law 91/2025), so records are appended,
    never edited.
    """

    phone = models.CharField(_("phone number"), max_length=16, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    granted = models.BooleanField(_("granted"))
    method = models.CharField(_("method"), max_length=16, choices=ConsentMethod.choices)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=255, blank=True)
    # The officer who wrote down consent given on paper, in person or by phone; empty when the
    # person acted themselves (a form, a keyword, the "my data" page).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.phone} {self.purpose} {'+' if self.granted else '-'}"


class MutedNumber(models.Model):
    """A number that texted STOP (or HUY, TU CHOI, DUNG): it gets nothing but sign-in codes."""

    phone = models.CharField(_("phone number"), max_length=16, unique=True)
    muted_at = models.DateTimeField(_("muted at"), default=timezone.now)
    reason = models.CharField(_("reason"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("muted number")
        verbose_name_plural = _("muted numbers")

    def __str__(self) -> str:
        return self.phone


class InboundMessage(models.Model):
    """A text Twilio passed to us, by its MessageSid: each is acted on once, so a replayed
    START (or a retried request) cannot undo a STOP sent after it. Only the id is kept."""

    sid = models.CharField(max_length=64, unique=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("inbound text")
        verbose_name_plural = _("inbound texts")

    def __str__(self) -> str:
        return self.sid


class OptOutLink(models.Model):
    """What an opt-out link opens (messaging/optout.py): a number and one purpose, found by the
    SHA-256 of the link's code. The code itself is never stored."""

    digest = models.CharField(max_length=64, unique=True)
    phone = models.CharField(_("phone number"), max_length=16, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    # The language of the text that carried the link: the page opens in it.
    language = models.CharField(_("language"), max_length=8, default="vi")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("opt-out link")
        verbose_name_plural = _("opt-out links")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.created_at:%d/%m/%Y})"

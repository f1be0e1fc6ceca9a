"""Who comes to a session, and every text the platform sent them about it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A person's place at a session (or on its waiting list).

    Citizens sign up themselves with a phone; members are enrolled by an officer or their
    leader. One row per phone per session: signing up again finds the same row, so a second
    sign-up can never make a duplicate.
    """

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        WAITING = "waiting", _("on the waiting list")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Source(models.TextChoices):
        SELF = "self", _("signed up on the website")
        OFFICER = "officer", _("enrolled by an officer or leader")

    session = models.ForeignKey(
        "trainings.TrainingSession",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("session"),
    )
    member = models.ForeignKey(
        "teams.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_registrations",
        verbose_name=_("member"),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone number"), max_length=16, null=True, blank=True)  # noqa: DJ001
    language = models.CharField(
        _("language"), max_length=8, choices=[("vi", "Tiếng Việt"), ("en", "English")], default="vi"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED)
    source = models.CharField(_("how"), max_length=16, choices=Source.choices, default=Source.SELF)
    consent_at = models.DateTimeField(_("consent to reminders given at"), null=True, blank=True)
    attended = models.BooleanField(_("came"), null=True, blank=True)
    # Bumped whenever this person's pending texts are cleared (withdrawal, a moved session, a muted
    # number): it is part of every idempotency key, so texts for the new round are new messages
    # while a key of the same round can never be sent twice.
    round = models.PositiveSmallIntegerField(default=0, editable=False)
    # SHA-256 of the key in the person's own link (trainings/verifying.py): a new key at each
    # sign-up, emptied on withdrawal so that link opens nothing any more. Never the key itself.
    link_hash = models.CharField(max_length=64, blank=True, default="", editable=False, db_index=True)
    # Place in the queue: the waiting list is served in this order.
    queued_at = models.DateTimeField(_("signed up at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    scope_commune_path = "session__commune"  # places/scopes.py

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["session_id", "queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "phone"],
                condition=Q(phone__isnull=False),
                name="registration_one_per_phone",
            ),
            models.UniqueConstraint(
                fields=["session", "member"],
                condition=Q(member__isnull=False),
                name="registration_one_per_member",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"], name="registration_queue")]

    def __str__(self):
        return f"{self.full_name} · {self.session}"

    @property
    def is_active(self):
        return self.status in (self.Status.REGISTERED, self.Status.WAITING)


class SignUpHold(models.Model):
    """A citizen's sign-up waiting for the code texted to their phone.

    It holds a place until `expires_at` (TRAINING_SIGN_UP_HOLD_MINUTES) so the person who proves
    their number finds it still there; only then is a Registration made and consent recorded.
    The code is kept as a keyed hash, never in clear. Expired holds count for nothing and are
    deleted when new ones are made.
    """

    session = models.ForeignKey(
        "trainings.TrainingSession", on_delete=models.CASCADE, related_name="sign_up_holds"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone number"), max_length=16)
    language = models.CharField(_("language"), max_length=8, default="vi")
    code_hash = models.CharField(max_length=64)
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    expires_at = models.DateTimeField(_("held until"), db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-up waiting for its code")
        verbose_name_plural = _("sign-ups waiting for their code")
        constraints = [
            models.UniqueConstraint(fields=["session", "phone"], name="sign_up_hold_one_per_phone")
        ]

    def __str__(self):
        return f"{self.full_name} · {self.session_id}"


class SessionMessage(models.Model):
    """Links an outbox message to the registration it is about, so a session's page can show
    every registrant's texts and their delivery state, and a cancellation finds what to clear."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("sign-up confirmation")
        WAITING = "waiting", _("waiting-list notice")
        PROMOTED = "promoted", _("a place came free")
        REMINDER = "reminder", _("reminder")
        MOVED = "moved", _("change notice")
        CANCELLED = "cancelled", _("cancellation notice")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="messages")
    message = models.OneToOneField(
        "messaging.Message", on_delete=models.CASCADE, related_name="training_link"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # Minutes before the start, for reminders.
    offset_minutes = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("session text message")
        verbose_name_plural = _("session text messages")
        ordering = ["message__due_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.registration.full_name}"

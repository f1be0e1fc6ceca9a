"""One delivery of a course: a time, a place, a trainer and a number of seats."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrainingSessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(status=TrainingSession.Status.SCHEDULED, ends_at__gt=now or timezone.now())

    def public(self):
        return self.filter(audience=TrainingSession.Audience.CITIZENS)


class TrainingSession(models.Model):
    class Audience(models.TextChoices):
        MEMBERS = "members", _("team members")
        CITIZENS = "citizens", _("citizens")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled")
        HELD = "held", _("held")

    course = models.ForeignKey(
        "trainings.Course", on_delete=models.PROTECT, related_name="sessions", verbose_name=_("course")
    )
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    # Always set: the commune places the session in an officer's scope; a village narrows it.
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("commune"),
    )
    village = models.ForeignKey(
        "places.Village",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("village"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    trainer = models.CharField(_("trainer"), max_length=150)
    # A session with no place would list itself and then put everyone on the waiting list.
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1, _("A session needs at least one place."))]
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    unaccented_sms = models.BooleanField(
        _("texts without diacritics"),
        default=False,
        help_text=_("Cheaper: a text without diacritics fits 160 characters instead of 70."),
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = TrainingSessionQuerySet.as_manager()

    scope_commune_path = "commune"  # places/scopes.py

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="session_status_start")]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.course} · {local:%d/%m/%Y %H:%M}"

    @property
    def place_name(self):
        return ", ".join(str(part) for part in (self.address, self.village, self.commune) if part)

    @property
    def is_ahead(self):
        """Scheduled and not begun: it can still be changed, cancelled or signed up for. A session
        whose time has come is held (attendance is taken), whatever its stored status says."""
        return self.status == self.Status.SCHEDULED and self.starts_at > timezone.now()

    @property
    def shown_status(self):
        """ "held" once its time has come, before attendance is taken and stores it."""
        if self.status == self.Status.SCHEDULED and not self.is_ahead:
            return self.Status.HELD.label
        return self.get_status_display()

    @property
    def is_open_for_sign_up(self):
        return self.is_ahead

    def clean(self):
        super().clean()
        errors = {}
        if self.village_id and self.commune_id and self.village.commune_id != self.commune_id:
            errors["village"] = _("This village is not in the chosen commune.")
        if self.village_id and not self.commune_id:
            self.commune_id = self.village.commune_id
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        changed_start = self._state.adding or self.starts_at != getattr(self, "_loaded_start", None)
        if self.starts_at and changed_start and self.starts_at <= timezone.now():
            errors["starts_at"] = _("A session cannot start in the past.")
        if not self.address and not self.online_url:
            errors["address"] = _("Give an address, or an online link for an online session.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_start = instance.__dict__.get("starts_at")
        return instance

"""People's requests about their data, what was done about each, and the breach register."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from messaging.models import ConsentMethod
from privacy import clocks


def _local(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def _deadline(due, overdue):
    """A deadline cell of an admin listing: red, and saying so, once passed."""
    if overdue:
        return format_html(
            '<strong class="overdue w-text-critical-200">{} · {}</strong>', _("Overdue"), _local(due)
        )
    return _local(due)


# How a request reaches us: one list with how consent arrives (messaging.models.ConsentMethod),
# those of its ways a person uses to ask, by themselves or through an officer.
REQUEST_METHODS = (
    ConsentMethod.SELF_SERVICE,
    ConsentMethod.IN_PERSON,
    ConsentMethod.PHONE_CALL,
    ConsentMethod.PAPER,
)


class RightsRequest(models.Model):
    """A person asks to see, correct or delete their data, objects to its use, or withdraws consent.

    `commune` or `province` places the request on the map, from the data about the person: the
    narrowest unit covering every place they appear (accounts/authority.py), none for the whole
    country. Only a number held nowhere yet sits where the recording officer received it.
    Officers see the requests of their units only, and act on one only while their scope still
    covers the person (otherwise it is forwarded up).
    """

    class Kind(models.TextChoices):
        ACCESS = "access", _("access to their data")
        CORRECTION = "correction", _("correction")
        DELETION = "deletion", _("deletion")
        OBJECTION = "objection", _("objection to a use")
        WITHDRAWAL = "withdrawal", _("withdrawal of consent")

    class Status(models.TextChoices):
        # A context of its own: "received" alone is a time elsewhere (cms feedback).
        RECEIVED = "received", pgettext_lazy("data request status", "received")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused")

    kind = models.CharField(_("request"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    channel = models.CharField(
        _("received by"), max_length=16, choices=[(m.value, m.label) for m in REQUEST_METHODS]
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone number"), max_length=16, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("Set when the person appears in several communes of one province."),
    )
    detail = models.TextField(_("what the person asked"), blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    scope_commune_path = "commune"  # places/scopes.py
    scope_province_paths = ["province", "commune__province"]

    class Meta:
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} {self.get_kind_display()} ({self.received_at:%d/%m/%Y})"

    @property
    def acknowledge_due(self):
        return clocks.acknowledge_due(self.received_at)

    @property
    def complete_due(self):
        """Only a withdrawal of consent has a completion deadline in the law (15 days)."""
        return clocks.withdrawal_due(self.received_at) if self.kind == self.Kind.WITHDRAWAL else None

    OPEN_STATUSES = (Status.RECEIVED, Status.ACKNOWLEDGED)

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    def overdue(self, now=None):
        """The deadline missed, if any: "acknowledge" or "complete"."""
        now = now or timezone.now()
        if self.status == self.Status.RECEIVED and now > self.acknowledge_due:
            return "acknowledge"
        if self.is_open and self.complete_due and now > self.complete_due:
            return "complete"
        return None

    @admin.display(description=_("deadline"))
    def clock(self):
        due = self.acknowledge_due if self.status == self.Status.RECEIVED else self.complete_due
        if not self.is_open or due is None:
            return "—"
        return _deadline(due, bool(self.overdue()))


class RequestAction(models.Model):
    """One thing done about a request, by whom and when: the request's history, never edited."""

    class Action(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("data request action", "received")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused")
        NOTE = "note", _("note")
        ERASED = "erased", _("person's data erased")
        FORWARDED = "forwarded", _("forwarded to the level covering the person")

    request = models.ForeignKey(RightsRequest, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Who, as text: an officer's email stays readable after their account is gone; "the person"
    # when they acted themselves on the "my data" page.
    by_label = models.CharField(_("by (as recorded)"), max_length=254, blank=True)
    note = models.TextField(_("note"), blank=True)

    scope_commune_path = "request__commune"  # places/scopes.py
    scope_province_paths = ["request__province", "request__commune__province"]

    class Meta:
        verbose_name = _("request action")
        verbose_name_plural = _("request actions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}"


class Breach(models.Model):
    """A personal data breach, with the 72-hour clock for notifying the authority (Law 91/2025)."""

    what = models.TextField(_("what happened"))
    discovered_at = models.DateTimeField(_("discovered at"))
    happened_at = models.DateTimeField(_("happened at (if known)"), null=True, blank=True)
    people_affected = models.PositiveIntegerField(_("people affected"))
    scope = models.TextField(_("data and units affected"))
    measures = models.TextField(_("measures taken"))
    notified_at = models.DateTimeField(_("authority notified at"), null=True, blank=True)
    notified_to = models.CharField(_("notified to"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("data breach")
        verbose_name_plural = _("data breaches")
        ordering = ["-discovered_at", "-pk"]

    def __str__(self):
        return f"{timezone.localtime(self.discovered_at):%d/%m/%Y %H:%M} {self.what[:60]}"

    @property
    def notify_due(self):
        return clocks.breach_notify_due(self.discovered_at)

    def overdue(self, now=None):
        return self.notified_at is None and (now or timezone.now()) > self.notify_due

    @admin.display(description=_("notify by"))
    def clock(self):
        if self.notified_at:
            return format_html("{} {}", _("Notified"), _local(self.notified_at))
        return _deadline(self.notify_due, self.overdue())

"""Teams and their members, with a history that is added to and never rewritten.

A team serves one village (or, where a province does so, a whole commune). A `Member` row is one
person's membership of one team: joining another team is a new row, leaving sets `left_on`, so a
report for last year counts the people who were on the team then. `TeamEvent` (history.py) records
what changed and when (founding, status changes, members joining, leaving or changing role).
"""

import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Village
from teams.models import history
from teams.models.counted import CountedInReports
from teams.signals import commune_counts_changed
from vietnamese.phones import InvalidPhone, normalize_phone, parse_phone
from vietnamese.text import normalize, search_key


class TeamQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Team.Status.ACTIVE)

    def search(self, text):
        """Teams whose name, village or commune contains `text`, typed with or without diacritics."""
        key = search_key(text)
        if not key:
            return self
        return self.filter(
            Q(name_key__contains=key)
            | Q(village__name_key__contains=key)
            | Q(commune__name_key__contains=key)
        )


class Team(CountedInReports):
    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        DISSOLVED = "dissolved", _("dissolved")

    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="teams",
        verbose_name=_("village"),
        help_text=_("Leave empty for a commune-level team."),
    )
    # Always set; for a village team it is the village's commune (kept so in `clean`/`save`).
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="teams", verbose_name=_("commune")
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    founded_on = models.DateField(
        _("founded on"),
        default=timezone.localdate,
        help_text=_("Sessions cannot be logged before this date."),
    )
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = TeamQuerySet.as_manager()

    scope_commune_path = "commune"  # places/scopes.py
    counted_fields = ("status", "village_id", "commune_id")

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["commune_id", "name_key"]
        constraints = [
            # One team per village at a time; a dissolved team stays for the record.
            models.UniqueConstraint(
                fields=["village"],
                condition=Q(village__isnull=False) & ~Q(status="dissolved"),
                name="team_one_current_per_village",
            ),
        ]
        indexes = [models.Index(fields=["commune", "status"], name="team_commune_status")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.village_id and not self.commune_id:
            self.commune_id = self.village.commune_id
        self.name = normalize(self.name)
        self.name_key = search_key(self.name)
        creating = self._state.adding
        super().save(*args, **kwargs)
        # History is written through teams.models.history, as bulk writes (the roster import) do.
        history.write(history.team_events([self], creating), getattr(self, "changed_by", None))
        self._loaded = {"status": self.status}

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded = {"status": instance.__dict__.get("status")}
        return instance

    def counted_changed(self, states):
        commune_counts_changed.send(sender=Team, commune_ids={state["commune_id"] for state in states})

    @property
    def place(self):
        return self.village or self.commune

    def clean(self):
        super().clean()
        if self.village_id:
            self.commune_id = self.village.commune_id
        elif not self.commune_id:
            raise ValidationError({"village": _("Choose the village (or the commune) the team serves.")})
        if self.decision_date and self.decision_date > timezone.localdate():
            raise ValidationError({"decision_date": _("The decision date cannot be in the future.")})
        if self.status == self.Status.DISSOLVED and not self.dissolved_on:
            self.dissolved_on = timezone.localdate()

    def members_on(self, day):
        """The members on the team on `day` (joined by then, not yet left)."""
        return self.members.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))


class MemberQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True)

    def search(self, text):
        key = search_key(text)
        return self.filter(name_key__contains=key) if key else self


class Member(CountedInReports):
    class Gender(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")
        OTHER = "other", _("other")

    class Organisation(models.TextChoices):
        VILLAGE_OFFICE = "village_office", _("village head's office")
        YOUTH_UNION = "youth_union", _("youth union")
        WOMENS_UNION = "womens_union", _("women's union")
        FARMERS_UNION = "farmers_union", _("farmers' union")
        FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front")
        POLICE = "police", _("police")
        SCHOOL = "school", _("school")
        HEALTH_STATION = "health_station", _("health station")
        TELECOM_POST = "telecom_post", _("telecom or post company")
        VOLUNTEER = "volunteer", _("volunteer")
        OTHER = "other", _("other")

    class TeamRole(models.TextChoices):
        LEADER = "leader", _("leader")
        DEPUTY = "deputy", _("deputy")
        MEMBER = "member", _("member")

    class TrainingStatus(models.TextChoices):
        NOT_TRAINED = "not_trained", _("not trained")
        IN_TRAINING = "in_training", _("in training")
        TRAINED = "trained", _("trained")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="members", verbose_name=_("team"))
    full_name = models.CharField(_("full name"), max_length=150)
    name_key = models.CharField(max_length=150, db_index=True, editable=False)
    # NULL, not "", when unknown: the partial unique constraint below then ignores it.
    phone = models.CharField(  # noqa: DJ001
        _("phone number"), max_length=16, null=True, blank=True, help_text=_("A Vietnamese mobile number.")
    )
    publish_phone = models.BooleanField(
        _("phone may be published"),
        default=False,
        help_text=_("Only with the member's consent: the number then shows on the public team finder."),
    )
    publish_phone_consent_at = models.DateTimeField(
        _("consent to publish recorded at"), null=True, blank=True
    )
    publish_phone_consent_method = models.CharField(
        _("how consent was given"),
        max_length=120,
        blank=True,
        help_text=_("For example: signed form, in person."),
    )
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    organisation = models.CharField(
        _("organisation"), max_length=24, choices=Organisation.choices, default=Organisation.OTHER
    )
    role = models.CharField(
        _("role in the team"), max_length=8, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    training_status = models.CharField(
        _("training"), max_length=16, choices=TrainingStatus.choices, default=TrainingStatus.NOT_TRAINED
    )
    trained_on = models.DateField(_("trained on"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("user account"),
        help_text=_("The account the member signs in with (by phone)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MemberQuerySet.as_manager()

    scope_commune_path = "team__commune"  # places/scopes.py
    counted_fields = ("team_id", "left_on", "training_status")

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["team_id", "role", "name_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["phone"],
                condition=Q(left_on__isnull=True, phone__isnull=False),
                name="member_phone_unique_among_current",
            ),
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(left_on__isnull=True, role="leader"),
                name="member_one_current_leader_per_team",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="member_leaves_after_joining",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "left_on"], name="member_team_current"),
            models.Index(fields=["user", "left_on"], name="member_user_current"),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = normalize(self.full_name)
        self.name_key = search_key(self.full_name)
        if self.phone:
            # Saved outside a form (imports, scripts): still stored as +84; `clean` reports bad ones.
            with contextlib.suppress(InvalidPhone):
                self.phone = normalize_phone(self.phone)
        creating = self._state.adding
        super().save(*args, **kwargs)
        history.write(history.member_events([self], creating), getattr(self, "changed_by", None))
        self._loaded = {"role": self.role, "left_on": self.left_on}

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded = {
            "role": instance.__dict__.get("role"),
            "left_on": instance.__dict__.get("left_on"),
        }
        return instance

    def counted_changed(self, states):
        teams = {state["team_id"] for state in states}
        if teams == {self.team_id} and Member.team.is_cached(self):
            communes = {self.team.commune_id}
        else:
            communes = set(Team.objects.filter(pk__in=teams).values_list("commune_id", flat=True))
        commune_counts_changed.send(sender=Member, commune_ids=communes)

    @property
    def public_phone(self):
        """The number in national form where the member consented to publish it, else None."""
        if not (self.publish_phone and self.phone and self.is_current):
            return None
        return parse_phone(self.phone).national

    @property
    def is_current(self):
        return self.left_on is None

    @property
    def is_trained(self):
        return self.training_status == self.TrainingStatus.TRAINED

    def clean(self):
        super().clean()
        self.full_name = normalize(self.full_name) or ""
        errors = {}
        if self.phone:
            try:
                self.phone = normalize_phone(self.phone)
            except InvalidPhone as error:
                errors["phone"] = str(error)
        else:
            self.phone = None
        if self.phone and self.left_on is None:
            taken = Member.objects.current().filter(phone=self.phone).exclude(pk=self.pk)
            if taken.exists():
                errors["phone"] = _("This phone number belongs to another current member.")
        this_year = timezone.localdate().year
        if self.birth_year and not (this_year - 100 <= self.birth_year <= this_year - 14):
            errors["birth_year"] = _("Year of birth must be between %(first)s and %(last)s.") % {
                "first": this_year - 100,
                "last": this_year - 14,
            }
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            errors["left_on"] = _("A member cannot leave before joining.")
        if self.publish_phone and not self.phone:
            errors["publish_phone"] = _("There is no phone number to publish.")
        if errors:
            raise ValidationError(errors)
        if self.publish_phone and not self.publish_phone_consent_at:
            self.publish_phone_consent_at = timezone.now()
        if not self.publish_phone:
            self.publish_phone_consent_at = None

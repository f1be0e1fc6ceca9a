"""A village's households, their members, what each member showed they can do, and visits to come.

No national ID number is held. A phone is kept only with the person's consent, written down by
the team member through messaging's consent records (households/forms.py). Each row says who
created and last changed it, and when. Skill checks are appended, never edited: a person's
skills are the union of their checks under one framework version, and a `Confirmation` row is
added the first time that union completes a group or the basic set, so figures count rows.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Province, Village
from vietnamese.text import normalize, search_key


class Kept(models.Model):
    """Who created a row and who changed it last, and when."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        abstract = True


class Household(Kept):
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="households", verbose_name=_("village")
    )
    head_name = models.CharField(_("head of household"), max_length=150)
    name_key = models.CharField(max_length=150, db_index=True, editable=False)
    address = models.CharField(_("address or note"), max_length=255, blank=True)
    phone = models.CharField(  # noqa: DJ001 (NULL: no phone, never an empty one)
        _("phone number"), max_length=16, null=True, blank=True, db_index=True
    )

    scope_commune_path = "village__commune"  # places/scopes.py

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["village_id", "name_key", "pk"]

    def __str__(self):
        return self.head_name

    def save(self, *args, **kwargs):
        self.head_name = normalize(self.head_name)
        self.name_key = search_key(self.head_name)
        super().save(*args, **kwargs)


class HouseholdMember(Kept):
    class Sex(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members", verbose_name=_("household")
    )
    full_name = models.CharField(_("full name"), max_length=150)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True)

    scope_commune_path = "household__village__commune"

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["household_id", "pk"]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = normalize(self.full_name)
        super().save(*args, **kwargs)


class SkillCheck(models.Model):
    """What one person showed a team member they can do, on one day, under one framework version."""

    member = models.ForeignKey(
        HouseholdMember, on_delete=models.CASCADE, related_name="checks", verbose_name=_("person")
    )
    framework = models.CharField(_("framework version"), max_length=20)
    skills = models.JSONField(_("skills shown"), default=list)
    checked_on = models.DateField(_("checked on"), default=timezone.localdate)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    scope_commune_path = "member__household__village__commune"

    class Meta:
        verbose_name = _("skills check")
        verbose_name_plural = _("skills checks")
        ordering = ["-checked_on", "-pk"]

    def __str__(self):
        return f"{self.member} {self.checked_on:%d/%m/%Y} ({self.framework})"


class Confirmation(models.Model):
    """A person confirmed in a skill group, or in the whole basic set ("basic"), under a version."""

    member = models.ForeignKey(HouseholdMember, on_delete=models.CASCADE, related_name="confirmations")
    framework = models.CharField(max_length=20)
    what = models.CharField(max_length=40)  # a group code of the framework, or skills.BASIC
    confirmed_on = models.DateField()

    scope_commune_path = "member__household__village__commune"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "framework", "what"], name="confirmation_once"),
        ]
        indexes = [models.Index(fields=["what", "framework"], name="confirmation_what")]

    def __str__(self):
        return f"{self.member} {self.what} ({self.framework})"


class FollowUp(Kept):
    """A visit to come back for ("in two weeks, finish VNeID"), for one team member."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("household")
    )
    assigned_to = models.ForeignKey(
        "teams.Member", on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("team member")
    )
    due_on = models.DateField(_("due on"))
    note = models.CharField(_("what to do"), max_length=255)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    scope_commune_path = "household__village__commune"

    class Meta:
        verbose_name = _("follow-up visit")
        verbose_name_plural = _("follow-up visits")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["assigned_to", "done_at", "due_on"], name="followup_open")]

    def __str__(self):
        return self.note


class HouseholdFigures(models.Model):
    """Households listed, households covered and people confirmed per group, kept by
    households/totals.py so the public pages read a few rows instead of counting millions."""

    households = models.PositiveIntegerField(default=0)
    covered = models.PositiveIntegerField(default=0)
    people = models.JSONField(default=dict)  # {group code or skills.BASIC: people confirmed in it}

    class Meta:
        abstract = True


class CommuneHouseholds(HouseholdFigures):
    commune = models.OneToOneField(Commune, on_delete=models.CASCADE, primary_key=True, related_name="+")

    def __str__(self):
        return str(self.commune_id)


class ProvinceHouseholds(HouseholdFigures):
    """The sum of the province's communes; its row is the lock their recounts take."""

    province = models.OneToOneField(Province, on_delete=models.CASCADE, primary_key=True, related_name="+")

    def __str__(self):
        return str(self.province_id)

"""People who sign in. A team member signs in by phone, an officer or editor by email.

Which units a person may see and change is not stored here but in role assignments
(accounts/scopes), so one person can hold roles in several places.
"""

from django.contrib import admin
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access_words import scope_words, what_label
from vietnamese.phones import InvalidPhone, normalize_phone
from vietnamese.text import normalize


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **fields):
        if not email and not fields.get("phone"):
            raise ValueError("A user needs an email address or a phone number.")
        user = self.model(email=self.normalize_email(email) or None, **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    phone = models.CharField(
        _("phone number"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A Vietnamese mobile number, stored as +84…"),
    )
    # Set once the holder has proved the number is theirs (a sign-in code or an invitation link).
    phone_verified = models.BooleanField(_("phone number verified"), default=False)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=[("vi", "Tiếng Việt"), ("en", "English")], default="vi"
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can open the administration site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email or self.phone or f"#{self.pk}"

    def clean(self):
        super().clean()
        self.full_name = normalize(self.full_name) or ""
        self.email = self.__class__.objects.normalize_email(self.email) or None
        if self.phone:
            try:
                self.phone = normalize_phone(self.phone)
            except InvalidPhone as error:
                raise ValidationError({"phone": str(error)}) from None
        else:
            self.phone = None

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        # Vietnamese names put the given name last: "Nguyễn Thị Lan" is called "Lan".
        return self.full_name.split()[-1] if self.full_name else ""


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("national administrator")
    PROVINCE_OFFICER = "province_officer", _("province officer")
    COMMUNE_OFFICER = "commune_officer", _("commune officer")
    CONTENT_EDITOR = "content_editor", _("content editor")
    TEAM_LEADER = "team_leader", _("team leader")
    TEAM_MEMBER = "team_member", _("team member")


# The unit each role is held in: the whole country, one province or one commune.
ROLE_UNIT = {
    Role.NATIONAL_ADMIN: "nation",
    Role.PROVINCE_OFFICER: "province",
    Role.COMMUNE_OFFICER: "commune",
    Role.CONTENT_EDITOR: "nation_or_province",
    Role.TEAM_LEADER: "commune",
    Role.TEAM_MEMBER: "commune",
}
UNIT_MESSAGES = {
    "nation": _("This role covers the whole country: leave province and commune empty."),
    "province": _("This role is held in one province: choose a province and no commune."),
    "commune": _("This role is held in one commune: choose a commune and no province."),
    "nation_or_province": _("This role covers the whole country or one province: leave the commune empty."),
}


class RoleAssignment(models.Model):
    """A person holds a role in a unit: what they may see follows from these (accounts/scopes.py)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    province = models.ForeignKey(
        "places.Province", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("commune")
    )
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    scope_commune_path = "commune"
    scope_province_paths = ["province", "commune__province"]

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            # One assignment per person, role and unit (the nation being "no unit").
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(province__isnull=True, commune__isnull=True),
                name="role_assignment_unique_national",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "province"],
                condition=models.Q(province__isnull=False),
                name="role_assignment_unique_province",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "commune"],
                condition=models.Q(commune__isnull=False),
                name="role_assignment_unique_commune",
            ),
            models.CheckConstraint(
                condition=models.Q(province__isnull=True) | models.Q(commune__isnull=True),
                name="role_assignment_one_unit",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_role_display()} ({self.unit or _('whole country')})"

    @property
    def unit(self):
        return self.commune or self.province

    def clean(self):
        unit = ROLE_UNIT.get(self.role)
        wrong_unit = {
            "nation": self.province_id or self.commune_id,
            "province": not self.province_id or self.commune_id,
            "commune": not self.commune_id or self.province_id,
            "nation_or_province": self.commune_id,
        }
        if unit and wrong_unit[unit]:
            raise ValidationError(UNIT_MESSAGES[unit])


class Invitation(models.Model):
    """An officer's invitation by SMS to hold a role: given only when the invited person accepts.

    It names a phone, not an account: whoever holds that number when the link is opened (or a new
    account for it) is the one who may accept (accounts/invitations.py). Only a hash of the link's
    token is stored, so the database never holds a working link.
    """

    phone = models.CharField(_("phone number"), max_length=16)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(_("language of the text"), max_length=8, default="vi")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    province = models.ForeignKey(
        "places.Province", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("commune")
    )
    # The team the person joins on accepting, and their role in it. An id, not a foreign key:
    # teams sit above accounts, and answer through accounts/memberships.py.
    team_id = models.BigIntegerField(_("team"), null=True, blank=True)
    team_name = models.CharField(_("team"), max_length=200, blank=True)
    team_role = models.CharField(_("role in the team"), max_length=8, blank=True)
    # The account that accepted, and the role it was given (both empty until then).
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    role_assignment = models.ForeignKey(
        RoleAssignment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.full_name or self.phone} ({self.created_at:%d/%m/%Y})"

    @property
    def usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


class AccessLogEntry(models.Model):
    """One export or download of personal data: who, when, over which units, how many rows, what.

    Written by accounts/access_log.py (a low layer, so teams, trainings and the rights pages all
    call it) and read by the national administrator only. Rows are appended, never edited; a
    person's erasure blanks `user_label` on their own entries.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who")
    )
    # Kept beside the link so the record still says who after the account is gone.
    user_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    what = models.CharField(_("what"), max_length=64)
    scope = models.CharField(_("scope"), max_length=255)
    rows = models.PositiveIntegerField(_("rows"))
    detail = models.CharField(_("detail"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.user_label} {self.what} ({self.rows})"

    @property
    @admin.display(description=_("what"), ordering="what")
    def shown_what(self):
        """What was taken out, in words: the stored code ("monthly_report") is for machines."""
        return what_label(self.what)

    @property
    @admin.display(description=_("scope"))
    def shown_scope(self):
        """Over which units, by name: "province:01" reads "Thành phố Hà Nội"."""
        return scope_words(self.scope)

"""People who sign in. A team member signs in by phone, an officer or editor by email.

Which units a person may see and change is not stored here but in role assignments
(accounts/scopes), so one person can hold roles in several places.
"""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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

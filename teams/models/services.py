"""What teams help citizens with, and what they count: data that officers edit, not code.

Names are kept in Vietnamese and English side by side (not through wagtail-localize) because a
leader's form and an English report both need both names at once. A province may add its own
service (its citizen app): `province` set means only that province's teams see it.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from places.models import Province


class BilingualName(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_vi = models.CharField(_("name in Vietnamese"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Unused ones stay in old reports.")
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi


class ServiceQuerySet(models.QuerySet):
    def for_province(self, province_id):
        """National services and those of `province_id`, in use."""
        return self.filter(is_active=True).filter(Q(province__isnull=True) | Q(province_id=province_id))


class Service(BilingualName):
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("province"),
        help_text=_("Empty for a national service; set for a province's own app or service."),
    )

    objects = ServiceQuerySet.as_manager()
    scope_catalogue_province_path = "province"  # accounts/scopes.py: choosable where it applies

    class Meta(BilingualName.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class OutcomeTypeQuerySet(models.QuerySet):
    def for_province(self, province_id):
        return self.filter(is_active=True).filter(
            Q(service__province__isnull=True) | Q(service__province_id=province_id)
        )


class OutcomeType(BilingualName):
    """Something a session achieves that is counted, e.g. 'VNeID level-2 accounts activated'."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="outcome_types", verbose_name=_("service")
    )

    objects = OutcomeTypeQuerySet.as_manager()
    scope_catalogue_province_path = "service__province"  # accounts/scopes.py

    class Meta(BilingualName.Meta):
        verbose_name = _("outcome type")
        verbose_name_plural = _("outcome types")

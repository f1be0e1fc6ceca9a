"""What is taught: a course, in Vietnamese and English, the services it covers and its guides."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Course(models.Model):
    """A course is national data (officers everywhere run sessions of the same course).

    Titles are kept side by side in both languages, as for services: a reminder goes out in the
    registrant's language whatever language the officer's screen is in.
    """

    title_vi = models.CharField(_("title in Vietnamese"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    description_vi = models.TextField(_("description in Vietnamese"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    skills = models.ManyToManyField(
        "teams.Service",
        blank=True,
        related_name="courses",
        verbose_name=_("skills covered"),
        help_text=_("The services and topics the course teaches, as in the guides."),
    )
    guides = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        verbose_name=_("guides"),
        help_text=_("Guide pages the course teaches from."),
    )
    is_active = models.BooleanField(_("offered"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title_vi"]

    def __str__(self):
        return self.title

    def title_in(self, language):
        return self.title_en if (language or "vi").startswith("en") else self.title_vi

    @property
    def title(self):
        return self.title_in(get_language())

    @property
    def description(self):
        return self.description_en if (get_language() or "vi").startswith("en") else self.description_vi

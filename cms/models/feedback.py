"""What readers say about a guide. Nothing that identifies the reader is kept."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideFeedback(models.Model):
    guide = models.ForeignKey(
        "cms.GuidePage", on_delete=models.CASCADE, related_name="feedback", verbose_name=_("guide")
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("guide feedback")
        verbose_name_plural = _("guide feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.guide.title}: {'+' if self.helpful else '-'}"

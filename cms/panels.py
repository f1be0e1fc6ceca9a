"""The readers' feedback summary shown beside the guide being edited.

Guide models declare it in their panels, so it reaches the feedback through the guide's own
`feedback` relation instead of importing cms.models: the models import it, not the reverse.
"""

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.panels import Panel


class FeedbackSummaryPanel(Panel):
    """Yes / no counts and the latest comments, linking to the feedback list (cms/admin_feedback.py)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/feedback_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            guide = self.instance
            if guide.pk:
                feedback = guide.feedback.all()
                context["counts"] = feedback.aggregate(
                    yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
                )
                context["latest"] = feedback.exclude(comment="")[:5]
            else:
                context["counts"], context["latest"] = {"yes": 0, "no": 0}, []
            context["list_url"] = f"{reverse('cms_guidefeedback:index')}?guide={guide.pk}"
            return context

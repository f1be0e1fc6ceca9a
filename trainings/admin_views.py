"""Courses, sessions and registrations in the Wagtail admin, each list and object narrowed to
what the officer may run (trainings/access.py, which goes through accounts/scopes.py)."""

import copy

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from accounts.admin_scoping import ScopedModelViewSet
from accounts.scoped_forms import ScopedAdminForm
from accounts.scopes import scope_for
from rosters.admin_views import download
from rosters.exports import export_file
from trainings import bulk
from trainings.access import manageable_registrations, manageable_sessions
from trainings.changes import save_changes
from trainings.forms import SESSION_FIELDS, SessionRules
from trainings.models import Course, Registration, TrainingSession


class SessionAdminForm(SessionRules, ScopedAdminForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_to(for_user)


class SessionIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        # Officers only: the sheet goes back in through the roster importer, which is theirs.
        if instance.status != TrainingSession.Status.CANCELLED and not scope_for(self.request.user).is_empty:
            url = reverse("training_attendance_sheet", args=[instance.pk, "xlsx"])
            buttons.append(MenuItem(_("Attendance sheet (XLSX)"), url=url, icon_name="download", priority=40))
        return buttons


def attendance_sheet(request, pk, file_format):
    """One session's attendance export: everyone registered, an empty "Có mặt" column to tick,
    uploaded again as an attendance list on the roster page."""
    session = get_object_or_404(scope_for(request.user).filter(TrainingSession.objects.all()), pk=pk)
    content, content_type = export_file(
        "attendance",
        request.user,
        file_format,
        lambda rows: rows.filter(session=session),
        detail=f"session {session.pk}",
    )
    return download(content, f"diem-danh-buoi-{session.pk}.{file_format}", content_type)


class SessionEditView(generic.EditView):
    """Saving goes through trainings.changes, so a new time or place texts everyone signed up;
    before it does, the officer sees those texts and their cost and confirms (trainings/bulk.py)."""

    def get_form_kwargs(self):
        self.before = copy.copy(self.object)  # as saved, before the form writes onto it
        return super().get_form_kwargs()

    def form_valid(self, form):
        post = self.request.POST
        if bulk.BACK in post:
            return self.render_to_response(self.get_context_data(form=form))
        if bulk.CONFIRM not in post:
            preview = bulk.changing(form.instance, self.before)
            if preview.people:
                return TemplateResponse(
                    self.request,
                    "trainings/admin/confirm_send.html",
                    {
                        "session": form.instance,
                        "preview": preview,
                        "carried": bulk.carried_fields(post),
                        "confirm": bulk.CONFIRM,
                        "back": bulk.BACK,
                        "action_url": self.get_edit_url(),
                    },
                )
        return super().form_valid(form)

    def save_instance(self):
        return save_changes(self.form.instance, self.before)


class RefusedView(generic.CreateView):
    """Registrations are made by the sign-up page or enrolment, which send the texts; sessions
    and registrations are cancelled or withdrawn, never deleted, so their pending texts are
    cleared (a deleted session would leave its reminders in the outbox)."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class CourseViewSet(ModelViewSet):
    model = Course
    name = "training_courses"
    url_prefix = "trainings/courses"
    icon = "doc-full"
    menu_label = _("Courses")
    form_fields = [
        "title_vi",
        "title_en",
        "description_vi",
        "description_en",
        "skills",
        "guides",
        "is_active",
    ]
    # A tick or a cross, where Wagtail would print "True" (accounts/admin_scoping.py does the same).
    list_display = [
        "title_vi",
        "title_en",
        BooleanColumn("is_active", label=Course._meta.get_field("is_active").verbose_name),
    ]
    search_fields = ["title_vi", "title_en"]


class _ManagedViewSet(ScopedModelViewSet):
    """Sessions and registrations: officers open these screens by their role (no Django permission
    to grant) and see the rows trainings/access.py lets them manage."""

    scoped_queryset = staticmethod(manageable_sessions)


class SessionViewSet(_ManagedViewSet):
    """Officers (province, commune, national) run their units' sessions here, attendance sheets
    included; sessions are cancelled, never deleted."""

    officer_actions = ("add", "change", "view")
    model = TrainingSession
    name = "training_sessions"
    url_prefix = "trainings/sessions"
    icon = "date"
    # Not the "Sessions" column of the dashboards, a count ("Số buổi"): these are training sessions.
    menu_label = pgettext_lazy("admin menu: training sessions", "Sessions")
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    delete_view_class = RefusedView
    edit_handler = ObjectList([FieldPanel(name) for name in SESSION_FIELDS], base_form_class=SessionAdminForm)
    list_display = ["course", "starts_at", "commune", "audience", "status", "capacity"]
    list_filter = ["status", "audience"]


class RegistrationViewSet(_ManagedViewSet):
    officer_actions = ("change", "view")
    model = Registration
    name = "training_registrations"
    url_prefix = "trainings/registrations"
    icon = "user"
    menu_label = _("Registrations")
    scoped_queryset = staticmethod(manageable_registrations)
    delete_view_class = RefusedView
    add_view_class = RefusedView
    form_fields = ["attended"]
    list_display = ["full_name", "session", "status", "attended"]
    list_filter = ["status"]


class TrainingsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Trainings")
    menu_icon = "group"
    items = (CourseViewSet, SessionViewSet, RegistrationViewSet)

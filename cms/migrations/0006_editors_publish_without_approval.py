"""Content editors publish guides themselves, in both languages: no approval step.

A fresh Wagtail site puts its "Moderators approval" workflow on the root page and lets the
Editors group only submit to it, but nobody here moderates: the content editor is the one who
writes, translates and publishes the guides (README, "Citizens' guides"). The workflow is
detached and disabled rather than deleted, renamed in Vietnamese (workflow names are data, not
translated), so an administrator can put a review step back on a section from Settings ->
Workflows without recreating it.
"""

from django.db import migrations

DEFAULT_NAME = "Moderators approval"
WORKFLOW_NAME = "Duyệt trước khi xuất bản"
TASK_NAME = "Người kiểm duyệt phê duyệt"


def _publish_permission(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")


def editors_publish(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    editors = Group.objects.filter(name="Editors").first()
    if root and editors:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=root, permission=_publish_permission(apps)
        )
    workflows = Workflow.objects.filter(name=DEFAULT_NAME)
    WorkflowPage.objects.filter(workflow__in=workflows).delete()
    workflows.update(name=WORKFLOW_NAME, active=False)
    Task.objects.filter(name=DEFAULT_NAME).update(name=TASK_NAME, active=False)


def editors_submit(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    GroupPagePermission.objects.filter(
        group__name="Editors", page__depth=1, permission=_publish_permission(apps)
    ).delete()
    Task.objects.filter(name=TASK_NAME).update(name=DEFAULT_NAME, active=True)
    for workflow in Workflow.objects.filter(name=WORKFLOW_NAME):
        workflow.name, workflow.active = DEFAULT_NAME, True
        workflow.save()
        root = Page.objects.filter(depth=1).first()
        if root:
            WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_search_defaults"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(editors_publish, editors_submit)]

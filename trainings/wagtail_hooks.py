from wagtail import hooks

from trainings.admin_views import TrainingsViewSetGroup


@hooks.register("register_admin_viewset")
def register_trainings_viewsets():
    return TrainingsViewSetGroup()

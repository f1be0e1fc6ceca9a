"""The site's URLs plus uploaded files, for browser tests: the live server has no web server in
front of it, and tests keep uploads in a temporary MEDIA_ROOT that is only known at run time."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *site_urlpatterns]

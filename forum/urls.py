"""The forum's pages, inside the language prefix: /vi/questions/…, /en/questions/…"""

from django.urls import path

from forum.views import experts, moderate, public

app_name = "forum"
urlpatterns = [
    path("questions/", public.question_list, name="list"),
    path("questions/ask/", public.ask, name="ask"),
    path("questions/moderate/", moderate.moderate, name="moderate"),
    path("questions/experts/", experts.experts_page, name="experts"),
    path("questions/experts/<int:pk>/unmark/", experts.unmark, name="unmark_expert"),
    path("questions/<int:pk>/", public.question_page, name="question"),
    path("questions/<int:pk>/answer/", public.answer, name="answer"),
    path("questions/<int:pk>/accept/<int:answer_pk>/", public.accept, name="accept"),
    path("questions/<int:pk>/helpful/<int:answer_pk>/", public.helpful, name="helpful"),
    path("questions/<int:pk>/report/", public.report, name="report"),
    path("questions/<int:pk>/moderate/", moderate.act, name="act"),
    path("questions/<int:pk>/guide/", moderate.make_guide, name="make_guide"),
]

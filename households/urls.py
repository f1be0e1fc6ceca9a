from django.urls import path

from households import views

app_name = "households"

urlpatterns = [
    path("team/households/", views.households_home, name="home"),
    path("team/villages/<int:village_id>/households/", views.village_households, name="village"),
    path("team/villages/<int:village_id>/households/add/", views.add_household, name="add"),
    path("team/households/<int:pk>/", views.household_detail, name="detail"),
    path("team/households/<int:pk>/edit/", views.edit_household, name="edit"),
    path("team/households/<int:pk>/people/", views.add_person, name="add_person"),
    path("team/households/<int:pk>/follow-up/", views.add_follow_up, name="add_follow_up"),
    path("team/households/people/<int:pk>/check/", views.skills_check, name="check"),
    path("team/households/people/<int:pk>/edit/", views.edit_person, name="edit_person"),
    path("team/households/people/<int:pk>/remove/", views.remove_person, name="remove_person"),
    path("team/follow-ups/", views.my_follow_ups, name="my_follow_ups"),
    path("team/follow-ups/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
]

from django.urls import path

from network import views

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("schedule/", views.schedule, name="schedule"),
    path("<int:pk>/", views.meeting_page, name="meeting"),
    path("<int:pk>/meeting.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/invitees/", views.invitees, name="invitees"),
    path("<int:pk>/invitees/<int:invitee_pk>/remove/", views.invitee_remove, name="invitee_remove"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/agenda/<int:item_pk>/move/", views.agenda_move, name="agenda_move"),
    path("<int:pk>/agenda/<int:item_pk>/remove/", views.agenda_remove, name="agenda_remove"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/record/", views.record_page, name="record"),
    path("<int:pk>/record/approve/", views.record_approve, name="record_approve"),
    path("<int:pk>/record/reopen/", views.record_reopen, name="record_reopen"),
    path("<int:pk>/record/<int:entry_pk>/", views.record_entry, name="record_entry"),
    path(
        "<int:pk>/record/<int:entry_pk>/actions/<int:action_pk>/remove/",
        views.record_action_remove,
        name="record_action_remove",
    ),
]

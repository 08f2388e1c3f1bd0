from django.urls import path

from sites.views import calendar, meetings, sites

app_name = "sites"
urlpatterns = [
    # Sites
    path("", sites.site_list, name="list"),
    path("<int:pk>/", sites.site_detail, name="detail"),
    # Meetings and the attendance register
    path("<int:site_pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("<int:site_pk>/meetings/reminders/", meetings.reminder_settings, name="meeting_reminders"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/move/", meetings.meeting_move, name="meeting_move"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/notes/", meetings.meeting_notes, name="meeting_notes"),
    path("meetings/<int:pk>/register/", meetings.meeting_register, name="meeting_register"),
    path("meetings/<int:pk>/calendar.ics", calendar.meeting_ics, name="meeting_ics"),
]

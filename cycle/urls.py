from django.urls import path

from cycle import views

app_name = "cycle"
urlpatterns = [
    # The agenda and the meeting record, under each meeting's address
    path("meetings/<int:pk>/agenda/", views.agenda_page, name="agenda"),
    path("meetings/<int:pk>/agenda/add/", views.agenda_item_add, name="agenda_item_add"),
    path("meetings/<int:pk>/agenda/publish/", views.agenda_publish, name="agenda_publish"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/move/", views.agenda_item_move, name="agenda_item_move"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/remove/", views.agenda_item_remove, name="agenda_item_remove"),
    path("meetings/<int:pk>/guests/", views.meeting_guests, name="guests"),
    path("meetings/<int:pk>/guests/<int:guest_pk>/withdraw/", views.meeting_guest_withdraw, name="guest_withdraw"),
    path("meetings/<int:pk>/as-guest/", views.meeting_as_guest, name="as_guest"),
    path("meetings/<int:pk>/record/", views.record_page, name="record"),
    path("meetings/<int:pk>/record/approve/", views.record_approve, name="record_approve"),
    path("meetings/<int:pk>/record/revise/", views.record_revise, name="record_revise"),
    path("meetings/<int:pk>/record/record.pdf", views.record_pdf, name="record_pdf"),
    path("meetings/<int:pk>/record/versions/<int:number>/", views.record_version, name="record_version"),
    path("meetings/<int:pk>/record/<int:entry_pk>/", views.record_entry_edit, name="record_entry"),
    path("meetings/<int:pk>/record/<int:entry_pk>/actions/", views.record_action_add, name="record_action_add"),
    path(
        "meetings/<int:pk>/record/<int:entry_pk>/actions/<int:action_pk>/remove/",
        views.record_action_remove,
        name="record_action_remove",
    ),
    path("meetings/<int:pk>/record/<int:entry_pk>/comment/", views.record_comment, name="record_comment"),
]

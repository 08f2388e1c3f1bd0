from django.urls import path

from sites.views import admin_sites, budget, calendar, cycle, gaps, imports, matrix, meetings, sites

app_name = "sites"
urlpatterns = [
    # Sites
    path("", sites.site_list, name="list"),
    path("<int:pk>/", sites.site_detail, name="detail"),
    # Sites and members: site admin, budget, recruitment targets, the membership matrix, imports
    path("new/", admin_sites.site_create, name="create"),
    path("<int:pk>/edit/", admin_sites.site_edit, name="edit"),
    path("<int:pk>/budget/expenses/new/", budget.expense_add, name="expense_add"),
    path("<int:pk>/budget/expenses/<int:expense_pk>/remove/", budget.expense_remove, name="expense_remove"),
    path("<int:pk>/budget/award/", budget.award_change, name="award_change"),
    path("<int:pk>/targets/", gaps.targets, name="targets"),
    path("<int:pk>/targets/<int:discipline_pk>/remove/", gaps.target_remove, name="target_remove"),
    path("matrix/", matrix.membership_matrix, name="matrix"),
    path("import/", imports.import_registers, name="import"),
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
    # The meeting cycle: series, the agenda, the meeting record, experts by experience
    path("<int:site_pk>/series/", cycle.series_list, name="series_list"),
    path("series/<int:pk>/", cycle.series_edit, name="series_edit"),
    path("meetings/<int:pk>/agenda/", cycle.agenda_page, name="agenda"),
    path("meetings/<int:pk>/agenda/add/", cycle.agenda_item_add, name="agenda_item_add"),
    path("meetings/<int:pk>/agenda/publish/", cycle.agenda_publish, name="agenda_publish"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/move/", cycle.agenda_item_move, name="agenda_item_move"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/remove/", cycle.agenda_item_remove, name="agenda_item_remove"),
    path("meetings/<int:pk>/record/", cycle.record_page, name="record"),
    path("meetings/<int:pk>/record/approve/", cycle.record_approve, name="record_approve"),
    path("meetings/<int:pk>/record/revise/", cycle.record_revise, name="record_revise"),
    path("meetings/<int:pk>/record/record.pdf", cycle.record_pdf, name="record_pdf"),
    path("meetings/<int:pk>/record/versions/<int:number>/", cycle.record_version, name="record_version"),
    path("meetings/<int:pk>/record/<int:entry_pk>/", cycle.record_entry_edit, name="record_entry"),
    path("meetings/<int:pk>/record/<int:entry_pk>/actions/", cycle.record_action_add, name="record_action_add"),
    path(
        "meetings/<int:pk>/record/<int:entry_pk>/actions/<int:action_pk>/remove/",
        cycle.record_action_remove,
        name="record_action_remove",
    ),
    path("meetings/<int:pk>/record/<int:entry_pk>/comment/", cycle.record_comment, name="record_comment"),
    path("<int:pk>/experts/", cycle.experts, name="experts"),
    path("<int:pk>/experts/payments/", cycle.expert_payment_add, name="expert_payment_add"),
    path("<int:pk>/experts/<int:consent_pk>/withdraw/", cycle.expert_consent_withdraw, name="expert_consent_withdraw"),
]

from django.urls import path

from sites.views import (
    admin_sites,
    budget,
    calendar,
    experts,
    gaps,
    ground_rules,
    guests,
    imports,
    invitations,
    matrix,
    meetings,
    memberships,
    papers,
    replies,
    series,
    sites,
    training,
)

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
    path("meetings/<int:pk>/reply/", replies.meeting_reply, name="meeting_reply"),
    path("meetings/<int:pk>/papers/", papers.meeting_papers, name="meeting_papers"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/", papers.meeting_paper, name="meeting_paper"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/file/", papers.meeting_paper_file, name="meeting_paper_file"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/remove/", papers.meeting_paper_remove, name="meeting_paper_remove"),
    path("meetings/reply/<str:token>/", replies.meeting_reply_link, name="meeting_reply_link"),
    path("meetings/<int:pk>/speakers/", guests.guest_speakers, name="guest_speakers"),
    # The facilitators' network: training records
    path("facilitators/training/", training.training_list, name="training_list"),
    path("facilitators/<int:person_pk>/training/", training.training, name="training"),
    path(
        "meetings/<int:pk>/speakers/<int:speaker_pk>/remove/", guests.guest_speaker_remove, name="guest_speaker_remove"
    ),
    path("meetings/<int:pk>/speakers/present/", guests.guest_speakers_present, name="guest_speakers_present"),
    path("meetings/<int:pk>/calendar.ics", calendar.meeting_ics, name="meeting_ics"),
    # Series: recurring schedules that plan meetings
    path("<int:site_pk>/series/", series.series_list, name="series_list"),
    path("series/<int:pk>/", series.series_edit, name="series_edit"),
    # Ground rules: versions written by facilitators, confirmed by each member
    path("<int:pk>/ground-rules/", ground_rules.ground_rules_page, name="ground_rules"),
    path("<int:pk>/ground-rules/edit/", ground_rules.ground_rules_edit, name="ground_rules_edit"),
    # Experts by experience
    path("<int:pk>/experts/", experts.experts, name="experts"),
    path("<int:pk>/experts/payments/", experts.expert_payment_add, name="expert_payment_add"),
    path(
        "<int:pk>/experts/<int:consent_pk>/withdraw/", experts.expert_consent_withdraw, name="expert_consent_withdraw"
    ),
]

# Memberships and invitations live under /people/ (as they did when they were part of the members app).
membership_patterns = (
    [
        path("invitations/", invitations.invitations, name="invitations"),
        path("invitations/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
        path(
            "invitations/<str:token>/organisation/<str:provider_id>/",
            invitations.accept_invitation_with_organisation,
            name="accept_invitation_with_organisation",
        ),
        path("sites/<int:site_pk>/members/", memberships.site_members, name="site_members"),
        path("sites/<int:site_pk>/members/add/", memberships.add_member, name="add_member"),
        path("memberships/<int:pk>/end/", memberships.end_membership, name="end_membership"),
        path("memberships/<int:pk>/role/", memberships.change_role, name="change_role"),
        path("memberships/<int:pk>/job/", memberships.job_change, name="job_change"),
    ],
    "memberships",
)

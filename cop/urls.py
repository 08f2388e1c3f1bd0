from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from api.feeds import NewsletterFeed, PublicLearningObjectsFeed
from api.urls import token_patterns
from cases.urls import evidence_patterns, repository_patterns
from cop import views
from cycle import views as cycle_views
from home.preferences import email_preferences
from home.views import home
from members import views as member_views
from recruitment.urls import call_patterns as host_site_call_patterns
from sites.urls import membership_patterns
from sites.views import calendar

# A 503 page when the database is away (also when saving the session fails for that reason: a 400 otherwise).
handler400 = "cop.unavailable.bad_request_or_unavailable"
handler500 = "cop.unavailable.server_error_or_unavailable"

admin.site.site_header = "Communities of practice: programme admin"
admin.site.site_title = "Programme admin"

urlpatterns = [
    path("", home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", include("search.urls")),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("accounts/login/", member_views.sign_in, name="account_login"),  # allauth's, with organisation sign-in
    path("accounts/", include("allauth.urls")),
    path("people/me/emails/", email_preferences, name="email_preferences"),
    path("people/", include(token_patterns)),
    path("people/", include("members.urls")),
    path("people/", include(membership_patterns)),
    path("sites/", include("sites.urls")),
    path("sites/", include("cycle.urls")),
    path("sites/", include("recruitment.urls")),
    path("host-sites/", include(host_site_call_patterns)),
    path("audit/", include("audit.urls")),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("my-actions/", cycle_views.my_actions_page, name="my_actions"),
    path("my-actions/meeting/<int:pk>/done/", cycle_views.meeting_action_done, name="meeting_action_done"),
    path("my-actions/case/<int:pk>/done/", cycle_views.case_action_done, name="case_action_done"),
    path("cases/", include("cases.urls")),
    path("repository/feed/", PublicLearningObjectsFeed(), name="repository_feed"),
    path("repository/", include(repository_patterns)),
    path("evaluation/", include("evaluation.urls")),
    path("my-development/", include("cpd.urls")),
    path("network/", include("network.urls")),
    path("toolkit/", include("toolkit.urls")),
    path("newsletter/feed/", NewsletterFeed(), name="newsletter_feed"),
    path("newsletter/", include("newsletters.urls")),
    path("digests/", include("digests.urls")),
    path("evidence/", include(evidence_patterns)),
    path("forum/", include("forum.urls")),
    path("api/v1/", include("api.urls")),
    path("admin/", admin.site.urls),
]

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from cases.urls import evidence_patterns, repository_patterns
from cop import views
from sites.views import calendar

admin.site.site_header = "Communities of practice: programme admin"
admin.site.site_title = "Programme admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path("accounts/", include("allauth.urls")),
    path("people/", include("members.urls")),
    path("sites/", include("sites.urls")),
    path("audit/", include("audit.urls")),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("cases/", include("cases.urls")),
    path("repository/", include(repository_patterns)),
    path("evidence/", include(evidence_patterns)),
    path("admin/", admin.site.urls),
]

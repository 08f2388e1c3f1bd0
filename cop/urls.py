from django.contrib import admin
from django.urls import include, path

from cases.urls import repository_patterns
from cop import views

admin.site.site_header = "Communities of practice: programme admin"
admin.site.site_title = "Programme admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("people/", include("members.urls")),
    path("sites/", include("sites.urls")),
    path("cases/", include("cases.urls")),
    path("repository/", include(repository_patterns)),
    path("admin/", admin.site.urls),
]

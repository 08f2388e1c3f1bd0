from django.contrib import admin
from django.urls import include, path

from cop import views

admin.site.site_header = "Communities of practice: programme admin"
admin.site.site_title = "Programme admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("people/", include("members.urls")),
    path("sites/", include("sites.urls")),
    path("audit/", include("audit.urls")),
    path("newsletter/", include("newsletters.urls")),
    path("admin/", admin.site.urls),
]

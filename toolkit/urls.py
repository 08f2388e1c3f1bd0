from django.urls import path

from toolkit import views

app_name = "toolkit"
urlpatterns = [
    # A site's checklist and documents
    path("sites/<int:site_pk>/checklist/<int:item_pk>/", views.checklist_item, name="checklist_item"),
    path("sites/<int:site_pk>/documents/<slug:slug>.<str:extension>", views.document, name="document"),
    # Endings and new starts: closing a site, and starting a new site from it
    path("sites/<int:site_pk>/close/", views.close_site, name="close_site"),
    path("sites/<int:site_pk>/close/<slug:step>/", views.closing_step, name="closing_step"),
    path("sites/<int:site_pk>/new-from-this/", views.sprout_site, name="sprout_site"),
    # The default checklist
    path("checklist/", views.default_checklist, name="default_checklist"),
    path("checklist/<int:pk>/", views.default_checklist_item, name="default_checklist_item"),
    path("checklist/<int:pk>/<str:action>/", views.default_checklist_item_action, name="default_checklist_item_action"),
    # Site health
    path("site-health/", views.site_health, name="site_health"),
    path("site-health/check/", views.check_site_health_now, name="check_site_health_now"),
    path("site-health/thresholds/", views.warning_thresholds, name="warning_thresholds"),
]

from django.urls import path

from recruitment import call_views, views

app_name = "recruitment"
urlpatterns = [
    # A site's recruitment work (under /sites/<pk>/recruitment/)
    path("<int:site_pk>/recruitment/agencies/", views.agencies, name="agencies"),
    path("<int:site_pk>/recruitment/agencies/<int:pk>/", views.agency, name="agency"),
    path("<int:site_pk>/recruitment/agencies/<int:agency_pk>/approaches/<int:pk>/", views.approach, name="approach"),
    path("<int:site_pk>/recruitment/sponsor/", views.sponsor, name="sponsor"),
]

# The call for host sites (under /host-sites/): programme admins' pages, and the public application form.
call_patterns = (
    [
        path("calls/", call_views.calls, name="calls"),
        path("calls/<int:pk>/", call_views.call, name="call"),
        path("applications/<int:pk>/", call_views.application, name="application"),
        path("applications/<int:pk>/<str:decision>/", call_views.decide, name="decide"),
        path("calls/<int:pk>/apply/", call_views.apply, name="apply"),
    ],
    "host_sites",
)

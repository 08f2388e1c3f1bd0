from django.urls import path

from recruitment import views

app_name = "recruitment"
urlpatterns = [
    # A site's recruitment work (under /sites/<pk>/recruitment/)
    path("<int:site_pk>/recruitment/agencies/", views.agencies, name="agencies"),
    path("<int:site_pk>/recruitment/agencies/<int:pk>/", views.agency, name="agency"),
    path("<int:site_pk>/recruitment/sponsor/", views.sponsor, name="sponsor"),
]

from django.urls import path

from cpd import views

app_name = "cpd"
urlpatterns = [
    path("", views.development, name="development"),
    path("certificate.pdf", views.certificate, name="certificate"),
    path("notes/new/", views.note_create, name="note_create"),
    path("notes/<int:pk>/", views.note_edit, name="note_edit"),
    path("notes/<int:pk>/remove/", views.note_remove, name="note_remove"),
]

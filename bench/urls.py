"""cop.urls, plus (only with BENCH_REFERENCE_VIEWS=1) the two reference pages of the load benchmark."""

import os

from django.urls import path

from bench import views
from cop.urls import handler400, handler500  # noqa: F401
from cop.urls import urlpatterns as cop_urlpatterns

urlpatterns = list(cop_urlpatterns)
if os.environ.get("BENCH_REFERENCE_VIEWS") == "1":
    urlpatterns = [
        path("bench/trivial/", views.trivial, name="bench_trivial"),
        path("bench/reference/", views.reference, name="bench_reference"),
        *urlpatterns,
    ]

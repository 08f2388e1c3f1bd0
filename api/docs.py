"""The browsable API documentation: Swagger UI served from our own static files (drf-spectacular-sidecar),
its start-up script from a URL of its own, so the page works under our Content Security Policy
(no inline scripts or styles, nothing from other hosts)."""

from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocs(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "Communities of practice: read API"

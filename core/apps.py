from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared core holds no models; it is an app only so that its template filters load."""

    name = "core"
    verbose_name = "Shared core"

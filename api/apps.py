from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "Open data and the read API"

    def ready(self) -> None:
        from api import receivers  # noqa: F401  (removing or resetting two-factor sign-in revokes API tokens)

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "People and memberships"

    def ready(self) -> None:
        import cop.rules  # noqa: F401  (registers every permission)

from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "recruitment"
    verbose_name = "Recruitment: agencies, approaches, senior sponsors and the call for host sites"

    def ready(self):
        from recruitment import health_rules  # noqa: F401 - registers the recruitment rules with the site health job

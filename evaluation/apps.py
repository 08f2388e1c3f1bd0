from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluation"
    verbose_name = "Evaluation and development"

    def ready(self) -> None:
        from evaluation import signals

        signals.connect()

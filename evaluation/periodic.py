"""The evaluation's periodic job (celery beat)."""

from celery import shared_task

from evaluation import services


@shared_task
def close_surveys_past_their_window() -> int:
    """Surveys whose closing date has passed are closed (their window already refuses answers)."""
    return services.close_surveys_past_their_window()

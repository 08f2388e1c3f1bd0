"""The toolkit's background jobs, queued once the row that claims the email is committed: thin, they take the row's
id, re-fetch it, return quietly if it no longer applies, and send."""

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from core.emails import send_email
from toolkit.models import ClosingNotice, ClosingNoticeKind
from toolkit.selectors import closing_email_details

CLOSING_TEMPLATES = {
    ClosingNoticeKind.THANKS: "toolkit/emails/closing_thanks",
    ClosingNoticeKind.DRAFT: "toolkit/emails/closing_drafts",
}


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_closing_notice_email(notice_id: int) -> None:
    notice = ClosingNotice.objects.select_related("site", "person").filter(pk=notice_id).first()
    if notice is None or not notice.person.is_active or not notice.person.email:
        return
    details = closing_email_details(notice)
    if notice.kind == ClosingNoticeKind.DRAFT and not details["drafts"]:
        return  # the drafts were shared or deleted since: nothing to tell
    context = {
        "person": notice.person,
        "site": notice.site,
        "cases_url": settings.SITE_URL + reverse("cases:list"),
        "development_url": settings.SITE_URL + reverse("cpd:development"),
        "my_data_url": settings.SITE_URL + reverse("members:my_data"),
        **details,
    }
    send_email(CLOSING_TEMPLATES[notice.kind], to=[notice.person.email], context=context)

"""Emails to organisations that applied to host a site: the confirmation, and the outcome (sent by tasks)."""

from core.emails import send_email
from recruitment.models import ApplicationNotice, ApplicationNoticeKind, ApplicationStatus


def email_applicant(*, notice: ApplicationNotice) -> None:
    application = notice.application
    if notice.kind == ApplicationNoticeKind.RECEIVED:
        template = "recruitment/emails/application_received"
    elif application.status == ApplicationStatus.AWARDED:
        template = "recruitment/emails/application_awarded"
    else:
        template = "recruitment/emails/application_refused"
    context = {"application": application, "call": application.call}
    send_email(template, to=[application.contact_email], context=context)

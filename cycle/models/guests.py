"""Commissioners invited to one meeting of a site: while the invitation stands (not withdrawn, and until the end of
the meeting's day) they read that meeting's published agenda and, of the cases on it, what a commissioner may read
(screened titles and the issues for commissioners); nothing else of the site."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from sites.models import Meeting


class MeetingGuestQuerySet(models.QuerySet):
    def standing(self, now=None):
        """Invitations in force: not withdrawn, and the meeting's day not over (Europe/London)."""
        now = timezone.localtime(now or timezone.now())
        start_of_today = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return self.filter(withdrawn_at__isnull=True, meeting__starts_at__gte=start_of_today).exclude(
            meeting__status="cancelled"
        )


class MeetingGuest(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_invitations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingGuestQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], condition=Q(withdrawn_at__isnull=True), name="one_standing_guest"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} invited to {self.meeting_id}"


class GuestNoticeKind(models.TextChoices):
    INVITED = "invited", "Invited"
    WITHDRAWN = "withdrawn", "Invitation withdrawn"


class GuestNotice(models.Model):
    """One row per email to an invited commissioner (the outbox claim): the invitation, and its withdrawal, each
    sent once."""

    guest = models.ForeignKey(MeetingGuest, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=16, choices=GuestNoticeKind.choices)
    claimed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["guest", "kind"], name="guest_notice_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to guest {self.guest_id}"

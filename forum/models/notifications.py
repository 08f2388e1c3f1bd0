"""Emails about posts: each person's choice, and one Delivery row per recipient and post so nobody is emailed about
a post twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.text_gate import TextGate
from forum.models.threads import Post


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away, one email per post"
    DAILY = "daily", "Once a day, in a digest"
    NONE = "none", "Never: I will look on the site"


class ForumPreference(models.Model):
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_preference")
    email = models.CharField("Email me about replies and mentions", max_length=10, choices=EmailChoice.choices,
                             default=EmailChoice.IMMEDIATE)  # fmt: skip

    def __str__(self) -> str:
        return f"{self.person}: {self.get_email_display()}"


class DeliveryReason(models.TextChoices):
    MENTION = "mention", "You were mentioned"
    REPLY = "reply", "A reply in a thread you started or follow"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    SKIPPED = "skipped", "Not sent (post removed, or no longer visible to them)"
    MUTED = "muted", "Not sent (they chose no emails)"


class Delivery(models.Model):
    """One notification of one post to one person: the unique row is what makes every path send it at most once."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_deliveries")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="deliveries")
    reason = models.CharField(max_length=10, choices=DeliveryReason.choices)
    state = models.CharField(max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    claim = models.CharField(max_length=32, blank=True, help_text="The run that claimed it for sending.")
    sent_at = models.DateTimeField(null=True, blank=True)

    text_gate = TextGate(gated={}, exempt={"claim": "A worker's claim token, set by the code, never shown."})

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "post"], name="forum_delivery_once_per_post")]
        indexes = [models.Index(fields=["state", "recipient"], name="forum_delivery_pending")]

    def __str__(self) -> str:
        return f"Post {self.post_id} to {self.recipient_id}: {self.state}"

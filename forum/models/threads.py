"""Threads and posts: threads on cases, learning objects and the boards, posts through the anonymisation gate with
their revisions, findings and reports, and who follows or has read each thread."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.anonymisation import KIND_LABELS
from core.text_gate import TextGate


class ThreadKind(models.TextChoices):
    CASE = "case", "Case discussion"
    LEARNING_OBJECT = "learning_object", "Learning object discussion"
    SITE_BOARD = "site_board", "Site board topic"
    PROGRAMME_BOARD = "programme_board", "Programme board topic"
    FACILITATORS_BOARD = "facilitators_board", "Facilitators' board topic"


BOARD_KINDS = (ThreadKind.SITE_BOARD, ThreadKind.PROGRAMME_BOARD, ThreadKind.FACILITATORS_BOARD)
# Boards that belong to no site: the programme's, and the facilitators' network's (facilitators and the programme team)
PROGRAMME_WIDE_BOARDS = (ThreadKind.PROGRAMME_BOARD, ThreadKind.FACILITATORS_BOARD)
CASE_KINDS = (ThreadKind.CASE, ThreadKind.LEARNING_OBJECT)


def board_kind(*, site=None, facilitators: bool = False) -> str:
    """The kind of a board's topics: the facilitators' board, a site's board, or the programme board."""
    if facilitators:
        return ThreadKind.FACILITATORS_BOARD
    return ThreadKind.SITE_BOARD if site is not None else ThreadKind.PROGRAMME_BOARD


class Thread(models.Model):
    """One conversation. Case and learning-object threads are one per case; boards hold many topics."""

    kind = models.CharField(max_length=20, choices=ThreadKind.choices)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="threads")
    # The site whose people see the thread: the case's site for case threads, the board's site for site boards.
    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, null=True, blank=True, related_name="threads")
    title = models.CharField(max_length=200)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(null=True, blank=True, help_text="When the latest post became visible.")
    # The search document (the title), kept up to date by PostgreSQL: core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)

    text_gate = TextGate(gated={"title": "Title"})

    class Meta:
        ordering = ["-last_post_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "case"], condition=Q(kind__in=CASE_KINDS), name="forum_one_thread_per_case_and_kind"
            ),
            models.CheckConstraint(
                condition=(Q(kind__in=CASE_KINDS) & Q(case__isnull=False) & Q(site__isnull=False))
                | (Q(kind=ThreadKind.SITE_BOARD) & Q(case__isnull=True) & Q(site__isnull=False))
                | (Q(kind__in=PROGRAMME_WIDE_BOARDS) & Q(case__isnull=True) & Q(site__isnull=True)),
                name="forum_thread_target_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_board_topic(self) -> bool:
        return self.kind in BOARD_KINDS


class PostStatus(models.TextChoices):
    HELD = "held", "Held: may contain personal data"
    VISIBLE = "visible", "Visible"


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField()
    quoted = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="quoted_by")
    status = models.CharField(max_length=10, choices=PostStatus.choices, default=PostStatus.HELD)
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="forum_mentions")
    created_at = models.DateTimeField(default=timezone.now)
    visible_at = models.DateTimeField(null=True, blank=True, help_text="When others could first see it.")
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The search document (the body), kept up to date by PostgreSQL: core/search_index.py.
    search_vector = SearchVectorField(null=True, editable=False)

    text_gate = TextGate(gated={"body": "Post"})

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="held") | Q(visible_at__isnull=False), name="forum_visible_post_has_visible_at"
            ),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread}"

    @property
    def is_visible(self) -> bool:
        return self.status == PostStatus.VISIBLE

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class PostRevision(models.Model):
    """The text a post had before an edit, kept only for text others could already see."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    replaced_at = models.DateTimeField(default=timezone.now)

    text_gate = TextGate(
        gated={},
        exempt={"body": "The earlier text of a post that passed the gate; shown only in the post's own history."},
    )

    class Meta:
        ordering = ["-replaced_at", "-pk"]

    def __str__(self) -> str:
        return f"Earlier text of post {self.post_id}"


class PostFindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Not personal data"
    AWAITING = "awaiting", "Not personal data, waiting for a moderator to confirm"


# A structured identifier marked "not personal data" by the author waits for a moderator; it holds the post till then.
HOLDING_POST_FINDING_STATUSES = (PostFindingStatus.OPEN, PostFindingStatus.AWAITING)


class PostFinding(models.Model):
    """Possible personal data the gate found in a post: offsets, a masked excerpt and a keyed digest, never the text."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="findings")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)
    excerpt = models.CharField(max_length=40)
    digest = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=PostFindingStatus.choices, default=PostFindingStatus.OPEN)
    reason = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    text_gate = TextGate(
        gated={},
        exempt={
            "kind": "The kind of finding, set by the gate.",
            "excerpt": "A masked excerpt made by the gate, never the text itself.",
            "digest": "A keyed digest made by the gate, never shown.",
            "reason": "Seen only by the post's author and the people who review the dismissal; never shared further.",
        },
    )

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["post", "kind", "digest"], name="forum_finding_once_per_post"),
            models.CheckConstraint(
                condition=Q(status="open") | ~Q(reason=""), name="forum_dismissed_finding_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} in post {self.post_id}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


class PostReport(models.Model):
    """Anyone who can see a post may report it to the thread's moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    reported_at = models.DateTimeField(default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    text_gate = TextGate(
        gated={}, exempt={"reason": "Seen only by the thread's moderators, who act on it; never shown in the thread."}
    )

    class Meta:
        ordering = ["-reported_at"]
        constraints = [models.UniqueConstraint(fields=["post", "reported_by"], name="forum_report_once_per_person")]

    def __str__(self) -> str:
        return f"Report on post {self.post_id}"


class ThreadFollow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "person"], name="forum_follow_once")]

    def __str__(self) -> str:
        return f"{self.person} follows {self.thread}"


class ReadMarker(models.Model):
    """How far a person has read a thread: posts that became visible after `read_at` are new to them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_read_markers")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "person"], name="forum_read_marker_once")]

    def __str__(self) -> str:
        return f"{self.person} read {self.thread} at {self.read_at}"

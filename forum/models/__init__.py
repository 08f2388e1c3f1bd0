"""The online forum: threads on cases, learning objects and the boards, posts through the anonymisation gate,
follows, read markers and one delivery row per (recipient, post) so nobody is emailed about a post twice."""

from forum.models.notifications import (
    Delivery,
    DeliveryReason,
    DeliveryState,
    EmailChoice,
    ForumPreference,
)
from forum.models.threads import (
    BOARD_KINDS,
    CASE_KINDS,
    HOLDING_POST_FINDING_STATUSES,
    Post,
    PostFinding,
    PostFindingStatus,
    PostReport,
    PostRevision,
    PostStatus,
    ReadMarker,
    Thread,
    ThreadFollow,
    ThreadKind,
    board_kind,
)

__all__ = [
    "BOARD_KINDS",
    "CASE_KINDS",
    "Post",
    "PostFinding",
    "HOLDING_POST_FINDING_STATUSES",
    "PostFindingStatus",
    "PostReport",
    "PostRevision",
    "PostStatus",
    "ReadMarker",
    "Thread",
    "ThreadFollow",
    "ThreadKind",
    "board_kind",
    "Delivery",
    "DeliveryReason",
    "DeliveryState",
    "EmailChoice",
    "ForumPreference",
]

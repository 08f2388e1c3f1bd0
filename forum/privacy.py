"""Personal data the forum holds (collected by members.data_rights): a person's posts, their earlier texts and the
reports they made; on erasure, their name in other people's @mentions becomes the pseudonym."""

from django.db.models import Q

from forum.mentions import find_mentions
from forum.models import Post, PostReport, PostRevision
from members.data_rights import plain


def export_personal_data(person) -> dict:
    posts = Post.objects.filter(author=person).select_related("thread").prefetch_related("revisions")
    return {
        "forum_posts": [
            {
                "thread": post.thread.title,
                "text": post.body,
                "status": post.status,
                "written": plain(post.created_at),
                "edited": plain(post.edited_at),
                "deleted": plain(post.deleted_at),
                "earlier_texts": [revision.body for revision in post.revisions.all()],
            }
            for post in posts.order_by("created_at", "pk")
        ],
        "forum_reports_made": [
            {"post_thread": report.post.thread.title, "reason": report.reason, "reported": plain(report.reported_at)}
            for report in PostReport.objects.filter(reported_by=person).select_related("post__thread")
        ],
    }


def _renamed(text: str, person, pseudonym: str) -> str:
    """The text with every "@Name" of `person` replaced by "@Pseudonym" (the rest untouched)."""
    for mention in reversed(find_mentions(text, [person])):
        text = f"{text[: mention.start]}@{pseudonym}{text[mention.end :]}"
    return text


def erase_personal_data(person, pseudonym: str) -> None:
    """Other people's posts keep what they said, but no longer name the person: "@Jane Doe" becomes "@Former member
    00012" in the posts and in their earlier texts. The person's own posts stay, shown under the pseudonym."""
    name = person.name.strip()
    if not name:
        return
    mentioning = Q(mentions=person) | Q(body__icontains=f"@{name}")
    for post in Post.objects.filter(mentioning).distinct():
        renamed = _renamed(post.body, person, pseudonym)
        if renamed != post.body:
            post.body = renamed
            post.save(update_fields=["body"])
    for revision in PostRevision.objects.filter(body__icontains=f"@{name}"):
        renamed = _renamed(revision.body, person, pseudonym)
        if renamed != revision.body:
            revision.body = renamed
            revision.save(update_fields=["body"])

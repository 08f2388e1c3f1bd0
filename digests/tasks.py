"""The digests' background job, queued once a digest row is committed: thin, it takes the id and renders (the render
claims the digest first, so running it twice renders once)."""

from celery import shared_task

from digests.services import rendering


@shared_task(acks_late=True)
def render_digest(digest_id: int) -> str:
    digest = rendering.render_digest(digest_id=digest_id)
    return digest.status if digest is not None else "skipped"

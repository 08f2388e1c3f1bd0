"""Every place that turns what people type into HTML through Markdown, given a table of hostile Markdown: no
javascript:, vbscript: or data: link, no script, no event handler and no <svg>, <iframe>, <meta> or <form> survives,
on any page, feed or email that shows the text. One sanitiser (core.markdown.render_markdown) does it for all; the
last test fails when code renders Markdown by any other way, or renders it somewhere this walk does not look."""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from core.markdown import KEPT_LENGTH, render_markdown
from forum import services as forum_services
from newsletters.emails import build_issue_email
from newsletters.models import Audience, NewsletterIssue, NewsletterItem, Section
from sites.models import GroundRulesVersion, MeetingPaper
from tests.factories import MeetingFactory, at
from tests.security.hostile import MARKER, live_markup

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "shown-sentinel"  # plain text before each payload: proves the page rendered the text at all

HOSTILE_MARKDOWN = [
    f"[click](javascript:alert('{MARKER}'))",
    f"[click](JaVaScRiPt:alert('{MARKER}'))",
    f"[click](  javascript:alert('{MARKER}'))",
    f"[click](java&#x09;script:alert('{MARKER}'))",
    f"[click](jav&#97;script:alert('{MARKER}'))",
    f"[click](javascript&colon;alert('{MARKER}'))",
    f"[click](data:text/html;base64,PHNjcmlwdD4={MARKER})",
    f"[click](data:text/html,<script>alert('{MARKER}')</script>)",
    f"[click](vbscript:msgbox('{MARKER}'))",
    f"[click][ref]\n\n[ref]: javascript:alert('{MARKER}')",
    f"<javascript:alert('{MARKER}')>",
    f"![image](javascript:alert('{MARKER}'))",
    f"![image](data:image/svg+xml,<svg onload=alert('{MARKER}')>)",
    f"<svg onload=alert('{MARKER}')>",
    f"<svg><script>alert('{MARKER}')</script></svg>",
    f"<img src=x onerror=alert('{MARKER}')>",
    f"<a href=\"javascript:alert('{MARKER}')\">click</a>",
    f'<a href="data:text/html,{MARKER}">click</a>',
    f'<a href="https://example.org" onclick="alert(\'{MARKER}\')">click</a>',
    f"<details open ontoggle=alert('{MARKER}')>x</details>",
    f"<script>alert('{MARKER}')</script>",
    f"<iframe src=\"javascript:alert('{MARKER}')\"></iframe>",
    f'<meta http-equiv="refresh" content="0;url=https://evil.example/{MARKER}">',
    f'<form action="https://evil.example/{MARKER}"><button>Sign in again</button></form>',
    f"<math><mi xlink:href=\"javascript:alert('{MARKER}')\">x</mi></math>",
    f"[click](https://example.org \"title\" onclick=alert('{MARKER}'))",
    f"*emphasis <b onmouseover=alert('{MARKER}')>bold</b>*",
    f"> quoted <img src=x onerror=alert('{MARKER}')>",
    f"`code` <style>body{{background:url('javascript:alert(\"{MARKER}\")')}}</style>",
]
PER_TEXT = 4
# Elements that must never come from what people type, whatever their attributes.
NEVER_FROM_TEXT = {"svg", "math", "iframe", "object", "embed", "meta", "base", "form", "input", "button", "style",
                   "link", "img", "video", "audio", "source"}  # fmt: skip


class _MarkedElements(HTMLParser):
    """Elements whose attributes or content carry the marker: what typed text turned into."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in NEVER_FROM_TEXT and any(MARKER in (value or "") for _, value in attrs):
            self.found.append(f"<{tag} {attrs!r}>")
        if tag in NEVER_FROM_TEXT:
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            self._open.remove(tag)

    def handle_data(self, data):
        if MARKER in data and {"style", "svg", "math"} & set(self._open):
            self.found.append(f"<{self._open[-1]}>{data[:60]}")


def dangerous(html: str) -> list[str]:
    finder = _MarkedElements()
    finder.feed(html)
    return live_markup(html) + finder.found


def feed_html(xml: bytes) -> str:
    """The HTML a feed reader shows: the text of every element of the Atom feed (it carries HTML escaped)."""
    return "".join(element.text or "" for element in ET.fromstring(xml).iter())  # noqa: S314 - our own feed


@dataclass(frozen=True)
class MarkdownPath:
    store: object  # (world, text) -> the object now holding the text
    pages: object  # (world, object) -> [(role or None, URL)]


def meeting_notes(world, text):
    meeting = MeetingFactory(site=world.site, starts_at=at(timezone.localdate() - timedelta(days=1)))
    meeting.notes = text
    meeting.save(update_fields=["notes"])
    return meeting


def ground_rules(world, text):
    number = GroundRulesVersion.objects.filter(site=world.site).count() + 1
    return GroundRulesVersion.objects.create(site=world.site, number=number, text=text, agreed_on=timezone.localdate())


def meeting_paper(world, text):
    meeting = MeetingFactory(site=world.site, starts_at=at(timezone.localdate() + timedelta(days=3)))
    return MeetingPaper.objects.create(meeting=meeting, title="Paper for the meeting", text=text)


def forum_post(world, text):
    post = world.new_forum_post()
    type(post).objects.filter(pk=post.pk).update(body=text)
    reply = forum_services.add_post(thread=post.thread, by=world.people["other_member"], body="Agreed.", quoted=post)
    return reply.quoted


def forum_pages(world, post):
    thread = reverse("forum:thread", args=[post.thread_id])
    return [("member", thread), ("member", f"{thread}?quote={post.pk}"),
            ("member", reverse("forum:post_history", args=[post.pk]))]  # fmt: skip


def sent_issue(world) -> NewsletterIssue:
    issue = world.sent_newsletter()
    if not issue.items.filter(audience=Audience.PUBLIC, removed=False).exists():
        NewsletterItem.objects.create(
            issue=issue, section=Section.choices[0][0], title="An item", audience=Audience.PUBLIC, source_key="md"
        )
    return issue


def newsletter_introduction(world, text):
    issue = sent_issue(world)
    NewsletterIssue.objects.filter(pk__in=[issue.pk, world.draft_newsletter().pk]).update(introduction=text)
    return NewsletterIssue.objects.get(pk=issue.pk)


def newsletter_item(world, text):
    issue = sent_issue(world)
    NewsletterItem.objects.filter(issue__in=[issue.pk, world.draft_newsletter().pk]).update(body=text)
    return NewsletterIssue.objects.get(pk=issue.pk)


def newsletter_pages(world, issue):
    draft = world.draft_newsletter().pk
    return [
        ("broker", reverse("newsletters:edit", args=[draft])),
        ("broker", reverse("newsletters:preview", args=[draft, "members"])),  # the plain text, and the HTML email
        ("broker", reverse("newsletters:preview", args=[draft, "public"])),
        ("broker", reverse("newsletters:preview_html", args=[draft, "members"])),
        (None, reverse("newsletters:issue_public", args=[issue.slug])),
        ("member", reverse("newsletters:issue_members", args=[issue.slug])),
        (None, reverse("newsletter_feed")),
        ("email", "members"),
        ("email", "public"),
    ]


PATHS = {
    "meeting notes": MarkdownPath(meeting_notes, lambda w, m: [("member", reverse("sites:meeting", args=[m.pk]))]),
    "forum post": MarkdownPath(forum_post, forum_pages),
    "ground rules": MarkdownPath(
        ground_rules, lambda w, v: [("facilitator", reverse("sites:ground_rules", args=[v.site_id]))]
    ),
    "meeting paper": MarkdownPath(
        meeting_paper, lambda w, p: [("member", reverse("sites:meeting_paper", args=[p.meeting_id, p.pk]))]
    ),
    "newsletter introduction": MarkdownPath(newsletter_introduction, newsletter_pages),
    "newsletter item": MarkdownPath(newsletter_item, newsletter_pages),
}


def rendered(client, world, obj, who: str | None, where: str) -> tuple[str, str]:
    """(what the person sees, a name for it)."""
    if who == "email":
        message = build_issue_email(obj, email="reader@example.org", edition=where, unsubscribe_token="t")
        return message.alternatives[0][0], f"the {where} email"
    client.logout()
    if who is not None:
        client.force_login(world.people[who])
    response = client.get(where)
    assert response.status_code == 200, f"{where} as {who}: {response.status_code}"
    body = response.content
    return (feed_html(body) if "xml" in response["Content-Type"] else body.decode()), where


@pytest.mark.parametrize("path", sorted(PATHS))
def test_every_markdown_rendering_refuses_hostile_markup(client, world, path):
    """The newsletter introduction, forum posts (and their quotes and history), meeting notes and newsletter items,
    on every page, feed and email that shows them."""
    entry = PATHS[path]
    problems = []
    # A few payloads at a time, each its own paragraph (short enough for a quote, which shows the first 60 words).
    for start in range(0, len(HOSTILE_MARKDOWN), PER_TEXT):
        payloads = HOSTILE_MARKDOWN[start : start + PER_TEXT]
        obj = entry.store(world, "\n\n".join([SHOWN, *payloads]))
        for who, where in entry.pages(world, obj):
            html, name = rendered(client, world, obj, who, where)
            assert SHOWN in html, f"{path}: {name} did not show the text"
            problems += [f"{name}: {payloads!r} -> {found}" for found in dangerous(html)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("payload", HOSTILE_MARKDOWN)
@pytest.mark.parametrize("padding", [0, KEPT_LENGTH], ids=["kept rendered", "too long to keep"])
def test_the_sanitiser_refuses_each_hostile_payload_alone_every_time(payload, padding):
    """Shown twice, as a thread shows a post and its quotes: the second, kept rendering is as safe as the first."""
    text = f"{SHOWN} {'word ' * (padding // 5)}\n\n{payload}"
    first, second = str(render_markdown(text)), str(render_markdown(text))
    assert dangerous(first) == [] and second == first


def test_the_sanitiser_keeps_ordinary_markdown():
    html = render_markdown("**Bold**, [the NICE guideline](https://www.nice.org.uk/) and <mailto:a@example.org>")
    assert "<strong>Bold</strong>" in html
    assert '<a href="https://www.nice.org.uk/" rel="nofollow noopener">the NICE guideline</a>' in html
    assert 'href="mailto:a@example.org"' in html


MARKDOWN_LIBRARIES = re.compile(r"^\s*(import|from)\s+(markdown|nh3|bleach|mistune|markdown_it|commonmark)\b", re.M)
RENDER_CALL = re.compile(r"render_markdown\(|\|\s*markdown\b|\.body_html\b|introduction_html\b")
# Every file that renders Markdown (or shows what was rendered), and the path above that walks it.
KNOWN_RENDERERS = {
    "core/markdown.py": "the sanitiser itself",
    "core/templatetags/markdown.py": "the |markdown filter",
    "templates/sites/meetings/meeting_detail.html": "meeting notes",
    "templates/sites/ground_rules.html": "ground rules",
    "templates/sites/meetings/paper.html": "meeting paper",
    "templates/forum/thread.html": "forum post",
    "templates/forum/post_history.html": "forum post",
    "newsletters/models.py": "newsletter item",
    "newsletters/views.py": "newsletter introduction",
    "newsletters/emails.py": "newsletter introduction",
    "api/feeds.py": "newsletter introduction",
    "templates/newsletters/_issue_content.html": "newsletter item",
    "templates/newsletters/edit.html": "newsletter item",
    "templates/newsletters/emails/_issue_body.html": "newsletter item",
}


def test_markdown_is_rendered_only_through_the_sanitiser_and_only_where_this_walk_looks():
    files = [p for p in ROOT.glob("**/*") if p.suffix in (".py", ".html", ".txt") and p.is_file()
             and not {".venv", "node_modules", "tests", ".git", "bench"} & set(p.relative_to(ROOT).parts)]  # fmt: skip
    libraries, renderers = [], set()
    for file in files:
        name = str(file.relative_to(ROOT))
        text = file.read_text(encoding="utf-8", errors="replace")
        if MARKDOWN_LIBRARIES.search(text) and name != "core/markdown.py":
            libraries.append(name)
        if RENDER_CALL.search(text):
            renderers.add(name)
    assert libraries == [], f"Markdown or HTML cleaning outside core/markdown.py: {libraries}"
    unknown = sorted(renderers - set(KNOWN_RENDERERS))
    assert unknown == [], f"Markdown rendered where tests/security/test_markdown_rendering.py does not look: {unknown}"
    for name, path in KNOWN_RENDERERS.items():
        assert path in PATHS or name.startswith("core/"), name

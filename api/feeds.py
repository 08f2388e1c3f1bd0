"""Atom feeds of what is published openly: the public learning objects (/repository/feed/) and the public
edition of the monthly newsletter (/newsletter/feed/). Feeds are read without signing in, so they show only
what an anonymous visitor sees on the pages."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from cases.selectors.cases import learning_objects_for
from core.markdown import render_markdown
from newsletters.links import absolute_links
from newsletters.models import Edition, NewsletterIssue
from newsletters.selectors import issue_sections

PROGRAMME = "Communities of practice programme"
FEED_LENGTH = 50


class PublicLearningObjectsFeed(Feed):
    feed_type = Atom1Feed
    title = "Communities of practice: learning objects published openly"
    subtitle = "Anonymised case studies from front-line communities of practice, written up as learning objects."
    author_name = PROGRAMME

    def link(self):
        return reverse("repository:list")

    def items(self):
        return learning_objects_for(AnonymousUser())[:FEED_LENGTH]

    def item_title(self, case):
        return case.title

    def item_description(self, case):
        return case.summary or case.learning

    def item_link(self, case):
        return reverse("repository:detail", args=[case.pk])

    def item_pubdate(self, case):
        return case.published_at

    def item_updateddate(self, case):
        return max(d for d in (case.published_at, case.updated_at) if d is not None)

    def item_categories(self, case):
        return [theme.name for theme in case.themes.all()]


class NewsletterFeed(Feed):
    feed_type = Atom1Feed
    title = "Communities of practice: the monthly newsletter"
    subtitle = "The public edition: news from the sites, evidence the knowledge brokers found, new learning objects."
    author_name = PROGRAMME

    def link(self):
        return reverse("newsletters:archive")

    def items(self):
        return NewsletterIssue.objects.sent()[:24]

    def item_title(self, issue):
        return str(issue)

    def item_description(self, issue):
        # Links written as "/repository/" work from a feed reader too (as in the email).
        parts = [absolute_links(render_markdown(issue.introduction))] if issue.introduction else []
        for section in issue_sections(issue, Edition.PUBLIC):
            parts.append(f"<h2>{escape(section.label)}</h2>")
            for item in section.items:
                parts.append(f"<h3>{escape(item.title)}</h3>{absolute_links(item.body_html)}")
        return "".join(parts)

    def item_link(self, issue):
        return reverse("newsletters:issue_public", args=[issue.slug])

    def item_pubdate(self, issue):
        return issue.sent_at

    def item_updateddate(self, issue):
        return issue.sent_at or issue.compiled_at

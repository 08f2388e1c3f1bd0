"""{% load markdown %}{{ text|markdown }}: Markdown typed by people, rendered safely."""

from django import template

from core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)

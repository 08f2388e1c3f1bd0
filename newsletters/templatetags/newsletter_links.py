"""{{ html|absolute_links }} and {{ markdown|absolute_markdown_links }} in the newsletter's email templates."""

from django import template

from newsletters import links

register = template.Library()
register.filter("absolute_links", links.absolute_links, is_safe=True)
register.filter("absolute_markdown_links", links.absolute_markdown_links)

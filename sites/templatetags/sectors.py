from django import template

from members.models import Sector

register = template.Library()


@register.filter
def sector_label(value: str) -> str:
    """A sector's name, such as “Local Authority”, from its stored value."""
    return dict(Sector.choices).get(value, value)

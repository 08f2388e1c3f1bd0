from django import template

from sites.services.budget import format_pounds

register = template.Library()


@register.filter
def pounds(amount) -> str:
    """A Decimal amount as £1,234.50."""
    return "" if amount is None else format_pounds(amount)

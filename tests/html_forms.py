"""Reading forms back from real HTML: which radio buttons and checkboxes a page renders checked."""

from html.parser import HTMLParser


class _Checked(HTMLParser):
    def __init__(self):
        super().__init__()
        self.checked: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "radio" and "checked" in attrs:
            self.checked[attrs["name"]] = attrs["value"]


def checked_radios(html: str) -> dict[str, str]:
    """name -> value of every checked radio button in the page."""
    parser = _Checked()
    parser.feed(html)
    return parser.checked

"""Real HTML parsed for view tests: tinyhtml5 (an HTML5 parser) and cssselect2 (CSS selectors), both already
installed with WeasyPrint."""

import cssselect2
import tinyhtml5


def parse(content: bytes | str) -> cssselect2.ElementWrapper:
    if isinstance(content, bytes):
        content = content.decode()
    return cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(content, namespace_html_elements=False))


def select(page: cssselect2.ElementWrapper, selector: str) -> list[cssselect2.ElementWrapper]:
    return list(page.query_all(selector))


def text(element: cssselect2.ElementWrapper) -> str:
    """The element's text with its whitespace collapsed."""
    return " ".join("".join(element.etree_element.itertext()).split())

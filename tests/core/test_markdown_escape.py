"""Plain text put into Markdown stays text: no link, image or tag, whatever was typed, and reads back as typed."""

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from core.markdown import render_markdown
from core.markdown_escape import escape_markdown, markdown_as_text

PIECES = ["[", "]", "(", ")", "<", ">", "\\", "!", "*", "_", "`", "&", "#", "-", ".", "\n", " ", "a", "https://x.example/"]
typed = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.sampled_from(['[read the notes](https://evil.example/login)', '<a href="https://evil.example/">x</a>',
                     '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<https://evil.example>",
                     "![x](https://evil.example/x.png)", "[x]: https://evil.example/\n\n[x]"]),
)  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


@given(typed)
def test_escaped_text_makes_no_link_or_tag_in_markdown(text):
    parser = _Tags()
    parser.feed(render_markdown(f"- {escape_markdown(text)}"))
    assert parser.tags <= {"ul", "li", "p", "em", "strong", "code", "br", "blockquote", "ol", "pre", "h3", "h4", "h5"}


@given(typed.filter(lambda text: "&lt;" not in text))
def test_escaped_text_reads_back_as_typed_in_plain_text(text):
    assert markdown_as_text(escape_markdown(text)) == text

from django.template import Context, Template

from core.markdown import markdown_to_text, render_markdown


def test_basic_markdown_is_rendered():
    html = render_markdown("**Agreed** next steps:\n\n- call the GP\n- *book* a room\n\n### Actions")
    assert "<strong>Agreed</strong>" in html
    assert "<li>call the GP</li>" in html
    assert "<em>book</em>" in html
    assert "<h3>Actions</h3>" in html


def test_scripts_are_removed_with_their_content():
    html = render_markdown("Hello <script>alert('x')</script> there")
    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html


def test_event_handlers_and_images_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="steal()">text</p>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html
    assert "text" in html


def test_javascript_links_lose_their_href():
    html = render_markdown('[click me](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>')
    assert "javascript:" not in html
    assert "click me" in html


def test_ordinary_links_get_nofollow_noopener():
    html = render_markdown("[NICE guidance](https://www.nice.org.uk/guidance)")
    assert 'href="https://www.nice.org.uk/guidance"' in html
    assert 'rel="nofollow noopener"' in html


def test_inline_styles_are_removed():
    html = render_markdown('<p style="position:fixed">styled</p>')
    assert "style=" not in html


def test_template_filter_renders_safely():
    rendered = Template("{% load markdown %}{{ text|markdown }}").render(Context({"text": "*hi* <script>x()</script>"}))
    assert "<em>hi</em>" in rendered
    assert "<script" not in rendered and "&lt;script" not in rendered


def test_markdown_as_text_keeps_the_words_without_the_markup():
    typed = "A **free** course on [hoarding](https://example.org/h).\n\n- one\n- two &amp; <b>three</b>"
    assert markdown_to_text(typed) == "A free course on hoarding. one two & three"
    assert markdown_to_text("Before <script>alert(1)</script> after") == "Before after"
    assert markdown_to_text("Fish &lt;chips&gt; 5 < 6") == "Fish <chips> 5 < 6"  # text, escaped where it is shown

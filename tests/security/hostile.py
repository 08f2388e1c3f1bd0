"""Hostile values for fuzzing forms: long strings, control characters and null bytes, every Unicode
plane, HTML and script, SQL fragments, bad dates and numbers."""

import io
import zipfile
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

MARKER = "xss-marker"
SCRIPT_PAYLOADS = [
    f"<script>alert('{MARKER}')</script>",
    f'"><img src=x onerror=alert("{MARKER}")>',
    f"<svg onload=alert('{MARKER}')>",
    f"javascript:alert('{MARKER}')",
    f"<a href=\"javascript:alert('{MARKER}')\">click</a>",
    f"[click](javascript:alert('{MARKER}'))",
    f"[click](data:text/html;base64,{MARKER})",
    f"[click](vbscript:msgbox('{MARKER}'))",
]
# Numbers no id or count can be: past the database's 64-bit integers, past Python's 4,300-digit limit for turning
# text into a number, and digits that str.isdigit() accepts but int() refuses (superscripts) or reads (other scripts).
HUGE_NUMBERS = [str(2**63), str(-(2**63) - 1), "1" + "0" * 30, "9" * 6001, "-" + "9" * 6001, "²", "¹²³", "١٢٣", "１２"]
# One of each kind, given to every field in turn (tests/security/test_hostile_input.py); the fuzzing draws from all.
HUGE_NUMBER_KINDS = [str(2**63), "9" * 6001, "²"]
SQL_PAYLOADS = ["' OR '1'='1", "1; DROP TABLE members_user; --", '" OR ""="', "%' --", "' UNION SELECT NULL--"]
ODD_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "99999999999999999999",
    *HUGE_NUMBERS,
    "1e309",
    "NaN",
    "2026-02-30",
    "31/13/2026",
    "00/00/0000",
    "9999-99-99",
    "true",
    "null",
    "None",
    "[]",
    "{}",
    "%s%s%s",
    "../../etc/passwd",
    "\u202eevil",
    "\ufeff",
]

hostile_text = st.one_of(
    st.sampled_from(SCRIPT_PAYLOADS + SQL_PAYLOADS + ODD_VALUES),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),  # every plane, control characters, NUL
    st.text(min_size=1, max_size=50).map(lambda s: s * (6000 // len(s) + 1)),  # very long
    st.builds(lambda a, b: a + "\x00" + b, st.text(max_size=20), st.text(max_size=20)),
)


def hostile_form(field_names: list[str], valid: dict | None = None):
    """A dict of field -> value, where fields may be missing or given twice. A field with a valid value
    gets it about half the time, so that hostile text in the other fields gets past the form now and then
    and is stored and shown again."""
    valid = valid or {}

    def value(name):
        hostile = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))
        return st.one_of(st.just(valid[name]), hostile) if name in valid else hostile

    return st.fixed_dictionaries({}, optional={name: value(name) for name in sorted({*field_names, *valid})})


def _docx_carrying(program: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w/>")
        archive.writestr("word/media/setup.exe", program)
    return buffer.getvalue()


FILE_NAMES = ["report.pdf", "members.csv", "x.csv.exe", "../../etc/passwd", "a" * 300 + ".csv", "\u202ecod.pdf",
              "<script>.csv", ".csv", "noextension"]  # fmt: skip
FILE_CONTENTS = [
    b"",
    b"%PDF-1.4 not really",
    b"MZ\x90\x00\x03",  # a Windows executable's first bytes
    b"<html><script>alert('xss-marker')</script></html>",
    b"name,email\n=cmd|' /C calc'!A0,x@example.org\n",  # a spreadsheet formula
    b"\xff\xfe\x00\x00broken utf-32",
    b"email,name,job_title\n" + b"a@example.org,\x00,<b>x</b>\n" * 50,
    b"site,name,email\nCP1,<script>alert('xss-marker')</script>,a@example.org\n",  # HTML in a "CSV"
    _docx_carrying(b"MZ\x90\x00\x03"),  # a Word-shaped zip carrying a program (tests/security/test_uploads.py)
]


def hostile_upload():
    """A file upload with a hostile name and content (built anew for each request: the client reads it)."""
    names = st.one_of(st.sampled_from(FILE_NAMES), st.text(min_size=1, max_size=40).map(lambda s: s + ".csv"))
    contents = st.one_of(st.sampled_from(FILE_CONTENTS), st.binary(max_size=2000),
                         hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass")))  # fmt: skip
    return st.builds(SimpleUploadedFile, names, contents)


# Schemes that run code or carry a whole document. Browsers drop tabs and line breaks anywhere in a URL and control
# characters and spaces before it, so "java\tscript:" and " javascript:" count too (entities are decoded already).
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def is_script_url(value: str) -> bool:
    squeezed = "".join(char for char in value if char not in "\t\n\r").lstrip("".join(map(chr, range(0x21))))
    return squeezed.lower().startswith(SCRIPT_SCHEMES)


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}


class _LiveMarkupFinder(HTMLParser):
    """Finds hostile payloads that became real markup: a script element, an on* handler attribute or a
    javascript:, vbscript: or data: URL carrying the marker. Escaped text that merely looks like HTML does not
    count."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
        for name, value in attrs:
            value = value or ""
            is_url = name in URL_ATTRIBUTES and is_script_url(value)
            if MARKER in value and (name.startswith("on") or is_url):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARKER in data:
            self.found.append(f"<script>{data[:60]}")


def live_markup(body: str) -> list[str]:
    finder = _LiveMarkupFinder()
    finder.feed(body)
    return finder.found

"""Any text at all: the detector never fails, and its findings always lie on the caller's text in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.anonymisation import find_personal_data, fix_all

# Characters that stress the normaliser: spaces, dashes, invisibles, combining accents, full-width forms, ligatures.
AWKWARD = "\u00a0\u2009\u202f\u3000\u2013\u2014\u2212\u200b\u200d\u2060\ufeff\u00ad\u0301\u0308\uff19\uff22\ufb01'’\"“"
PIECES = st.sampled_from(
    ["Jade", "Hughes", "Mr", "DOB", "12/03/1989", "943 476 5919", "BN2 1AB", "07700 900123", "said", "her sister",
     "St Mungo's", "Samaritans", "116 123", "Flat 3, 12 Park Road", ", ", ". ", "\n", " "]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(alphabet=AWKWARD, max_size=3), st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_findings_lie_on_the_original_text_in_order(text: str) -> None:
    findings = find_personal_data(text)
    previous_end = 0
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.start >= previous_end
        previous_end = finding.end


@settings(max_examples=100, deadline=None)
@given(TEXT, TEXT)
def test_fix_all_never_fails_and_reports_only_counts(first: str, second: str) -> None:
    result = fix_all({"a": first, "b": second})
    assert set(result.texts) == {"a", "b"}
    assert all(isinstance(count, int) and count > 0 for count in result.summary.values())

"""Find personal data in UK health and social care case notes: pure Python, no Django, no app models.

- `find_personal_data(text, *, known=None)` returns `Finding(start, end, kind, text)` on the text passed in.
- `KnownTerms` adds organisations and public numbers that are never personal data; `seed_terms()` is the seed list.
- `propose_fixes` / `apply_fixes` ("Fix it for me") replace findings with readable stand-ins across a case's texts.
"""

from core.anonymisation.detector import KIND_LABELS, KINDS, Finding, find_personal_data, nhs_check_digit_ok
from core.anonymisation.fixes import FixResult, Replacement, apply_fixes, fix_all, propose_fixes
from core.anonymisation.known import KnownTerms, seed_terms
from core.anonymisation.name_data import load_name_data

__all__ = [
    "KIND_LABELS",
    "KINDS",
    "Finding",
    "FixResult",
    "KnownTerms",
    "Replacement",
    "apply_fixes",
    "find_personal_data",
    "fix_all",
    "load_name_data",
    "nhs_check_digit_ok",
    "propose_fixes",
    "seed_terms",
]

"""Find personal data in UK health and social care case notes: pure Python, no Django, no app models."""

from core.anonymisation.detector import KIND_LABELS, KINDS, Finding, find_personal_data, nhs_check_digit_ok

__all__ = ["KIND_LABELS", "KINDS", "Finding", "find_personal_data", "nhs_check_digit_ok"]

"""The dashboard keeps its programme-wide counts in the cache for a few minutes (evaluation/dashboard.py): any row
they count saved or deleted through the app moves them on, so the next dashboard counts afresh."""

from django.db.models.signals import post_delete, post_save

from cases.models import Case, CommissionerIssue, Evidence, EvidenceLink, FollowUp
from evaluation.dashboard import figures_changed
from members.models import User
from sites.models import Attendance, Expense, Meeting, Membership

COUNTED = (Membership, Meeting, Attendance, Expense, Case, FollowUp, Evidence, EvidenceLink, CommissionerIssue)


def _changed(sender, **kwargs) -> None:
    figures_changed()


def _person_changed(sender, update_fields=None, **kwargs) -> None:
    if update_fields is not None and "sector" not in update_fields:
        return  # signing in (last_login) and the like do not change who is counted where
    figures_changed()


def connect() -> None:
    for model in COUNTED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"dashboard-figures-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"dashboard-figures-delete-{model.__name__}")
    post_save.connect(_person_changed, sender=User, dispatch_uid="dashboard-figures-save-User")
    post_delete.connect(_changed, sender=User, dispatch_uid="dashboard-figures-delete-User")

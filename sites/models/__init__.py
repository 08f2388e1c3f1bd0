"""The sites app's models, one module per aggregate: host sites, budgets, meetings and series, memberships and
invitations, experts by experience. Import them from here."""

from sites.models.budget import Expense, ExpenseCategory
from sites.models.experts import ExpertConsent, ExpertPayment
from sites.models.ground_rules import (
    DEFAULT_GROUND_RULES,
    AgreementSource,
    GroundRulesAgreement,
    GroundRulesVersion,
)
from sites.models.guests import GuestSpeaker
from sites.models.meetings import (
    EXPECTED_MEETINGS,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingChange,
    MeetingChangeKind,
    MeetingQuerySet,
    MeetingReminder,
    MeetingSeries,
    MeetingStatus,
    SeriesRule,
    Weekday,
    WeekOfMonth,
)
from sites.models.memberships import (
    SITE_ROLES,
    Invitation,
    InvitationQuerySet,
    InvitationRole,
    Membership,
    MembershipQuerySet,
    MembershipRole,
    hash_token,
)
from sites.models.papers import MeetingPaper
from sites.models.replies import MeetingReply, ReplyAnswer
from sites.models.sites import DEFAULT_AWARD, ENDED_STATUSES, Site, SiteStatus, TargetDiscipline
from sites.models.training import FacilitatorTraining, TrainingKind

__all__ = [
    "DEFAULT_GROUND_RULES",
    "AgreementSource",
    "GroundRulesAgreement",
    "GroundRulesVersion",
    "DEFAULT_AWARD",
    "ENDED_STATUSES",
    "EXPECTED_MEETINGS",
    "SITE_ROLES",
    "Attendance",
    "AttendanceStatus",
    "Expense",
    "ExpenseCategory",
    "ExpertConsent",
    "ExpertPayment",
    "FacilitatorTraining",
    "GuestSpeaker",
    "Invitation",
    "InvitationQuerySet",
    "InvitationRole",
    "Meeting",
    "MeetingChange",
    "MeetingChangeKind",
    "MeetingQuerySet",
    "MeetingReminder",
    "MeetingPaper",
    "MeetingReply",
    "MeetingSeries",
    "MeetingStatus",
    "Membership",
    "MembershipQuerySet",
    "MembershipRole",
    "ReplyAnswer",
    "SeriesRule",
    "Site",
    "SiteStatus",
    "TargetDiscipline",
    "TrainingKind",
    "WeekOfMonth",
    "Weekday",
    "hash_token",
]

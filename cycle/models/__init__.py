"""The meeting cycle's models: the agenda (agendas.py) and the meeting record with its actions (records.py).
Their tables kept the names they had in the sites app (db_table), so moving them here moved no data."""

from cycle.models.agendas import AgendaDelivery, AgendaItem, AgendaItemKind, AgendaPublication
from cycle.models.guests import GuestNotice, GuestNoticeKind, MeetingGuest
from cycle.models.records import (
    ActionReminder,
    MeetingRecord,
    RecordAction,
    RecordActionStatus,
    RecordComment,
    RecordDelivery,
    RecordEntry,
    RecordStatus,
    RecordVersion,
)

__all__ = [
    "ActionReminder",
    "AgendaDelivery",
    "AgendaItem",
    "AgendaItemKind",
    "AgendaPublication",
    "GuestNotice",
    "GuestNoticeKind",
    "MeetingGuest",
    "MeetingRecord",
    "RecordAction",
    "RecordActionStatus",
    "RecordComment",
    "RecordDelivery",
    "RecordEntry",
    "RecordStatus",
    "RecordVersion",
]

from django.contrib import admin

from core.admin import ProgrammeAdmin
from sites.models import Attendance, Meeting, Site


@admin.register(Site)
class SiteAdmin(ProgrammeAdmin):
    list_display = ["code", "name", "town", "host_organisation", "status", "start_date"]
    list_filter = ["status"]
    search_fields = ["code", "name", "town"]


@admin.register(Meeting)
class MeetingAdmin(ProgrammeAdmin):
    list_display = ["site", "starts_at", "venue", "is_taster", "status"]
    list_filter = ["site", "status"]
    list_select_related = ["site"]


@admin.register(Attendance)
class AttendanceAdmin(ProgrammeAdmin):
    list_display = ["meeting", "person", "status", "is_guest"]
    list_select_related = ["meeting__site", "person"]
    raw_id_fields = ["person", "meeting"]

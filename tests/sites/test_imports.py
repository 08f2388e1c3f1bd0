import io
from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from members.models import Sector, User
from sites.models import Attendance, Meeting, Membership, MembershipRole
from sites.services.imports import ImportRejected, import_attendance, import_members
from tests.factories import MeetingFactory, MembershipFactory, at

MEMBERS_HEADER = "site,name,email,job_title,agency,sector,expert_by_experience,role,joined,left\n"
GOOD_MEMBERS = (
    MEMBERS_HEADER
    + "CP1,Asha Patel,asha@example.org,Community Psychiatric Nurse,Sussex Partnership NHS,NHS,no,member,2026-01-10,\n"
    + "cp1,Ben Hughes,BEN@example.org,Probation Officer,Probation Service,criminal justice & police,no,member,"
    + "2026-01-10,2026-03-01\n"
    + "CP1,Cara Jones,cara@example.org,Expert by experience,,Experts by Experience,yes,member,2026-01-10,\n"
    + "CP1,Dee Green,dee@example.org,CoP Facilitator,Brighton Housing Trust,Voluntary Sector,no,facilitator,"
    + "2026-01-01,\n"
)
ATTENDANCE_HEADER = "site,meeting_date,email,status\n"


def problems_of(call) -> list[str]:
    with pytest.raises(ImportRejected) as rejected:
        call()
    return [str(p) for p in rejected.value.problems]


# Members
def test_import_members_creates_people_and_memberships(site):
    summary = import_members(data=GOOD_MEMBERS.encode())
    assert (summary.added, summary.updated, summary.unchanged, summary.people_created) == (4, 0, 0, 4)
    assert str(summary) == "4 members added, 0 updated"
    ben = User.objects.get(email="ben@example.org")
    assert ben.sector == Sector.CRIMINAL_JUSTICE and not ben.has_usable_password()
    assert Membership.objects.get(person=ben).left == date(2026, 3, 1)
    assert User.objects.get(email="cara@example.org").expert_by_experience
    assert Membership.objects.get(person__email="dee@example.org").role == MembershipRole.FACILITATOR


def test_reimporting_the_same_file_changes_nothing(site):
    import_members(data=GOOD_MEMBERS.encode())
    before = list(Membership.objects.values_list("pk", "person_id", "role", "joined", "left").order_by("pk"))
    summary = import_members(data=GOOD_MEMBERS.encode())
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 4)
    assert list(Membership.objects.values_list("pk", "person_id", "role", "joined", "left").order_by("pk")) == before
    assert User.objects.count() == 4


def test_changed_rows_update_existing_memberships(site):
    import_members(data=GOOD_MEMBERS.encode())
    changed = GOOD_MEMBERS.replace(
        "Community Psychiatric Nurse,Sussex Partnership NHS,NHS,no,member,2026-01-10,",
        "CPN,Sussex Partnership NHS,NHS,no,member,2026-01-10,2026-05-01",
    )
    summary = import_members(data=changed.encode())
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 3)
    asha = Membership.objects.get(person__email="asha@example.org")
    assert asha.left == date(2026, 5, 1) and asha.person.job_title == "CPN"


def test_bom_and_windows_line_endings_are_accepted(site):
    data = "\ufeff".encode() + GOOD_MEMBERS.replace("\n", "\r\n").encode()
    assert import_members(data=data).added == 4


def test_every_bad_row_is_reported_and_nothing_is_imported(site):
    bad = (
        MEMBERS_HEADER
        + "CP1,Asha Patel,asha@example.org,Nurse,NHS Trust,NHS,no,member,2026-01-10,\n"
        + "CP9,Unknown Site,u@example.org,Nurse,,NHS,no,member,2026-01-10,\n"
        + "CP1,Bad Email,not-an-email,Nurse,,NHS,no,member,2026-01-10,\n"
        + "CP1,Bad Sector,bs@example.org,Nurse,,Health,no,member,2026-01-10,\n"
        + "CP1,Bad Date,bd@example.org,Nurse,,NHS,no,member,10/01/2026,\n"
        + "CP1,Left Early,le@example.org,Nurse,,NHS,no,member,2026-01-10,2026-01-01\n"
        + "CP1,Asha Again,ASHA@example.org,Nurse,,NHS,no,member,2026-01-10,\n"
        + "CP1,Bad Role,br@example.org,Nurse,,NHS,no,boss,2026-01-10,\n"
        + "CP1,Bad Flag,bf@example.org,Nurse,,NHS,maybe,member,2026-01-10,\n"
        + "CP1,Short Row\n"
    )
    problems = problems_of(lambda: import_members(data=bad.encode()))
    assert problems == [
        "Line 3: there is no site with the code “CP9”.",
        "Line 4: “not-an-email” is not a valid email address.",
        "Line 5: “Health” is not a sector we know; use one of Voluntary Sector, Local Authority, NHS, "
        "Criminal Justice & Police, Experts by Experience.",
        "Line 6: joined is “10/01/2026”; write dates as YYYY-MM-DD, for example 2026-03-05.",
        "Line 7: left (01/01/2026) is before joined (10/01/2026).",
        "Line 8: asha@example.org at CP1 is already on line 2; keep one row per person.",
        "Line 9: role is “boss”; write member or facilitator.",
        "Line 10: expert_by_experience is “maybe”; write yes or no.",
        "Line 11: this row has 2 values but the header has 10 columns.",
    ]
    assert not User.objects.exists() and not Membership.objects.exists()


def test_a_wrong_header_rejects_the_file(site):
    wrong = GOOD_MEMBERS.replace("expert_by_experience,", "", 1)
    [problem] = problems_of(lambda: import_members(data=wrong.encode()))
    assert problem.startswith("Line 1: The first line must be the column names")
    assert "missing expert_by_experience" in problem


def test_non_utf8_empty_and_large_files_are_refused(site):
    latin1 = (MEMBERS_HEADER + "CP1,Zoë Brontë,z@example.org,Nurse,,NHS,no,member,2026-01-10,\n").encode("latin-1")
    assert "not in UTF-8" in problems_of(lambda: import_members(data=latin1))[0]
    assert problems_of(lambda: import_members(data=b""))[0] == "The file is empty."
    assert "bigger than 2 MB" in problems_of(lambda: import_members(data=b"x" * (2 * 1024 * 1024 + 1)))[0]
    assert "not a CSV file" in problems_of(lambda: import_members(data=b"PK\x03\x04\x00\x00", filename="list.xlsx"))[0]


def test_facilitator_may_import_only_for_their_own_site(site, other_site, facilitator):
    other = GOOD_MEMBERS.replace("CP1,Asha", "CP3,Asha")
    problems = problems_of(lambda: import_members(data=other.encode(), imported_by=facilitator))
    assert problems == ["Line 2: CP3 is not a site you facilitate; you can only import for your own site."]
    assert import_members(data=GOOD_MEMBERS.encode(), imported_by=facilitator).added == 4


def test_a_facilitators_import_does_not_change_details_of_people_who_have_signed_in(site, facilitator, programme_admin):
    row = f"CP1,Not Their Name,{programme_admin.email},Nurse,,NHS,no,member,2026-01-10,\n"
    summary = import_members(data=(MEMBERS_HEADER + row).encode(), imported_by=facilitator)
    assert summary.added == 1
    programme_admin.refresh_from_db()
    assert programme_admin.name == "Alex Admin" and programme_admin.job_title == "Housing Support Worker"


# Attendance
@pytest.fixture
def members_imported(site):
    import_members(data=GOOD_MEMBERS.encode())


def test_import_attendance_creates_missing_meetings_at_two_pm(site, members_imported):
    existing = MeetingFactory(site=site, starts_at=at(date(2026, 1, 15), 10))
    data = (
        ATTENDANCE_HEADER
        + "CP1,2026-01-15,asha@example.org,present\n"
        + "CP1,2026-01-15,ben@example.org,apologies\n"
        + "CP1,2026-02-12,asha@example.org,Present\n"
        + "CP1,2026-02-12,ben@example.org,absent\n"
    )
    summary = import_attendance(data=data.encode())
    assert (summary.added, summary.meetings_created) == (4, 1)
    assert str(summary) == "4 attendance records added, 0 updated; 1 meeting created"
    assert Attendance.objects.filter(meeting=existing).count() == 2
    created = Meeting.objects.exclude(pk=existing.pk).get()
    assert timezone.localtime(created.starts_at).time() == time(14, 0)
    assert timezone.localtime(created.ends_at).time() == time(16, 0)
    again = import_attendance(data=data.encode())
    assert (again.added, again.updated, again.unchanged, again.meetings_created) == (0, 0, 4, 0)
    assert Meeting.objects.count() == 2 and Attendance.objects.count() == 4


def test_attendance_rows_for_non_members_and_bad_values_reject_the_file(site, other_site, members_imported):
    MembershipFactory(site=other_site, person__email="olly@example.org")
    data = (
        ATTENDANCE_HEADER
        + "CP1,2026-01-15,asha@example.org,present\n"
        + "CP1,2026-01-15,olly@example.org,present\n"
        + "CP1,2026-01-15,nobody@example.org,present\n"
        + "CP1,15/01/2026,ben@example.org,present\n"
        + "CP1,2026-01-15,ben@example.org,late\n"
        + "CP1,2026-01-15,asha@example.org,absent\n"
        + "CP1,2026-01-16,ghost@example.org,late\n"
    )
    assert problems_of(lambda: import_attendance(data=data.encode())) == [
        "Line 3: olly@example.org is not a member of CP1; add them to the site first.",
        "Line 4: nobody with the email nobody@example.org is registered; import them in a member list first.",
        "Line 5: meeting_date is “15/01/2026”; write dates as YYYY-MM-DD, for example 2026-03-05.",
        "Line 6: status is “late”; write present, apologies or absent.",
        "Line 7: asha@example.org at the CP1 meeting on 15/01/2026 is already on line 2.",
        "Line 8: nobody with the email ghost@example.org is registered; import them in a member list first.",
        "Line 8: status is “late”; write present, apologies or absent.",
    ]
    assert not Meeting.objects.exists() and not Attendance.objects.exists()


# Management commands
def test_import_commands_print_a_summary_and_every_problem(site, tmp_path):
    members = tmp_path / "members.csv"
    members.write_text(GOOD_MEMBERS, encoding="utf-8")
    out = io.StringIO()
    call_command("import_members", str(members), stdout=out)
    assert "4 members added, 0 updated" in out.getvalue()
    register = tmp_path / "register.csv"
    rows = "CP1,2026-01-15,asha@example.org,present\nCP7,2026-01-15,x@example.org,present\n"
    register.write_text(ATTENDANCE_HEADER + rows)
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported: 2 problem"):
        call_command("import_attendance", str(register), stdout=io.StringIO(), stderr=err)
    assert "Line 3: there is no site with the code “CP7”." in err.getvalue()
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_attendance", str(tmp_path / "missing.csv"))


# The upload page
def upload(name: str, content: str | bytes) -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.mark.django_db
def test_facilitator_uploads_a_member_list_and_sees_a_summary(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("sites:import"), {"kind": "members", "file": upload("members.csv", GOOD_MEMBERS)})
    assert response.status_code == 200
    assert "4 members added, 0 updated" in response.content.decode()
    response = client.post(reverse("sites:import"), {"kind": "members", "file": upload("members.csv", GOOD_MEMBERS)})
    assert "0 members added, 0 updated, 4 unchanged" in response.content.decode()


@pytest.mark.django_db
def test_upload_page_lists_every_problem(client, facilitator, other_site):
    client.force_login(facilitator)
    bad = GOOD_MEMBERS.replace("CP1,Asha", "CP3,Asha").replace("no,member,2026-01-10,\n", "no,member,2026-13-10,\n", 1)
    response = client.post(reverse("sites:import"), {"kind": "members", "file": upload("members.csv", bad)})
    page = response.content.decode()
    assert "Nothing was imported." in page
    assert "Line 2: CP3 is not a site you facilitate" in page
    assert "joined is “2026-13-10”" in page
    assert Membership.objects.filter(person__email="ben@example.org").count() == 0


@pytest.mark.django_db
def test_upload_refuses_other_file_types_and_big_files(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("sites:import"), {"kind": "members", "file": upload("list.xlsx", b"PK\x03\x04")})
    assert "This is not a CSV file" in response.content.decode()
    big = upload("big.csv", b"a" * (2 * 1024 * 1024 + 10))
    response = client.post(reverse("sites:import"), {"kind": "attendance", "file": big})
    assert "bigger than 2 MB" in response.content.decode()


@pytest.mark.django_db
def test_members_brokers_and_commissioners_cannot_import(client, member, broker, commissioner):
    for user in (member, broker, commissioner):
        client.force_login(user)
        assert client.get(reverse("sites:import")).status_code == 403

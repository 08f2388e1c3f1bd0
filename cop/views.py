import json
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.health import check_broker, check_database


@never_cache
def healthz(request):
    checks = {"database": check_database(connection), "broker": check_broker()}
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse({"status": "ok" if healthy else "failing", **checks}, status=200 if healthy else 503)


ACCESSIBILITY_RECORD = Path(__file__).resolve().parent / "accessibility_record.json"


@cache
def accessibility_record() -> dict:
    """The last recorded run of the axe-core scan and the keyboard journeys (written by `make accessibility-record`)."""
    record = json.loads(ACCESSIBILITY_RECORD.read_text())
    record["recorded_on"] = date.fromisoformat(record["recorded_on"])
    return record


@require_safe
def accessibility_statement(request):
    return render(
        request,
        "accessibility.html",
        {"record": accessibility_record(), "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL},
    )

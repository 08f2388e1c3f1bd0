from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from core.health import check_broker, check_database


@never_cache
def healthz(request):
    checks = {"database": check_database(connection), "broker": check_broker()}
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse({"status": "ok" if healthy else "failing", **checks}, status=200 if healthy else 503)

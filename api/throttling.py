"""Rate limits for the read API, read from settings.API_RATE_LIMITS at each request (DRF's own throttles
read their rates once at import, so a changed setting would not take effect)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _SettingsRate:
    def get_rate(self):
        return settings.API_RATE_LIMITS[self.scope]

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class ApiAnonRateThrottle(_SettingsRate, AnonRateThrottle):
    scope = "anon"


class ApiUserRateThrottle(_SettingsRate, UserRateThrottle):
    scope = "user"

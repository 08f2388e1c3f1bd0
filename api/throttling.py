"""Rate limits for the read API, read from settings.API_RATE_LIMITS at each request (DRF's own throttles
read their rates once at import, so a changed setting would not take effect)."""

import ipaddress

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _SettingsRate:
    def get_rate(self):
        return settings.API_RATE_LIMITS[self.scope]

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        """The client's address past the proxies we run (REST_FRAMEWORK["NUM_PROXIES"]); an IPv6 client by its /64
        network, which one household or phone usually holds whole (otherwise each address would count anew)."""
        ident = super().get_ident(request)
        try:
            address = ipaddress.ip_address(ident)
        except ValueError:
            return ident
        if address.version == 6:
            return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
        return str(address)


class ApiAnonRateThrottle(_SettingsRate, AnonRateThrottle):
    scope = "anon"


class ApiUserRateThrottle(_SettingsRate, UserRateThrottle):
    scope = "user"

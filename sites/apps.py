from django.apps import AppConfig


class SitesConfig(AppConfig):
    # Our label is "sites"; django.contrib.sites is deliberately not installed (allauth does not need it).
    name = "sites"
    label = "sites"
    verbose_name = "Host sites and meetings"

from django.contrib import admin

from newsletters.models import Delivery, ExternalSubscriber, NewsletterIssue, NewsletterPreference


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(admin.ModelAdmin):
    list_display = ["month", "status", "compiled_at", "sent_at"]
    readonly_fields = ["compiled_at", "approved_by", "approved_at", "sent_at"]


@admin.register(ExternalSubscriber)
class ExternalSubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "confirmed_at", "unsubscribed_at"]
    search_fields = ["email"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["issue", "email", "edition", "status", "attempts", "sent_at"]
    list_filter = ["status", "edition", "issue"]
    search_fields = ["email"]


@admin.register(NewsletterPreference)
class NewsletterPreferenceAdmin(admin.ModelAdmin):
    list_display = ["person", "opted_out", "updated_at"]

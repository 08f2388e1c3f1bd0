from django.contrib import admin

from digests.models import CommissionerResponse, Digest, DigestSubscription


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "requested_by", "status", "pages", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in Digest._meta.concrete_fields]

    def has_add_permission(self, request):
        return False


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["person", "is_active", "created_at"]
    list_filter = ["is_active"]
    raw_id_fields = ["person"]


@admin.register(CommissionerResponse)
class CommissionerResponseAdmin(admin.ModelAdmin):
    list_display = ["case", "responder", "created_at"]
    raw_id_fields = ["case", "responder"]

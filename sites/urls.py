from django.urls import path

from sites.views import admin_sites, budget, gaps, imports, matrix, sites

app_name = "sites"
urlpatterns = [
    # Sites
    path("", sites.site_list, name="list"),
    path("<int:pk>/", sites.site_detail, name="detail"),
    # Sites and members: site admin, budget, recruitment targets, the membership matrix, imports
    path("new/", admin_sites.site_create, name="create"),
    path("<int:pk>/edit/", admin_sites.site_edit, name="edit"),
    path("<int:pk>/budget/expenses/new/", budget.expense_add, name="expense_add"),
    path("<int:pk>/budget/expenses/<int:expense_pk>/remove/", budget.expense_remove, name="expense_remove"),
    path("<int:pk>/budget/award/", budget.award_change, name="award_change"),
    path("<int:pk>/targets/", gaps.targets, name="targets"),
    path("<int:pk>/targets/<int:discipline_pk>/remove/", gaps.target_remove, name="target_remove"),
    path("matrix/", matrix.membership_matrix, name="matrix"),
    path("import/", imports.import_registers, name="import"),
]

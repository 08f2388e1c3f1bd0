"""Who may do what with people's accounts: the Django admin, a person's own data, erasure."""

import rules

from core.rules import is_programme_admin, is_self, is_signed_in

rules.add_perm("members.use_admin", is_programme_admin)
rules.add_perm("members.export_own_data", is_signed_in)
rules.add_perm("members.erase_person", is_programme_admin & ~is_self)

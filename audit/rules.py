"""Who may read the audit log: the programme team."""

import rules

from core.rules import is_programme_admin

rules.add_perm("audit.view_log", is_programme_admin)

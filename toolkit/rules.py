"""Who may do what with the toolkit: the set-up checklist, document templates and site health. Everyone who can see
a site sees its checklist; its facilitators and programme admins tick it."""

import rules

from core.rules import is_knowledge_broker, is_programme_admin
from sites.rules import is_site_facilitator, is_site_member

rules.add_perm("toolkit.view_checklist", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("toolkit.tick_checklist", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.download_documents", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.edit_default_checklist", is_programme_admin)
rules.add_perm("toolkit.view_site_health", is_programme_admin)
rules.add_perm("toolkit.change_thresholds", is_programme_admin)

"""Who may do what with the toolkit: the set-up checklist, document templates and site health. Everyone who can see
a site sees its checklist; its facilitators and programme admins tick it."""

import rules

from core.rules import is_knowledge_broker, is_programme_admin
from sites.rules import (
    facilitates_site_or_any,
    is_open_site,
    is_site_facilitator,
    is_site_member,
    open_site_facilitator,
)

rules.add_perm("toolkit.view_checklist", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("toolkit.tick_checklist", is_programme_admin | open_site_facilitator)
rules.add_perm("toolkit.download_documents", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.edit_default_checklist", is_programme_admin)
rules.add_perm("toolkit.view_site_health", is_programme_admin)  # every site's, with the buttons that check them
# A site's own health and its advice: its facilitators (on the site page, and their sites on the health page).
rules.add_perm("toolkit.view_health_of_site", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.view_own_sites_health", is_programme_admin | facilitates_site_or_any)
rules.add_perm("toolkit.change_thresholds", is_programme_admin)
# Endings and new starts (obj: a Site). Programme admins close a site; its facilitators may open the closing page and
# do the steps that come first (thank the members, tell the presenters of drafts) while it is open. Only programme
# admins start a new site from an existing one.
rules.add_perm("toolkit.view_closing", is_programme_admin | is_site_facilitator)
rules.add_perm("toolkit.prepare_closing", is_open_site & (is_programme_admin | is_site_facilitator))
rules.add_perm("toolkit.close_site", is_programme_admin & is_open_site)
rules.add_perm("toolkit.sprout_site", is_programme_admin)

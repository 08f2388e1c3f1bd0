"""Who may see and keep a site's recruitment work: its facilitators and programme admins. Managers' contact details
and the sponsor's are professional data, but they are for the people who recruit, not for members or commissioners."""

import rules

from core.rules import is_programme_admin
from sites.rules import is_site_facilitator

rules.add_perm("recruitment.view_recruitment", is_programme_admin | is_site_facilitator)
rules.add_perm("recruitment.manage_recruitment", is_programme_admin | is_site_facilitator)
# The call for host sites: programme admins open calls, score applications and decide.
rules.add_perm("recruitment.manage_calls", is_programme_admin)

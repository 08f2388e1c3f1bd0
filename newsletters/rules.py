"""Who may do what with the newsletter: knowledge brokers compile and send it with the programme team; every
signed-in person reads the members' archive; the public archive needs no sign-in."""

import rules

from core.rules import is_knowledge_broker, is_programme_admin, is_signed_in

is_newsletter_editor = is_programme_admin | is_knowledge_broker
rules.add_perm("newsletters.edit_issue", is_newsletter_editor)
rules.add_perm("newsletters.approve_issue", is_newsletter_editor)
rules.add_perm("newsletters.send_issue", is_newsletter_editor)
rules.add_perm("newsletters.view_deliveries", is_newsletter_editor)
rules.add_perm("newsletters.read_members_archive", is_signed_in)
rules.add_perm("newsletters.read_public_archive", rules.always_allow)


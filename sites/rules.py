"""Who may do what at a site: its pages, budget, members and invitations, meetings and the register, experts by
experience. A site role is a current membership (member or facilitator); with a site, or anything with a site_id,
the predicates ask about that site. The queryset scopes at the bottom are the same rules as database filters."""

import rules
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from core.rules import is_knowledge_broker, is_programme_admin, is_self, is_signed_in
from sites.models import ENDED_STATUSES, Membership, MembershipRole, Site


def site_roles(user) -> dict[int, str]:
    """The user's current site roles, {site_id: "member" | "facilitator"}, cached on the user object; none for a
    commissioner."""
    if not getattr(user, "is_authenticated", False):
        return {}
    if getattr(user, "is_commissioner", False):
        # Commissioners never see members' discussion: a membership they hold (from before the rule that refuses
        # one, or added behind the services' back) gives them no site role.
        return {}
    cached = getattr(user, "_cop_site_roles", None)
    if cached is None:
        cached = dict(
            Membership.objects.current(timezone.localdate()).filter(person=user).values_list("site_id", "role")
        )
        user._cop_site_roles = cached
    return cached


def remember_site_roles(user, memberships) -> None:
    """Keep as the user's site roles those of `memberships`, which the caller read with
    Membership.objects.current(today).filter(person=user): site_roles then asks nothing more in this request. Read
    with their sites (select_related), they also tell which of those sites have ended (running_facilitated_site_ids)."""
    if getattr(user, "is_authenticated", False) and not getattr(user, "is_commissioner", False):
        roles = {membership.site_id: membership.role for membership in memberships}
        user._cop_site_roles = roles
        if all(Membership.site.is_cached(membership) for membership in memberships):
            # Kept with the roles they go with: once the roles are read again (toolkit's close_site forgets them),
            # this no longer answers.
            user._cop_own_ended_site_ids = (roles, {m.site_id for m in memberships if m.site.has_ended})


def facilitated_site_ids(user) -> set[int]:
    return {site_id for site_id, role in site_roles(user).items() if role == MembershipRole.FACILITATOR}


def running_facilitated_site_ids(user) -> set[int]:
    """The sites the user facilitates that have not closed or failed: one query, or none after remember_site_roles
    was given the memberships with their sites."""
    facilitated = facilitated_site_ids(user)
    if not facilitated:
        return set()
    roles, ended = getattr(user, "_cop_own_ended_site_ids", (None, None))
    if roles is not None and roles is getattr(user, "_cop_site_roles", None):
        return facilitated - ended
    return set(Site.objects.filter(pk__in=facilitated).exclude(status__in=ENDED_STATUSES).values_list("pk", flat=True))


def member_site_ids(user) -> set[int]:
    """Sites where the user is currently a member (not a facilitator)."""
    return {site_id for site_id, role in site_roles(user).items() if role == MembershipRole.MEMBER}


def site_id_of(obj) -> int | None:
    """The site a permission is asked about: a Site's pk, or the site_id of anything that belongs to one."""
    if obj is None:
        return None
    if hasattr(obj, "site_id"):
        return obj.site_id
    return getattr(obj, "pk", None)


@rules.predicate
def is_any_facilitator(user) -> bool:
    return bool(facilitated_site_ids(user))


def needs_two_factor(user) -> bool:
    """Programme admins, knowledge brokers and facilitators must sign in with an authenticator app (when the
    setting MFA_REQUIRED_FOR_PRIVILEGED_ROLES is on); members and commissioners need not."""
    return bool(user.is_programme_admin or user.is_knowledge_broker or is_any_facilitator(user))


def meets_sign_in_requirement(user) -> bool:
    """Whether the person, as their role stands now, has what their role needs to sign in: the pages and the API
    tokens both ask this, so a token never does what a session of the same person may not."""
    if not (settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES and needs_two_factor(user)):
        return True
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


@rules.predicate
def has_any_site(user) -> bool:
    return bool(site_roles(user))


@rules.predicate
def is_site_member(user, obj) -> bool:
    return site_id_of(obj) in site_roles(user)


@rules.predicate
def is_site_facilitator(user, obj) -> bool:
    return site_id_of(obj) in facilitated_site_ids(user)


@rules.predicate
def facilitates_site_or_any(user, obj=None) -> bool:
    """With a site: whether the user facilitates it; without one, whether they facilitate any site."""
    if obj is None:
        return bool(facilitated_site_ids(user))
    return site_id_of(obj) in facilitated_site_ids(user)


def ended_site_ids(user) -> set[int]:
    """The sites that have closed or failed, cached on the user object for the request (one query)."""
    cached = getattr(user, "_cop_ended_site_ids", None)
    if cached is None:
        cached = set(Site.objects.filter(status__in=ENDED_STATUSES).values_list("pk", flat=True))
        if user is not None:
            user._cop_ended_site_ids = cached
    return cached


@rules.predicate
def is_open_site(user, obj) -> bool:
    """Whether the site (or the site of anything that belongs to one) is still open: a closed or failed site is
    read-only for everyone but programme admins. Asks the database only when the site is not already loaded."""
    if isinstance(obj, Site):
        return not obj.has_ended
    site = getattr(getattr(obj, "_state", None), "fields_cache", {}).get("site")
    if site is not None:
        return not site.has_ended
    site_id = site_id_of(obj)
    return site_id is None or site_id not in ended_site_ids(user)


# Writing at a site: its facilitators (or members) while it is open; programme admins always.
open_site_facilitator = is_site_facilitator & is_open_site
open_site_member = is_site_member & is_open_site

# Everyone with a place in the programme: a site role, or a programme role other than commissioner.
is_in_programme = is_signed_in & (has_any_site | is_knowledge_broker | is_programme_admin)

# Sites
rules.add_perm("sites.list_sites", is_programme_admin | is_knowledge_broker | has_any_site)
rules.add_perm("sites.view_site", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.add_site", is_programme_admin)
rules.add_perm("sites.change_site", is_programme_admin)
rules.add_perm("sites.manage_site", is_programme_admin | open_site_facilitator)

# Budgets, members, recruitment gaps, the membership matrix, imports. With a site these ask about that site;
# without one, whether the person may use the feature at all (a facilitator of any site).
rules.add_perm("sites.view_budget", is_programme_admin | is_site_facilitator)
rules.add_perm("sites.add_expense", is_programme_admin | open_site_facilitator)
rules.add_perm("sites.change_award", is_programme_admin)
rules.add_perm("sites.manage_members", is_programme_admin | open_site_facilitator)
rules.add_perm("sites.view_gaps", is_programme_admin | is_site_member)
rules.add_perm("sites.manage_targets", is_programme_admin | open_site_facilitator)
rules.add_perm("sites.view_matrix", is_programme_admin | facilitates_site_or_any)
rules.add_perm("sites.import_registers", is_programme_admin | facilitates_site_or_any)

# Invitations: facilitators invite to their sites; programme admins to any site and to the programme-wide roles.
rules.add_perm("sites.invite_to_site", is_programme_admin | open_site_facilitator)
rules.add_perm("sites.invite_any", is_programme_admin | is_any_facilitator)
rules.add_perm("sites.invite_programme_role", is_programme_admin)

# Meetings, series and the attendance register (obj: a Meeting, a series or a Site)
rules.add_perm("sites.view_meeting", is_programme_admin | is_knowledge_broker | is_site_member)
rules.add_perm("sites.manage_meetings", is_programme_admin | open_site_facilitator)
# Attending: the site's members and facilitators, and knowledge brokers (they attend every site's meetings). They
# see the video link, on the meeting page and in their calendar.
rules.add_perm("sites.attend_meeting", is_site_member | is_knowledge_broker)
# The meeting's papers: people who may attend, and those who manage the meeting (who add them).
rules.add_perm("sites.read_meeting_papers", is_site_member | is_knowledge_broker | is_programme_admin)
# Replying coming / can't come / maybe: the site's current members and facilitators (never a commissioner).
rules.add_perm("sites.reply_to_meeting", open_site_member)

# Ground rules: the site's facilitators (and programme admins) write new versions; its members confirm them.
rules.add_perm("sites.manage_ground_rules", is_programme_admin | open_site_facilitator)
rules.add_perm("sites.confirm_ground_rules", open_site_member)

# The facilitators' network: a facilitator's training record (obj: the facilitator, a User). The programme team
# records it and reads everyone's; a facilitator reads their own; nobody else sees it.
rules.add_perm("sites.view_training", is_signed_in & (is_programme_admin | (is_self & is_any_facilitator)))
rules.add_perm("sites.record_training", is_signed_in & is_programme_admin)

# Consents and payments of experts by experience: the site's facilitators and programme admins only.
rules.add_perm("sites.manage_experts", is_programme_admin | open_site_facilitator)


# Queryset scopes: the same rules, as filters for list pages.
def sites_visible_q(user) -> Q:
    return on_visible_sites_q(user, "pk")


def on_visible_sites_q(user, field: str = "site_id") -> Q:
    """Rows of the sites a person sees (every site for programme admins and brokers, else their current sites), as
    a filter on `field`, a site's id: no subquery over the sites (one search asks this for several kinds)."""
    if is_programme_admin(user) or is_knowledge_broker(user):
        return Q()
    return Q(**{f"{field}__in": list(site_roles(user))})


def sites_managed_q(user) -> Q:
    if is_programme_admin(user):
        return Q()
    return Q(pk__in=list(facilitated_site_ids(user)))


def matrix_sites_q(user) -> Q:
    """The sites whose column a person may see in the membership matrix."""
    return sites_managed_q(user)


def calendar_meetings_q(user) -> Q:
    """Meetings in a person's calendar feed: their current sites' meetings (brokers: every site's)."""
    if is_knowledge_broker(user):
        return Q()
    return Q(site_id__in=list(site_roles(user)))


def meetings_visible_q(user, *, via: str = "") -> Q:
    """Meetings a person may open (sites.view_meeting as a filter on Meeting, or through `via`, such as "meeting__",
    on what belongs to a meeting): the meetings of the sites they see."""
    return on_visible_sites_q(user, f"{via}site_id")

"""Predicates on the person alone: the programme-wide roles every app's rules build on (django-rules).

Site roles (member, facilitator) are memberships and live in sites/rules.py; each app's rules.py registers the
permissions it governs, and rules' autodiscovery loads them all, so `user.has_perm("<app>.<action>", obj)` asks one
vocabulary everywhere."""

import rules


@rules.predicate
def is_programme_admin(user) -> bool:
    return bool(getattr(user, "is_programme_admin", False) and user.is_active)


@rules.predicate
def is_knowledge_broker(user) -> bool:
    return bool(getattr(user, "is_knowledge_broker", False) and user.is_active)


@rules.predicate
def is_commissioner(user) -> bool:
    return bool(getattr(user, "is_commissioner", False) and user.is_active)


@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and getattr(person, "pk", None) == user.pk


is_signed_in = rules.is_authenticated & rules.is_active

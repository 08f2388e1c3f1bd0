from tests.security.world import world  # noqa: F401  (the objects every role is checked against)

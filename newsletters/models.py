from newsletters.digest_models import *  # noqa: F403
from newsletters.digest_models import CommissionerResponse, Digest, DigestSubscription  # noqa: F401

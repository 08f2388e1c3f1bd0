"""Settings for the load benchmark: cop.settings plus two reference views (bench/urls.py) and their template.

The reference views are served only when BENCH_REFERENCE_VIEWS=1; otherwise bench.urls is cop.urls.
"""

from cop.settings import *  # noqa: F403
from cop.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]

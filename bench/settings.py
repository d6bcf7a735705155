"""The product's settings with the benchmark app added, for `make bench` only.

The bench commands (generate_dataset, bench_*) are not part of the product: production
settings do not list them, so an operator's `manage.py help` does not offer them. Run them as
`DJANGO_SETTINGS_MODULE=bench.settings manage.py bench_…`, as the Makefile does.
"""

from jarjestokartta.settings import *  # noqa: F403
from jarjestokartta.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

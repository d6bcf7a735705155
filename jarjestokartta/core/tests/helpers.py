from collections.abc import Callable

from django.db import IntegrityError, transaction


def refused(action: Callable[[], object]) -> bool:
    """Whether the database refuses the write (an IntegrityError), leaving the test usable."""
    try:
        with transaction.atomic():
            action()
    except IntegrityError:
        return True
    return False

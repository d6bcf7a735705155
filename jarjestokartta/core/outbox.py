"""Mail that leaves through the task worker, one task per recipient.

A request only renders the mail and stores a task (django-tasks' database backend, settings.TASKS)
in its own transaction: when the change rolls back, nothing is sent; when it commits, the
worker sends it, and a slow or unreachable mail server never holds up a page. One task per
recipient, so that a failure for one address neither resends to the others nor drops them.
"""

from collections.abc import Iterable
from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def deliver(*, to: str, subject: str, body: str) -> None:
    send_mail(subject, body, None, [to])


def send_later(*, to: Iterable[str], template: str, context: dict[str, Any]) -> int:
    """Queue `template`_subject.txt and `template`_body.txt, rendered in Finnish (the service's
    language until the mails' own language choice exists), to each address once; returns how
    many were queued."""
    with translation.override("fi"):
        subject = "[Järjestökartta] " + " ".join(
            render_to_string(f"{template}_subject.txt", context).split()
        )
        body = render_to_string(f"{template}_body.txt", context)
    addresses = list(dict.fromkeys(address for address in to if address))
    for address in addresses:
        deliver.enqueue(to=address, subject=subject, body=body)
    return len(addresses)

"""Mail through the database queue: nothing leaves before the worker runs, nothing at all when
the change rolls back, and each address gets its mail once."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from jarjestokartta.core.outbox import send_later


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_template(settings, tmp_path):
    (tmp_path / "note_subject.txt").write_text("Hei {{ name }}\n")
    (tmp_path / "note_body.txt").write_text("Tervetuloa, {{ name }}!\n")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    return "note"


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_what_was_queued_once_to_each_address(database_queue, mail_template):
    queued = send_later(
        to=["a@esimerkki.fi", "b@esimerkki.fi", "a@esimerkki.fi", ""],
        template=mail_template,
        context={"name": "Aino"},
    )
    assert queued == 2
    assert not mail.outbox  # the request that queued it does not wait for the mail server
    assert DBTaskResult.objects.count() == 2

    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@esimerkki.fi", "b@esimerkki.fi"]
    assert mail.outbox[0].subject == "[Järjestökartta] Hei Aino"
    assert mail.outbox[0].body == "Tervetuloa, Aino!\n"

    run_worker()  # a second run sends nothing again
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_that_rolls_back_sends_nothing(database_queue, mail_template):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_later(to=["a@esimerkki.fi"], template=mail_template, context={"name": "Aino"})
        raise RuntimeError("the change failed")
    run_worker()
    assert not mail.outbox
    assert not DBTaskResult.objects.exists()

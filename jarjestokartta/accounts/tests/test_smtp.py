"""One real SMTP round trip: a login code mailed through Django's SMTP backend to an aiosmtpd
server on 127.0.0.1, as production sends it (the other tests use the in-memory backend)."""

import logging
import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from jarjestokartta.accounts.tests.helpers import code_in, make_user

pytestmark = pytest.mark.django_db


class Received(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages = []

    def handle_message(self, message) -> None:
        self.messages.append(message)

    def prepare_message(self, session, envelope):
        return message_from_bytes(envelope.content, policy=policy.default)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    # aiosmtpd logs each connection from its own thread, after pytest closed the captured
    # streams ("--- Logging error ---"): only its warnings are wanted.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    handler = Received()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield handler
    controller.stop()


def test_a_login_code_travels_through_a_real_smtp_server(client, smtp_server):
    make_user("sihteeri@esimerkki.fi")
    response = client.post("/tili/login/code/", {"email": "sihteeri@esimerkki.fi"})
    (message,) = smtp_server.messages
    assert message["To"] == "sihteeri@esimerkki.fi"
    assert "Järjestökartta" in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    client.post(response["Location"], {"code": code_in(body)})
    assert "_auth_user_id" in client.session

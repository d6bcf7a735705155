import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from jarjestokartta import env

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "raw, expected", [("true", True), ("0", False), ("Yes", True), ("off", False)]
)
def test_it_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("DEBUG", raw)
    assert env.env_bool("DEBUG", False) is expected


def test_it_refuses_a_boolean_that_is_neither(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe' is not a boolean"):
        env.env_bool("DEBUG", False)


def test_it_defaults_to_a_sqlite_file_in_wal_mode(tmp_path):
    config = env.database(None, tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "jarjestokartta.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] > 0


def test_it_selects_postgresql_by_url(tmp_path):
    config = env.database("postgres://someone@db.example:5432/jk", tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5432, "jk")


def test_it_refuses_an_unsupported_database_url(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="scheme 'mysql' is not supported"):
        env.database("mysql://root@localhost/jk", tmp_path)


def test_it_refuses_a_short_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 32"):
        env.secret_key(tmp_path)


def test_it_generates_a_secret_key_once_and_keeps_it(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = env.secret_key(tmp_path)
    assert len(first) >= 32
    assert env.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("DATABASE_URL", "mongodb://x/y", "scheme 'mongodb' is not supported"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL='LOUD' must be one of"),
        ("ALLOWED_HOSTS", " , ", "ALLOWED_HOSTS is set but empty"),
    ],
)
def test_it_stops_start_up_with_a_clear_message_on_a_bad_value(tmp_path, name, value, message):
    environment = {**os.environ, name: value, "VAR_DIR": str(tmp_path)}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_without_an_smtp_host_mail_is_written_to_files_under_var(monkeypatch, tmp_path):
    monkeypatch.delenv("EMAIL_HOST", raising=False)
    config = env.email(tmp_path)
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert config["EMAIL_FILE_PATH"] == str(tmp_path / "mail")


def test_an_smtp_host_from_the_environment_is_used_with_starttls(monkeypatch, tmp_path):
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.fi")
    monkeypatch.setenv("EMAIL_USE_TLS", "yes")
    monkeypatch.setenv("EMAIL_HOST_USER", "jk")
    config = env.email(tmp_path)
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == (
        "smtp.example.fi",
        587,
        True,
    )
    assert config["EMAIL_HOST_USER"] == "jk"


def test_tls_and_ssl_together_are_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.fi")
    monkeypatch.setenv("EMAIL_USE_TLS", "true")
    monkeypatch.setenv("EMAIL_USE_SSL", "true")
    with pytest.raises(ImproperlyConfigured, match="cannot both be true"):
        env.email(tmp_path)

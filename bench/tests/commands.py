"""Running the bench commands from tests that use the production settings."""

from typing import Any

from django.core.management import call_command, load_command_class


def run_bench_command(name: str, *args: str, **options: Any) -> Any:
    """`manage.py NAME ARGS` as bench.settings runs it: the production settings that the test
    suite uses do not list the bench app (an operator's manage.py must not offer these
    commands), so the command is loaded from its module instead of looked up by name."""
    return call_command(load_command_class("bench", name), *args, **options)

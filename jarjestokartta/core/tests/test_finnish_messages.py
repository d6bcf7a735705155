"""Every message of the Finnish interface is translated: a changed English text left its entry
fuzzy, which compilemessages skips, and 64 labels and help texts of the events showed in
English until makemessages was run again (issue 15's session)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

FINNISH = Path(__file__).resolve().parents[3] / "locale" / "fi" / "LC_MESSAGES" / "django.po"


def entries(text: str) -> list[str]:
    return [entry for entry in text.split("\n\n") if "msgid " in entry]


def test_no_finnish_message_is_fuzzy_or_empty():
    fuzzy, empty = [], []
    for entry in entries(FINNISH.read_text(encoding="utf-8"))[1:]:  # [0] is the header
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.MULTILINE)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', entry, re.MULTILINE)
        if re.search(r"^#, .*fuzzy", entry, re.MULTILINE):
            fuzzy.append(msgid.group(1) if msgid else entry)
        elif msgstr and msgstr.group(1).strip() == '""':
            empty.append(msgid.group(1) if msgid else entry)
    assert fuzzy == []
    assert empty == []


def test_the_finnish_messages_hold_every_text_of_the_code(tmp_path):
    """makemessages on a copy of the project finds nothing new to translate: run
    `manage.py makemessages -l fi --ignore=.venv --ignore=var --ignore=bench --no-obsolete`
    and translate what it marks when this fails."""
    root = FINNISH.parents[3]
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "static")
    shutil.copytree(root / "jarjestokartta", tmp_path / "jarjestokartta", ignore=ignore)
    shutil.copytree(root / "locale", tmp_path / "locale", ignore=ignore)
    shutil.copy(root / "manage.py", tmp_path / "manage.py")
    environment = {**os.environ, "VAR_DIR": str(tmp_path / "var"), "DATABASE_URL": ""}
    environment.pop("PYTHONPATH", None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fi", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        env=environment,
        check=True,
    )
    copied = (tmp_path / "locale" / "fi" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    assert msgids(copied) == msgids(FINNISH.read_text(encoding="utf-8"))
    untranslated = [entry for entry in entries(copied) if re.search(r"^#, .*fuzzy", entry, re.M)]
    assert untranslated == []


def msgids(text: str) -> set[str]:
    found = set()
    for entry in entries(text):
        match = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.MULTILINE)
        if match:
            found.add("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))))
    return found

"""A row's cells as clean values, or problems named by row number and column header.

Everything a row refers to (municipalities, themes, target groups, kinds) must already exist:
a spreadsheet is typed by hand, and a typo that quietly created the theme "Ikäänteneet" would
be worse than a problem that suggests "Ikääntyneet".
"""

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from jarjestokartta.core.vocabulary import KIND_WORDS
from jarjestokartta.directory import identifiers
from jarjestokartta.directory.models import Organization, OrganizationKind, TargetGroup, Term, Theme
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.spreadsheets.columns import Columns, normalised

NAME_MAX = Organization._meta.get_field("name").max_length
URL_MAX = 500
_PHONE = re.compile(r"\+?[0-9][0-9 ()/-]{3,28}[0-9]")
_url_is_valid = URLValidator(schemes=["http", "https"])
Report = Callable[[str], None]  # tells one problem of the cell being read


@dataclass(frozen=True)
class Problem:
    row: int | None  # None: the file as a whole
    column: str | None  # the header as the file writes it
    message: str


@dataclass
class RowValues:
    row: int
    name: str
    ytunnus: str | None = None
    area: Area | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    target_groups: list[TargetGroup] = field(default_factory=list)
    abstract: str = ""
    classification: str | None = None  # None: the row does not say


class Vocabulary:
    """The municipalities, themes, target groups and kinds that cells may name, read once."""

    def __init__(self) -> None:
        # Reference municipalities win a name shared with an area someone added.
        areas = Area.objects.filter(classification=AreaKind.MUNICIPALITY).order_by("is_reference")
        self.municipalities: dict[str, Area] = {}
        for area in areas:
            for name in (area.name, area.name_sv):
                if name:
                    self.municipalities[name.casefold()] = area
        self.themes = _terms(Theme.objects.all())
        self.target_groups = _terms(TargetGroup.objects.all())
        self.kinds: dict[str, str] = {}
        for language in ("en", "sv", "fi"):
            with translation.override(language):
                for code, label in OrganizationKind.choices:
                    self.kinds[normalised(str(label))] = code
        self.kinds |= {normalised(code): code for code in OrganizationKind.values}
        # The words Popolo files use for kinds too ("yhdistys", "työryhmä", "julkinen toimija").
        self.kinds |= {normalised(w): code for code, words in KIND_WORDS.items() for w in words}


def _terms(terms: Iterable[Term]) -> dict[str, Term]:
    found: dict[str, Term] = {}
    for term in terms:
        for name in (term.slug, term.name_en, term.name_sv, term.name):
            if name:
                found[name.casefold()] = term
    return found


def suggestions(value: str, known: dict[str, object]) -> str:
    """The nearest known names, written as they are shown ("“Ikääntyneet”")."""
    close = difflib.get_close_matches(value.casefold(), list(known), n=3, cutoff=0.7)
    names = dict.fromkeys(str(known[key]) for key in close)
    return ", ".join(f"“{name}”" for name in names)


class RowChecker:
    def __init__(self, headers: list[str], columns: Columns, vocabulary: Vocabulary) -> None:
        self.headers = headers
        self.columns = columns
        self.vocabulary = vocabulary

    def check(self, number: int, cells: list[str]) -> tuple[RowValues | None, list[Problem]]:
        problems: list[Problem] = []

        def cell(code: str) -> str:
            position = self.columns.index.get(code)
            return "" if position is None else cells[position]

        def problem(code: str, message: str) -> None:
            problems.append(Problem(number, self.headers[self.columns.index[code]], message))

        name = " ".join(cell("name").split())
        if not name:
            problem("name", _("The name is missing."))
        elif len(name) > NAME_MAX:
            problem("name", _("The name is longer than %(max)s characters.") % {"max": NAME_MAX})
        values = RowValues(row=number, name=name, abstract=cell("abstract"))
        if text := cell("ytunnus"):
            values.ytunnus = identifiers.canonical("ytunnus", text)
            if values.ytunnus is None:
                message = _(
                    "“%(value)s” is not a valid Y-tunnus (seven digits, a hyphen and a check "
                    "digit, e.g. 2077474-0)."
                )
                problem("ytunnus", message % {"value": text})
        if text := cell("municipality"):
            values.area = self.vocabulary.municipalities.get(" ".join(text.split()).casefold())
            if values.area is None:
                problem("municipality", self._unknown(_("municipality"), text, "municipalities"))
        values.emails = self._emails(cell("email"), lambda m: problem("email", m))
        values.phones = self._phones(cell("phone"), lambda m: problem("phone", m))
        values.websites = self._websites(cell("website"), lambda m: problem("website", m))
        values.themes = self._terms(cell("themes"), "themes", lambda m: problem("themes", m))
        values.target_groups = self._terms(
            cell("target_groups"), "target_groups", lambda m: problem("target_groups", m)
        )
        if text := cell("classification"):
            values.classification = self.vocabulary.kinds.get(normalised(text))
            if values.classification is None:
                problem(
                    "classification",
                    _("“%(value)s” is not a kind of organisation; the kinds are: %(kinds)s.")
                    % {"value": text, "kinds": ", ".join(str(k.label) for k in OrganizationKind)},
                )
        return (None if problems else values), problems

    def _unknown(self, what: str, value: str, vocabulary: str) -> str:
        message = _("Unknown %(what)s “%(value)s”.") % {"what": what, "value": value}
        nearest = suggestions(value, getattr(self.vocabulary, vocabulary))
        if nearest:
            message += " " + _("Did you mean %(names)s?") % {"names": nearest}
        return message

    def _terms(self, text: str, vocabulary: str, problem: Report) -> list:
        known = getattr(self.vocabulary, vocabulary)
        what = _("theme") if vocabulary == "themes" else _("target group")
        found: list[Term] = []
        for part in _parts(text, r"[;\n|]"):
            # A comma separates terms only where the whole part is not a term itself.
            names = [part] if part.casefold() in known else _parts(part, ",")
            for name in names:
                term = known.get(name.casefold())
                if term is None:
                    problem(self._unknown(what, name, vocabulary))
                elif term not in found:
                    found.append(term)
        return found

    def _emails(self, text: str, problem: Report) -> list[str]:
        found = []
        for address in _parts(text, r"[;,\s]"):
            try:
                validate_email(address)
            except ValidationError:
                problem(_("“%(value)s” is not an e-mail address.") % {"value": address})
            else:
                found.append(address)
        return found

    def _phones(self, text: str, problem: Report) -> list[str]:
        found = []
        for number in _parts(text, r"[;,\n]"):
            if _PHONE.fullmatch(number) and sum(c.isdigit() for c in number) >= 5:
                found.append(" ".join(number.split()))
            else:
                problem(_("“%(value)s” is not a phone number.") % {"value": number})
        return found

    def _websites(self, text: str, problem: Report) -> list[str]:
        found = []
        for address in _parts(text, r"[;,\s]"):
            url = (
                address
                if re.match(r"[a-z][a-z0-9+.-]*://", address, re.I)
                else f"https://{address}"
            )
            try:
                _url_is_valid(url)
                if len(url) > URL_MAX:
                    raise ValidationError("too long")
            except ValidationError:
                problem(_("“%(value)s” is not a web address.") % {"value": address})
            else:
                found.append(url)
        return found


def _parts(text: str, separators: str) -> list[str]:
    return [part.strip() for part in re.split(separators, text) if part.strip()]

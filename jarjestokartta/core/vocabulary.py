"""The words by which files and people name our roles and kinds of organisation.

In Popolo a membership's or post's `role` and an organisation's `classification` are free text.
Another system, or a person writing a file by hand, writes "varajäsen", "Ersättare" or
"deputy member" where we store the code `deputy_member`. This module recognises those words in
Finnish, Swedish and English (and our own codes) in any case, with spaces, hyphens or
underscores; a word it does not know is "other", and the caller keeps the text as written.

Pure Python, no Django: the Popolo records and the spreadsheet import use it too. The codes
are the models' choices (structures.Role, directory.OrganizationKind); a test holds the two
equal.
"""

import re

OTHER = "other"

# Code → the words that mean it. Each code's own spelling is recognised without being listed.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "chair": ("puheenjohtaja", "pj", "ordförande", "chairperson", "chairman", "chairwoman"),
    "vice_chair": (
        "varapuheenjohtaja",
        "vpj",
        "vice ordförande",
        "viceordförande",
        "vice chairperson",
        "deputy chair",
    ),
    "secretary": ("sihteeri", "sekreterare"),
    "member": ("jäsen", "varsinainen jäsen", "ledamot", "ordinarie ledamot", "medlem"),
    "deputy_member": (
        "varajäsen",
        "varaedustaja",
        "ersättare",
        "suppleant",
        "deputy",
        "substitute member",
        "alternate member",
    ),
    "expert_member": (
        "asiantuntijajäsen",
        "asiantuntija",
        "pysyvä asiantuntija",
        "sakkunnig",
        "sakkunnig medlem",
        "expert",
    ),
    "coordinator": ("koordinaattori", "koordinoija", "koordinoiva taho", "koordinator"),
    "secretariat": ("sihteeristö", "sekretariat"),
    "administrator": ("hallinnoija", "hallinnoiva taho", "huvudman", "förvaltare"),
    "funder": ("rahoittaja", "finansiär"),
    "appointing_body": (
        "asettaja",
        "asettava taho",
        "nimeävä taho",
        "nimeäjä",
        "tillsättare",
        "tillsättande instans",
    ),
    OTHER: ("muu", "annan", "annat"),
}

KIND_WORDS: dict[str, tuple[str, ...]] = {
    "association": (
        "yhdistys",
        "rekisteröity yhdistys",
        "ry",
        "järjestö",
        "kansalaisjärjestö",
        "förening",
        "registrerad förening",
        "rf",
        "ngo",
    ),
    "foundation": ("säätiö", "stiftelse"),
    "public_body": (
        "julkinen toimija",
        "julkinen taho",
        "viranomainen",
        "kunta",
        "hyvinvointialue",
        "offentlig aktör",
        "myndighet",
        "kommun",
        "välfärdsområde",
        "public authority",
        "government body",
        "municipality",
    ),
    "company": ("yritys", "osakeyhtiö", "oy", "företag", "bolag", "ab", "business"),
    "network": ("verkosto", "nätverk"),
    "council": ("neuvosto", "järjestöneuvosto", "råd", "organisationsråd", "ngo council"),
    "advisory_board": (
        "neuvottelukunta",
        "delegation",
        "rådgivande delegation",
        "advisory council",
    ),
    "partnership_table": ("kumppanuuspöytä", "partnerskapsbord"),
    "forum": ("foorumi", "järjestöfoorumi"),
    "working_group": ("työryhmä", "arbetsgrupp", "workgroup", "work group"),
    "project": ("hanke", "projekti", "projekt"),
    OTHER: ("muu", "annan", "annat"),
}

_separators = re.compile(r"[\s_\-]+")


def normalise(text: str) -> str:
    """The form words are compared in: case folded, runs of spaces, hyphens and underscores as
    one space ("Deputy_Member", "deputy-member" and "deputy  member" are one word)."""
    return _separators.sub(" ", text.casefold()).strip()


def _lookup(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Each word also without its spaces: "vara-puheenjohtaja" and "asiantuntija_jäsen" are
    compounds written in parts."""
    table = {}
    for code, spellings in words.items():
        for word in (code, *spellings):
            table[normalise(word)] = table[normalise(word).replace(" ", "")] = code
    return table


ROLES = tuple(ROLE_WORDS)
KINDS = tuple(KIND_WORDS)
_roles = _lookup(ROLE_WORDS)
_kinds = _lookup(KIND_WORDS)


def _code(table: dict[str, str], text: str) -> str:
    word = normalise(text)
    return table.get(word) or table.get(word.replace(" ", ""), OTHER)


def role_code(text: str) -> str:
    """Our code for a role as a file writes it; "other" for one we do not know."""
    return _code(_roles, text)


def kind_code(text: str) -> str:
    """Our code for a kind of organisation as a file writes it; "other" for one we do not know."""
    return _code(_kinds, text)


def as_written(text: str, code: str) -> str:
    """What to keep of the text besides its code: nothing when it is the code itself."""
    return "" if text == code else text

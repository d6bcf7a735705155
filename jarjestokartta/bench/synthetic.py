"""A deterministic synthetic Finland of associations, for benchmarks.

Names follow real Finnish patterns (pensioners' clubs, village associations, sports clubs,
patient associations, local branches of national federations) in every municipality; the same
seed always gives the same organisations.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass

from jarjestokartta.bench.names import genitive

# (pattern, abstract, theme, classification). {gen} is the municipality's genitive,
# {village} a village name, {village_gen} its genitive.
PATTERNS = [
    (
        "{gen} Eläkeläiset ry",
        "Eläkeläisten kerho: retkiä, liikuntaa ja yhdessäoloa.",
        "Ikääntyneet",
        "association",
    ),
    (
        "Eläkeliiton {gen} yhdistys ry",
        "Eläkeliiton paikallinen yhdistys.",
        "Ikääntyneet",
        "association",
    ),
    (
        "{gen} Sotaveteraanit ry",
        "Veteraanien ja heidän puolisoidensa tukea.",
        "Ikääntyneet",
        "association",
    ),
    (
        "{gen} Omaishoitajat ry",
        "Omaishoitajien vertaistukea ja virkistystä.",
        "Sosiaali- ja terveys",
        "association",
    ),
    (
        "{gen} Sydänyhdistys ry",
        "Sydänsairaiden potilasyhdistys.",
        "Sosiaali- ja terveys",
        "association",
    ),
    (
        "{gen} Reumayhdistys ry",
        "Reumaa sairastavien liikuntaa ja tietoa.",
        "Sosiaali- ja terveys",
        "association",
    ),
    (
        "{gen} Diabetesyhdistys ry",
        "Diabeetikoiden vertaistukea.",
        "Sosiaali- ja terveys",
        "association",
    ),
    (
        "{gen} Muistiyhdistys ry",
        "Muistisairaiden ja läheisten tukea.",
        "Sosiaali- ja terveys",
        "association",
    ),
    ("{gen} Näkövammaiset ry", "Näkövammaisten yhdistys.", "Vammaisuus", "association"),
    ("{gen} Invalidit ry", "Liikuntavammaisten edunvalvontaa.", "Vammaisuus", "association"),
    (
        "{gen} seudun Mielenterveysseura ry",
        "Mielenterveyskuntoutujien vertaistukea.",
        "Sosiaali- ja terveys",
        "association",
    ),
    (
        "Mannerheimin Lastensuojeluliiton {gen} paikallisyhdistys ry",
        "Perhekahvila ja lastenhoitoapua.",
        "Lapset ja perheet",
        "association",
    ),
    (
        "{gen} Vanhempainyhdistys ry",
        "Koulun vanhempien yhteistyötä.",
        "Lapset ja perheet",
        "association",
    ),
    ("{gen} Partiolaiset ry", "Partiotoimintaa lapsille ja nuorille.", "Nuoret", "association"),
    ("{gen} Nuorisoseura ry", "Nuorisoseuran harrastuksia ja tapahtumia.", "Nuoret", "association"),
    (
        "{gen} Urheiluseura ry",
        "Liikuntaa ja kilpaurheilua kaikenikäisille.",
        "Liikunta",
        "association",
    ),
    ("{gen} Palloseura ry", "Jalkapalloa ja salibandya.", "Liikunta", "association"),
    ("{gen} Hiihtoseura ry", "Hiihtoa ja latujen kunnossapitoa.", "Liikunta", "association"),
    ("{gen} Metsästysseura ry", "Metsästystä ja riistanhoitoa.", "Luonto", "association"),
    ("{gen} Kalastusseura ry", "Kalastusta ja vesien hoitoa.", "Luonto", "association"),
    ("{gen} Martat ry", "Kodin ja arjen taitoja.", "Kulttuuri", "association"),
    (
        "{gen} Kotiseutuyhdistys ry",
        "Kotiseututyötä ja paikallishistoriaa.",
        "Kulttuuri",
        "association",
    ),
    ("{gen} Kuoro ry", "Kuorolaulua ja konsertteja.", "Kulttuuri", "association"),
    ("{gen} Teatteriyhdistys ry", "Harrastajateatteria.", "Kulttuuri", "association"),
    ("{gen} Yrittäjät ry", "Paikallisten yrittäjien yhdistys.", "Elinkeinot", "association"),
    ("{gen} Vapaaehtoiskeskus", "Vapaaehtoistoiminnan keskus.", "Vapaaehtoistoiminta", "other"),
    (
        "{village_gen} kyläyhdistys ry",
        "Kylätalon ylläpito ja kyläjuhlat.",
        "Kylätoiminta",
        "association",
    ),
    ("{village_gen} Nuorisoseura ry", "Kylän nuorisoseura.", "Nuoret", "association"),
    ("{village_gen} Metsästysseura ry", "Kylän metsästysseura.", "Luonto", "association"),
    ("{village} Urheilijat ry", "Kyläseuran liikuntaa.", "Liikunta", "association"),
]
VILLAGE_FIRST = (
    "Koivu",
    "Mänty",
    "Kuusi",
    "Haapa",
    "Leppä",
    "Pihlaja",
    "Ranta",
    "Mäki",
    "Järvi",
    "Salmi",
    "Niemi",
    "Harju",
    "Kallio",
    "Suo",
    "Joki",
    "Kangas",
    "Vaara",
    "Saari",
    "Lampi",
    "Kivi",
    "Pitkä",
    "Iso",
    "Ylä",
    "Ala",
    "Keski",
    "Etelä",
    "Pohjois",
    "Itä",
    "Länsi",
    "Hirvi",
)
VILLAGE_LAST = (
    "kylä",
    "mäki",
    "niemi",
    "lahti",
    "saari",
    "vaara",
    "harju",
    "joki",
    "lampi",
    "salo",
    "kangas",
    "ranta",
    "kumpu",
    "laakso",
    "pelto",
)
THEMES = sorted({pattern[2] for pattern in PATTERNS})
TARGET_GROUPS = ("Ikääntyneet", "Lapset", "Nuoret", "Perheet", "Aikuiset", "Kaikki")


@dataclass
class Synthetic:
    number: int
    name: str
    abstract: str
    classification: str
    municipality_code: str
    theme: str
    target_group: str
    founding_year: int
    dissolved: bool


def organizations(
    count: int, municipalities: list[tuple[str, str]], seed: int = 1
) -> Iterator[Synthetic]:
    """`count` organisations over (code, Finnish name) municipalities, bigger places more."""
    rng = random.Random(seed)
    # Heavier weight for some places, as population is: a deterministic long tail.
    weights = [rng.lognormvariate(0, 1.2) for _ in municipalities]
    for number in range(count):
        code, town = rng.choices(municipalities, weights)[0]
        pattern, abstract, theme, kind = rng.choice(PATTERNS)
        village = rng.choice(VILLAGE_FIRST) + rng.choice(VILLAGE_LAST)
        name = pattern.format(gen=genitive(town), village=village, village_gen=genitive(village))
        yield Synthetic(
            number=number,
            name=name,
            abstract=f"{abstract} Toimimme {town}ssa ja lähikunnissa.",
            classification=kind,
            municipality_code=code,
            theme=theme,
            target_group=rng.choice(TARGET_GROUPS),
            founding_year=rng.randint(1900, 2024),
            dissolved=rng.random() < 0.08,
        )

"""Finnish words for the activities and events of the synthetic Finland: what a theme's
associations do, where they meet, and the dates a season leaves out.

Names are plainly invented; the places are kinds of place every town has.
"""

from datetime import date

# By the organisations' themes (bench/patterns.py ACTIVITIES): (kind, name, summary).
# Kinds: activity (a weekly or monthly group), course, volunteering, event (one-off).
DOINGS: dict[str, list[tuple[str, str, str]]] = {
    "Ikääntyneet": [
        ("activity", "Eläkeläisten kerho", "Kahvia, vieraita ja yhdessäoloa."),
        ("activity", "Senioreiden kuntosaliryhmä", "Ohjattua kuntosaliharjoittelua."),
        ("activity", "Digiapu senioreille", "Apua puhelimen ja tietokoneen kanssa."),
        ("course", "Tietotekniikan alkeiskurssi", "Sähköposti, pankki ja kuvat."),
        ("event", "Teatteriretki", "Yhteiskuljetus ja liput ennakkoon."),
        ("volunteering", "Ystäväpalvelun vapaaehtoiset", "Vapaaehtoiset tapaavat."),
    ],
    "Sosiaali- ja terveys": [
        ("activity", "Vertaistukiryhmä", "Avoin ryhmä, jossa jaetaan kokemuksia."),
        ("activity", "Kävelyryhmä", "Rauhallinen kävely yhdessä, kaikki mukaan."),
        ("course", "Arjen hallinnan kurssi", "Tietoa ja tukea arkeen."),
        ("event", "Luentoilta", "Asiantuntija kertoo ja vastaa kysymyksiin."),
        ("event", "Terveyspäivä", "Mittauksia, neuvontaa ja tietoa."),
    ],
    "Vammaisuus": [
        ("activity", "Vertaistukiryhmä", "Tapaamme ja tuemme toisiamme."),
        ("activity", "Virkistysilta", "Pelejä, musiikkia ja kahvia."),
        ("event", "Esteettömyyskävely", "Kartoitamme keskustan esteitä."),
        ("volunteering", "Avustajaksi retkelle", "Vapaaehtoisia avustajia tarvitaan."),
    ],
    "Lapset ja perheet": [
        ("activity", "Perhekahvila", "Vanhemmat ja lapset tapaavat, kahvi ja leikit."),
        ("activity", "Vauvaryhmä", "Pienten vauvojen vanhemmille."),
        ("activity", "Kerho 3–6-vuotiaille", "Leikkiä, askartelua ja laulua."),
        ("course", "Vanhemmuuden kurssi", "Keskustelua ja tietoa vanhemmille."),
        ("event", "Perhetapahtuma", "Ohjelmaa koko perheelle."),
    ],
    "Nuoret": [
        ("activity", "Nuorten harrasteilta", "Pelejä, musiikkia ja tekemistä."),
        ("activity", "Partiokokous", "Viikoittainen kokous ja retket."),
        ("event", "Nuorten disko", "Päihteetön disko 13–17-vuotiaille."),
        ("event", "Leiri", "Viikonlopun leiri luonnossa."),
    ],
    "Liikunta": [
        ("activity", "Harjoitukset", "Viikoittaiset harjoitukset kaikentasoisille."),
        ("activity", "Kuntojumppa", "Koko kehon jumppa omaan tahtiin."),
        ("activity", "Junioriharjoitukset", "Lapsille ja nuorille."),
        ("event", "Kuntotapahtuma", "Liikuntaa koko perheelle."),
        ("course", "Alkeiskurssi", "Lajin perusteet aloittelijoille."),
    ],
    "Luonto": [
        ("activity", "Luontoilta", "Esitelmä ja keskustelu."),
        ("event", "Luontoretki", "Opastettu retki lähimaastoon."),
        ("volunteering", "Talkoot", "Polkujen ja laavujen kunnostusta."),
    ],
    "Kulttuuri": [
        ("activity", "Kuoroharjoitukset", "Uudet laulajat tervetulleita."),
        ("activity", "Käsityöilta", "Omat työt mukaan, neuvoja saa."),
        ("course", "Kudontakurssi", "Kangaspuut ja ohjaus."),
        ("event", "Konsertti", "Vapaa pääsy, ohjelma myynnissä."),
        ("event", "Kotiseutuilta", "Muistelua ja vanhoja kuvia."),
    ],
    "Elinkeinot": [
        ("event", "Yritysilta", "Tapaa paikallisia yrittäjiä."),
        ("course", "Koulutus yrittäjille", "Ajankohtaista yrittäjille."),
        ("activity", "Aamukahvit", "Yrittäjien aamukahvit kerran kuussa."),
    ],
    "Vapaaehtoistoiminta": [
        ("volunteering", "Ruoka-avun jakajat", "Vapaaehtoisia ruoka-avun jakoon."),
        ("volunteering", "Ystävätoiminnan vapaaehtoiset", "Ystäväksi yksinäiselle."),
        ("course", "Ensiapukurssi", "EA1-kurssi, todistus kurssin jälkeen."),
        ("activity", "Ensiapuryhmän harjoitukset", "Harjoittelemme yhdessä."),
    ],
    "Kylätoiminta": [
        ("activity", "Kylätalon kahvit", "Kyläläisten kahvit, kaikki tervetulleita."),
        ("event", "Kyläjuhla", "Ohjelmaa, arpajaiset ja kahvio."),
        ("volunteering", "Kylätalkoot", "Kylätalon ja rannan kunnostusta."),
        ("event", "Kyläilta", "Ajankohtaista kylältä."),
    ],
}

PLACES = [
    "Kirjaston kokoushuone",
    "Seurakuntatalo",
    "Nuorisotalo",
    "Palvelukeskus",
    "Kylätalo",
    "Liikuntahalli",
    "Koulun liikuntasali",
    "Järjestötalo",
    "Perhekeskus",
    "Työväentalo",
    "Kulttuuritalo",
    "Seurantalo",
]

# Dates a Finnish season leaves out: Independence Day, Epiphany, Easter 2027 and May Day.
HOLIDAYS = [date(2026, 12, 6), date(2027, 1, 6), date(2027, 3, 26), date(2027, 3, 29)]
HOLIDAYS.append(date(2027, 5, 1))
# Seasons: (first day, last day). Autumn, spring, the whole 2026–27 season, and (None) groups
# that simply go on, with their weights.
AUTUMN = (date(2026, 8, 24), date(2026, 12, 18))
SPRING = (date(2027, 1, 11), date(2027, 5, 31))
SEASON = (date(2026, 8, 24), date(2027, 5, 31))
SEASONS = [(SEASON, 5), (AUTUMN, 2), (SPRING, 2), (None, 1)]
# How common each rhythm is among recurring activities: weekly, every other week, the nth
# weekday of the month, twice a week.
RHYTHMS = [("weekly", 6), ("fortnightly", 2), ("monthly", 2), ("twice", 1)]
# The weekdays are not equally busy: weekday evenings most, Sundays least.
WEEKDAY_WEIGHTS = [5, 6, 6, 5, 2, 2, 1]
# A body meeting this many times a year meets every INTERVAL months on the nth weekday.
MEETING_RHYTHMS = {2: 6, 3: 4, 4: 3, 6: 2}
LANGUAGE_SHARES = [("fi", 0.9), ("sv", 0.07), ("en", 0.04), ("ru", 0.01), ("ar", 0.01)]
ACCESSIBILITY = ["step_free", "accessible_toilet", "induction_loop", "lift", "plain_language"]

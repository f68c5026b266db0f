"""Invariants of the reference data in seeds/reference/ (clubs, outlets, people).

These check the shipped data files, not the loader's behaviour: coverage of the leagues transfer
news is about, and the uniqueness rules that name resolution relies on.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bot.reference import ReferenceData, load_reference
from bot.text import fold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXPECTED_JSON = SHARED / "seeds" / "expected.json"
GOLD_DIR = SHARED / "corpus" / "gold"

# Full size of each big-five league. `league` in clubs.toml is the club's current league, so
# every league must hold exactly this many clubs.
BIG_FIVE_SIZES = {
    "Premier League": 20,
    "La Liga": 20,
    "Serie A": 20,
    "Bundesliga": 18,
    "Ligue 1": 18,
}

# Members of the big five in 2023-24 and 2024-25 (and 2025-26), whatever league they are in now.
BIG_FIVE_MEMBERS = {
    "Premier League": [
        "Arsenal",
        "Aston Villa",
        "Bournemouth",
        "Brentford",
        "Brighton & Hove Albion",
        "Burnley",
        "Chelsea",
        "Crystal Palace",
        "Everton",
        "Fulham",
        "Ipswich Town",
        "Leeds United",
        "Leicester City",
        "Liverpool",
        "Luton Town",
        "Manchester City",
        "Manchester United",
        "Newcastle United",
        "Nottingham Forest",
        "Sheffield United",
        "Southampton",
        "Sunderland",
        "Tottenham Hotspur",
        "West Ham United",
        "Wolverhampton Wanderers",
    ],
    "La Liga": [
        "Alaves",
        "Almeria",
        "Athletic Bilbao",
        "Atletico Madrid",
        "Barcelona",
        "Cadiz",
        "Celta Vigo",
        "Elche",
        "Espanyol",
        "Getafe",
        "Girona",
        "Granada",
        "Las Palmas",
        "Leganes",
        "Levante",
        "Mallorca",
        "Osasuna",
        "Rayo Vallecano",
        "Real Betis",
        "Real Madrid",
        "Real Oviedo",
        "Real Sociedad",
        "Real Valladolid",
        "Sevilla",
        "Valencia",
        "Villarreal",
    ],
    "Serie A": [
        "AC Milan",
        "Atalanta",
        "Bologna",
        "Cagliari",
        "Como",
        "Cremonese",
        "Empoli",
        "Fiorentina",
        "Frosinone",
        "Genoa",
        "Hellas Verona",
        "Inter Milan",
        "Juventus",
        "Lazio",
        "Lecce",
        "Monza",
        "Napoli",
        "Parma",
        "Pisa",
        "Roma",
        "Salernitana",
        "Sassuolo",
        "Torino",
        "Udinese",
        "Venezia",
    ],
    "Bundesliga": [
        "Augsburg",
        "Bayer Leverkusen",
        "Bayern Munich",
        "Bochum",
        "Borussia Dortmund",
        "Borussia Monchengladbach",
        "Cologne",
        "Darmstadt",
        "Eintracht Frankfurt",
        "Freiburg",
        "Hamburg",
        "Heidenheim",
        "Hoffenheim",
        "Holstein Kiel",
        "Mainz",
        "RB Leipzig",
        "St. Pauli",
        "Stuttgart",
        "Union Berlin",
        "Werder Bremen",
        "Wolfsburg",
    ],
    "Ligue 1": [
        "Angers",
        "Auxerre",
        "Brest",
        "Clermont Foot",
        "Le Havre",
        "Lens",
        "Lille",
        "Lorient",
        "Lyon",
        "Marseille",
        "Metz",
        "Monaco",
        "Montpellier",
        "Nantes",
        "Nice",
        "Paris FC",
        "Paris Saint-Germain",
        "Reims",
        "Rennes",
        "Saint-Etienne",
        "Strasbourg",
        "Toulouse",
    ],
}

# Clubs transfer news names so often that their absence would be a bug.
MUST_HAVE = [
    "Al Nassr",
    "Al Hilal",
    "Al Ittihad",
    "Al Ahli",
    "Al Qadsiah",
    "Al Ettifaq",
    "Al Shabab",
    "Inter Miami",
    "LA Galaxy",
    "Los Angeles FC",
    "Celtic",
    "Rangers",
    "Galatasaray",
    "Fenerbahce",
    "Besiktas",
    "Trabzonspor",
    "Benfica",
    "Porto",
    "Sporting CP",
    "Ajax",
    "PSV Eindhoven",
    "Feyenoord",
    "Red Bull Salzburg",
    "Shakhtar Donetsk",
    "Dinamo Zagreb",
    "Olympiacos",
    "PAOK",
    "Copenhagen",
    "Club Brugge",
    "Slavia Prague",
    "Sparta Prague",
    "Red Star Belgrade",
    "Young Boys",
    "Basel",
    "Flamengo",
    "Palmeiras",
    "Boca Juniors",
    "River Plate",
]

# Prose writes English nicknames with a lower-case "the" ("the Reds"); foreign ones keep their
# own article ("Los Blancos", "Die Werkself", "La Dea", "Les Parisiens", "Il Toro").
FOREIGN_ARTICLES = {
    "La",
    "Las",
    "Los",
    "El",
    "Les",
    "Le",
    "Die",
    "Der",
    "Das",
    "Il",
    "Lo",
    "Gli",
    "I",
    "Os",
    "As",
    "O",
    "A",
    "De",
    "Het",
}

ROLES = {"manager", "coach", "director", "president", "owner", "executive", "agent"}


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference()


def _duplicates(values: list[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


# ----------------------------------------------------------------------------------- clubs


def test_club_count(ref: ReferenceData) -> None:
    assert len(ref.clubs) >= 220


def test_every_club_has_country_and_league(ref: ReferenceData) -> None:
    missing = [club.name for club in ref.clubs if not club.country or not club.league]
    assert missing == []


@pytest.mark.parametrize("league", sorted(BIG_FIVE_SIZES))
def test_big_five_league_is_complete(ref: ReferenceData, league: str) -> None:
    members = sorted(club.name for club in ref.clubs if club.league == league)
    assert len(members) == BIG_FIVE_SIZES[league], members


@pytest.mark.parametrize("league", sorted(BIG_FIVE_MEMBERS))
def test_recent_big_five_members_are_present(ref: ReferenceData, league: str) -> None:
    missing = [name for name in BIG_FIVE_MEMBERS[league] if ref.club(name) is None]
    assert missing == []


def test_current_members_are_recent_members(ref: ReferenceData) -> None:
    """A club marked as in a big-five league must be in that league's list of recent members."""
    for league, names in BIG_FIVE_MEMBERS.items():
        folded = {fold(name) for name in names}
        strays = [c.name for c in ref.clubs if c.league == league and fold(c.name) not in folded]
        assert strays == [], league


def test_must_have_clubs_are_present(ref: ReferenceData) -> None:
    assert [name for name in MUST_HAVE if ref.club(name) is None] == []


def test_club_names_unique_after_folding(ref: ReferenceData) -> None:
    assert _duplicates([fold(club.name) for club in ref.clubs]) == []


def test_no_alias_shared_by_two_clubs(ref: ReferenceData) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for club in ref.clubs:
        for name in (club.name, *club.aliases):
            owners[fold(name)].add(club.name)
    shared = {alias: sorted(clubs) for alias, clubs in owners.items() if len(clubs) > 1}
    assert shared == {}


def test_aliases_are_not_empty_or_blank(ref: ReferenceData) -> None:
    for club in ref.clubs:
        for value in (*club.aliases, *club.nicknames, *club.places, *club.grounds):
            assert fold(value), (club.name, value)


def test_nicknames_carry_an_article(ref: ReferenceData) -> None:
    bad = []
    for club in ref.clubs:
        for nickname in club.nicknames:
            first = nickname.split()[0]
            if first != "the" and first not in FOREIGN_ARTICLES:
                bad.append((club.name, nickname))
    assert bad == []


def test_nicknames_are_not_aliases(ref: ReferenceData) -> None:
    """A nickname may be shared, an alias may not: the same string must not be both."""
    aliases = {fold(a) for club in ref.clubs for a in (club.name, *club.aliases)}
    clashes = [
        (club.name, nickname)
        for club in ref.clubs
        for nickname in club.nicknames
        if fold(nickname) in aliases
    ]
    assert clashes == []


def test_shared_nicknames_are_on_every_club_that_has_them(ref: ReferenceData) -> None:
    def nicknames(name: str) -> set[str]:
        club = ref.club(name)
        assert club is not None, name
        return set(club.nicknames)

    for name in ("Chelsea", "Everton", "Birmingham City"):
        assert "the Blues" in nicknames(name)
    for name in ("Liverpool", "Nottingham Forest", "Bristol City"):
        assert "the Reds" in nicknames(name)
    assert "the Nerazzurri" in nicknames("Inter Milan")
    assert "the San Siro" in ref.club("AC Milan").grounds  # type: ignore[union-attr]
    assert "the San Siro" in ref.club("Inter Milan").grounds  # type: ignore[union-attr]


def test_well_known_short_names_resolve(ref: ReferenceData) -> None:
    """Lookup by a club's alias is by fold(), as extraction does."""
    by_alias = {fold(a): club.name for club in ref.clubs for a in (club.name, *club.aliases)}
    expected = {
        "Man Utd": "Manchester United",
        "Spurs": "Tottenham Hotspur",
        "PSG": "Paris Saint-Germain",
        "Barça": "Barcelona",
        "Atleti": "Atletico Madrid",
        "Atlético Madrid": "Atletico Madrid",
        "Inter": "Inter Milan",
        "Juve": "Juventus",
        "Bayern": "Bayern Munich",
        "BVB": "Borussia Dortmund",
        "Leverkusen": "Bayer Leverkusen",
        "Wolves": "Wolverhampton Wanderers",
        "Brighton": "Brighton & Hove Albion",
        "Newcastle": "Newcastle United",
        "Al-Nassr": "Al Nassr",
        "Sporting Lisbon": "Sporting CP",
    }
    assert {alias: by_alias.get(fold(alias)) for alias in expected} == expected


def test_ambiguous_words_are_not_aliases(ref: ReferenceData) -> None:
    ambiguous = {"united", "city", "real", "madrid", "athletic", "rovers", "albion", "derby"}
    used = {fold(a) for club in ref.clubs for a in club.aliases} & ambiguous
    assert used == set()


def test_expected_seed_clubs_are_present(ref: ReferenceData) -> None:
    if not EXPECTED_JSON.exists():
        pytest.skip(f"{EXPECTED_JSON} not found")
    expected = json.loads(EXPECTED_JSON.read_text(encoding="utf-8"))
    names = set()
    for key, article in expected.items():
        if key.startswith("_"):
            continue
        for link in article.get("links", []):
            names.update(n for n in (link.get("to_club"), link.get("from_club")) if n)
        names.update(fee["to_club"] for fee in article.get("fees", []) if fee.get("to_club"))
    assert names
    assert sorted(name for name in names if ref.club(name) is None) == []


def test_corpus_gold_clubs_are_present(ref: ReferenceData) -> None:
    """The development corpus (when the shared folder is there) uses the same club names."""
    if not GOLD_DIR.is_dir():
        pytest.skip(f"{GOLD_DIR} not found")
    names = set()
    for path in GOLD_DIR.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for link in gold.get("links", []):
            names.update(n for n in (link.get("to_club"), link.get("from_club")) if n)
        names.update(fee["to_club"] for fee in gold.get("fees", []) if fee.get("to_club"))
    assert sorted(name for name in names if ref.club(name) is None) == []


# ----------------------------------------------------------------------------------- outlets


def test_outlet_count(ref: ReferenceData) -> None:
    assert len(ref.outlets) >= 80
    assert sum(outlet.kind == "journalist" for outlet in ref.outlets) >= 20


def test_outlet_kinds_and_tiers(ref: ReferenceData) -> None:
    for outlet in ref.outlets:
        assert outlet.kind in {"outlet", "journalist"}, outlet.name
        assert 1 <= outlet.tier <= 4, outlet.name


def test_outlet_names_and_aliases_unique(ref: ReferenceData) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for outlet in ref.outlets:
        for name in (outlet.name, *outlet.aliases):
            owners[fold(name)].add(outlet.name)
    assert {name: sorted(o) for name, o in owners.items() if len(o) > 1} == {}
    assert _duplicates([fold(outlet.name) for outlet in ref.outlets]) == []


def test_outlet_domains_unique_and_bare(ref: ReferenceData) -> None:
    domains = [d for outlet in ref.outlets for d in outlet.domains]
    assert _duplicates([d.lower() for d in domains]) == []
    for domain in domains:
        assert "://" not in domain and not domain.startswith("www."), domain
        assert domain == domain.strip().lower(), domain


def test_tier_header_comment_is_present() -> None:
    header = (ROOT / "seeds" / "reference" / "outlets.toml").read_text(encoding="utf-8")[:2000]
    for tier in ("1 =", "2 =", "3 =", "4 ="):
        assert tier in header


def test_outlets_of_the_seed_articles_are_known(ref: ReferenceData) -> None:
    if not EXPECTED_JSON.exists():
        pytest.skip(f"{EXPECTED_JSON} not found")
    expected = json.loads(EXPECTED_JSON.read_text(encoding="utf-8"))
    names = {o for key, a in expected.items() if not key.startswith("_") for o in a["outlets"]}
    assert sorted(name for name in names if ref.outlet(name) is None) == []


def test_tiers_of_reference_sources(ref: ReferenceData) -> None:
    tiers = {
        "Fabrizio Romano": 1,
        "David Ornstein": 1,
        "The Athletic": 1,
        "BBC Sport": 1,
        "Florian Plettenberg": 1,
        "Gianluca Di Marzio": 1,
        "The Guardian": 2,
        "Kicker": 2,
        "L'Equipe": 2,
        "Marca": 2,
        "The Sun": 3,
        "Football Insider": 3,
        "Calciomercato": 3,
        "TBR Football": 4,
        "CaughtOffside": 4,
        "90min": 4,
    }
    actual = {name: getattr(ref.outlet(name), "tier", None) for name in tiers}
    assert actual == tiers


def test_outlet_aliases_resolve(ref: ReferenceData) -> None:
    assert ref.outlet("Sky Sports News") is ref.outlet("Sky Sports")
    assert ref.outlet("Mail Sport") is ref.outlet("Daily Mail")
    assert ref.outlet("L'Équipe") is ref.outlet("L'Equipe")
    assert ref.outlet("Gianluca di Marzio") is ref.outlet("Gianluca Di Marzio")


# ----------------------------------------------------------------------------------- people


def test_people_count(ref: ReferenceData) -> None:
    assert len(ref.people) >= 150


def test_people_roles(ref: ReferenceData) -> None:
    assert [p.name for p in ref.people if p.role not in ROLES] == []


def test_people_names_unique(ref: ReferenceData) -> None:
    assert _duplicates([fold(person.name) for person in ref.people]) == []


def test_people_aliases_unique(ref: ReferenceData) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in ref.people:
        for name in (person.name, *person.aliases):
            owners[fold(name)].add(person.name)
    assert {name: sorted(p) for name, p in owners.items() if len(p) > 1} == {}


def test_no_person_is_named_like_a_club(ref: ReferenceData) -> None:
    club_names = {fold(a) for club in ref.clubs for a in (club.name, *club.aliases)}
    clashes = [
        name
        for person in ref.people
        for name in (person.name, *person.aliases)
        if fold(name) in club_names
    ]
    assert clashes == []


def test_no_person_is_named_like_an_outlet(ref: ReferenceData) -> None:
    outlet_names = set(ref.outlets_by_name)
    clashes = [
        name
        for person in ref.people
        for name in (person.name, *person.aliases)
        if fold(name) in outlet_names
    ]
    assert clashes == []


def test_people_clubs_are_known_clubs(ref: ReferenceData) -> None:
    unknown = [(p.name, p.club) for p in ref.people if p.club and ref.club(p.club) is None]
    assert unknown == []


def test_seed_non_players_are_known(ref: ReferenceData) -> None:
    """not_players of the seed articles who are not journalists are in people.toml."""
    if not EXPECTED_JSON.exists():
        pytest.skip(f"{EXPECTED_JSON} not found")
    expected = json.loads(EXPECTED_JSON.read_text(encoding="utf-8"))
    people = {fold(n) for p in ref.people for n in (p.name, *p.aliases)}
    missing = [
        name
        for key, article in expected.items()
        if not key.startswith("_")
        for name in article.get("not_players", [])
        if ref.outlet(name) is None and fold(name) not in people
    ]
    assert missing == []

"""Incremental updates, ordering, Discord limits and normalisation of the name index."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import REFERENCE_DATE, build_player_index
from names_fixture_data import PLAYER_BY_NAME, PLAYERS

from bot.names import (
    PLAYER_PARTICLES,
    Ambiguous,
    NameIndex,
    NameRecord,
    NotFound,
    Resolved,
    compound_tokens,
    name_variants,
    tokens,
)

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _id(name: str) -> int:
    return PLAYER_BY_NAME[name].entity_id


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T. Koopmeiners", ["t", "koopmeiners"]),
        ("Koopmeiners'", ["koopmeiners"]),
        ("Salah's", ["salah"]),
        ("Ødegaard", ["odegaard"]),
        ("Großkreutz", ["grosskreutz"]),
        ("Łukasz Fabiański", ["lukasz", "fabianski"]),
        ("Kenan Yıldız", ["kenan", "yildiz"]),
        ("Simon Kjær", ["simon", "kjaer"]),
        ("Alexander-Arnold", ["alexander", "arnold"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_variants_cover_compounds_and_umlaut_digraphs() -> None:
    assert name_variants("Virgil van Dijk", PLAYER_PARTICLES) == [
        ["virgil", "van", "dijk"],
        ["virgil", "vandijk"],
    ]
    assert compound_tokens("Marc-André ter Stegen", PLAYER_PARTICLES) == ["marcandre", "terstegen"]
    assert compound_tokens("Harry Kane", PLAYER_PARTICLES) is None
    assert ["thomas", "mueller"] in name_variants("Thomas Müller", PLAYER_PARTICLES)
    assert ["rasmus", "hoejlund"] in name_variants("Rasmus Højlund", PLAYER_PARTICLES)


# ---------------------------------------------------------------- incremental updates


def test_added_player_is_found_without_rebuild() -> None:
    index = build_player_index()
    assert isinstance(index.resolve("Zubeldia"), NotFound)
    index.add(5000, "Igor Zubeldía", label_suffix="Real Sociedad", mentions=1)
    result = index.resolve("zubeldia")
    assert isinstance(result, Resolved)
    assert result.candidate.entity_id == 5000
    assert index.autocomplete("zube") == [("Igor Zubeldía — Real Sociedad", "5000")]
    assert len(index) == len(PLAYERS) + 1


def test_admin_alias_resolves_and_is_reported_as_matched() -> None:
    index = build_player_index()
    assert isinstance(index.resolve("el bicho"), NotFound)
    index.add_alias(_id("Cristiano Ronaldo"), "El Bicho")
    result = index.resolve("el bicho")
    assert isinstance(result, Resolved)
    assert result.candidate.name == "Cristiano Ronaldo"
    assert result.candidate.matched == "El Bicho"
    # the old names keep working after the block was rewritten
    assert isinstance(index.resolve("cristiano ronaldo"), Resolved)
    assert isinstance(index.resolve("cr7"), Resolved)


def test_alias_can_make_a_shared_word_decisive() -> None:
    index = build_player_index()
    assert isinstance(index.resolve("gabriel"), Ambiguous)
    index.add_alias(_id("Gabriel Magalhães"), "Gabriel")
    result = index.resolve("gabriel")
    assert isinstance(result, Resolved)
    assert result.candidate.name == "Gabriel Magalhães"


def test_removed_player_disappears_and_ambiguity_collapses() -> None:
    index = build_player_index()
    assert isinstance(index.resolve("de jong"), Ambiguous)
    index.remove(_id("Luuk de Jong"))
    result = index.resolve("de jong")
    assert isinstance(result, Resolved)
    assert result.candidate.name == "Frenkie de Jong"
    assert _id("Luuk de Jong") not in index
    assert all(value != str(_id("Luuk de Jong")) for _, value in index.autocomplete("de"))
    index.remove(_id("Luuk de Jong"))  # removing twice is harmless


def test_re_adding_an_id_replaces_the_name() -> None:
    index = build_player_index()
    koop = _id("Teun Koopmeiners")
    index.add(koop, "Teun Koopmeiners", label_suffix="Juventus", mentions=40)
    assert index.autocomplete("koopmeiners") == [("Teun Koopmeiners — Juventus", str(koop))]
    assert len(index) == len(PLAYERS)


def test_update_stats_reorders_equal_matches() -> None:
    index = build_player_index()
    first = [c.name for c in index.search("silva")]
    assert first[0] == "Bernardo Silva"  # most discussed Silva in the fixture
    index.update_stats(_id("Fábio Silva"), mentions=500, last_seen=NOW)
    assert index.search("silva")[0].name == "Fábio Silva"
    # popularity orders, it never decides: still ambiguous
    assert isinstance(index.resolve("silva"), Ambiguous)


def test_update_stats_changes_label() -> None:
    index = build_player_index()
    index.update_stats(_id("Teun Koopmeiners"), label_suffix="Juventus")
    assert index.label(_id("Teun Koopmeiners")) == "Teun Koopmeiners — Juventus"


def test_short_prefix_bucket_follows_popularity_changes_and_removals() -> None:
    index = NameIndex()
    for number in range(300):
        index.add(number, f"Samuel Player{number:03d}", mentions=number)
    top = [value for _, value in index.autocomplete("s")]
    assert top[:3] == ["299", "298", "297"]
    index.update_stats(5, mentions=10_000)
    assert index.autocomplete("s")[0][1] == "5"
    index.update_stats(5, mentions=0)  # drops out again
    assert index.autocomplete("s")[0][1] == "299"
    for number in range(200, 300):
        index.remove(number)
    # the bucket refills from the postings after the removals
    assert [value for _, value in index.autocomplete("sa")][:2] == ["199", "198"]
    assert len(index.autocomplete("")) == 25


def test_equal_quality_ties_prefer_recent_over_stale() -> None:
    index = NameIndex()
    index.add(1, "Ali Yilmaz", last_seen=NOW - timedelta(days=400), mentions=3)
    index.add(2, "Emre Yilmaz", last_seen=NOW - timedelta(days=2), mentions=3)
    assert [c.entity_id for c in index.search("yilmaz")] == [2, 1]


def test_better_match_beats_popularity() -> None:
    index = NameIndex()
    index.add(1, "Kanestad Obscure", mentions=0)
    index.add(2, "Harry Kane", mentions=10_000, last_seen=NOW)
    index.add(3, "Ngolo Kante", mentions=10_000, last_seen=NOW)
    assert index.search("kanes")[0].entity_id == 1  # prefix beats a famous typo
    assert index.search("kane")[0].entity_id == 2


def test_nearly_equal_matches_are_ambiguous_clear_gaps_are_not() -> None:
    index = NameIndex()
    index.add(1, "Jens Petersen", mentions=50, last_seen=NOW)
    index.add(2, "Ola Petersson")
    index.add(3, "Karl Petrov")
    # "peters" is a prefix of both surnames, nearly as good for each: never guess
    result = index.resolve("peters")
    assert isinstance(result, Ambiguous)
    assert [c.entity_id for c in result.candidates] == [1, 2]
    # one typo away from a single surname, the others far behind: resolved
    typo = index.resolve("petrof")
    assert isinstance(typo, Resolved)
    assert typo.candidate.entity_id == 3
    # the whole surname of one of them is clear even though it prefixes nothing else
    assert isinstance(index.resolve("petersen"), Resolved)


def test_from_records_equals_incremental_adds() -> None:
    records = [
        NameRecord(
            p.entity_id,
            p.name,
            p.aliases,
            p.club,
            None if p.days_ago is None else REFERENCE_DATE - timedelta(p.days_ago),
            p.mentions,
        )
        for p in PLAYERS
    ]
    rebuilt = NameIndex.from_records(records, kind="player")
    incremental = build_player_index()
    for query in ["silva", "koop", "van dijk", "gallager", "s", "", "bruno f", "xyz"]:
        assert rebuilt.search(query) == incremental.search(query), query


def test_large_and_sparse_ids() -> None:
    index = NameIndex()
    index.add(10**12, "Big Identifier")
    index.add(3, "Small Identifier")
    assert 10**12 in index and 3 in index and 4 not in index
    assert index.autocomplete("big") == [("Big Identifier", str(10**12))]
    with pytest.raises(ValueError, match="non-negative"):
        index.add(-1, "Negative")
    with pytest.raises(KeyError):
        index.update_stats(77, mentions=1)


# ---------------------------------------------------------------- Discord limits


def test_autocomplete_respects_discord_limits() -> None:
    index = NameIndex()
    long_club = "Sociedade Esportiva Palmeiras de São Paulo Futebol Clube Associação " * 2
    for number in range(80):
        index.add(
            number,
            f"Jonathan Alexander da Silva Santos Júnior Number{number}",
            label_suffix=long_club,
            mentions=number,
        )
    for query in ["", "s", "silva", "jonathan da silva", "number1", "j"]:
        choices = index.autocomplete(query)
        assert 0 < len(choices) <= 25, query
        for label, value in choices:
            assert len(label) <= 100
            assert label.endswith("…")
            assert int(value) in index
    assert len(index.autocomplete("silva")) == 25
    assert index.autocomplete("silva")[0][1] == "79"  # most mentioned first


def test_autocomplete_label_has_current_club_and_stable_value(
    players: NameIndex,
) -> None:
    label, value = players.autocomplete("koopmeiners")[0]
    assert label == "Teun Koopmeiners — Atalanta"
    assert value == str(_id("Teun Koopmeiners"))


@pytest.mark.parametrize("typed", ["koo", "koop", "koopm", "koopmei", "koopmeine", "koopmeiners"])
def test_each_keystroke_keeps_the_player(players: NameIndex, typed: str) -> None:
    values = [value for _, value in players.autocomplete(typed)]
    assert str(_id("Teun Koopmeiners")) in values[:3]


def test_messages_are_user_facing(players: NameIndex) -> None:
    assert players.resolve("koopmeiners").message == "Teun Koopmeiners — Atalanta"
    ambiguous = players.resolve("silva").message
    assert ambiguous.startswith('"silva" matches several players')
    assert "Bernardo Silva — Manchester City" in ambiguous
    missing = players.resolve("kvaradona").message
    assert missing.startswith('No player matching "kvaradona".')
    assert "Khvicha Kvaratskhelia" in missing
    assert isinstance(players.resolve("   "), NotFound)  # empty query: no crash, no guess

"""The three seed articles: every link, fee and non-player of ../shared/seeds/expected.json.

The facts below are copied from expected.json (a table of our own, so the test does not depend
on the shared folder); the article texts are the project's own copies in seeds/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.articles import read_article
from bot.extraction import Extractor
from bot.text import fold

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EXPECTED: dict[str, dict[str, object]] = {
    "000_a55dc350cbbc6842.txt": {
        "published": "2024-05-10",
        "links": [
            ("Teun Koopmeiners", "Liverpool", "Atalanta"),
            ("Teun Koopmeiners", "Juventus", "Atalanta"),
        ],
        "fees": [],
        "not_players": ["Arne Slot", "Jurgen Klopp"],
        "outlets": ["Football Insider"],
    },
    "001_bed96dadc535d9eb.txt": {
        "published": None,
        "links": [
            ("Teun Koopmeiners", "Liverpool", "Atalanta"),
            ("Teun Koopmeiners", "Chelsea", "Atalanta"),
            ("Teun Koopmeiners", "Newcastle United", "Atalanta"),
            ("Conor Gallagher", "Liverpool", "Chelsea"),
        ],
        "fees": [("Teun Koopmeiners", 51_000_000, "GBP")],
        "not_players": ["Mauricio Pochettino", "Jurgen Klopp", "Arne Slot"],
        "outlets": ["Calciomercato", "TBR Football", "Evening Standard"],
    },
    "002_67b09ea07b725da8.txt": {
        "published": "2024-06-18",
        "links": [
            ("Waldemar Anton", "Bayer Leverkusen", "Stuttgart"),
            ("Waldemar Anton", "Liverpool", "Stuttgart"),
            ("Waldemar Anton", "Borussia Dortmund", "Stuttgart"),
            ("Virgil van Dijk", "Al Nassr", "Liverpool"),
            ("Leny Yoro", "Liverpool", "Lille"),
            ("Leny Yoro", "Real Madrid", "Lille"),
            ("Levi Colwill", "Liverpool", "Chelsea"),
        ],
        "fees": [("Waldemar Anton", 22_500_000, "EUR")],
        "not_players": [
            "Xabi Alonso",
            "Arne Slot",
            "Jurgen Klopp",
            "Enzo Maresca",
            "Florian Plettenberg",
        ],
        "outlets": ["TEAMtalk", "Florian Plettenberg"],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed(extractor: Extractor, name: str) -> None:
    facts = EXPECTED[name]
    article = read_article(SEEDS / name)
    result = extractor.extract(article.text, published=article.published, source=article.source)
    got = {(fold(lk.player), lk.to_club): lk.from_club for lk in result.links}
    want = {(fold(p), club): from_club for p, club, from_club in facts["links"]}  # type: ignore[attr-defined]
    assert set(got) == set(want), sorted(got)  # every link, and none to a wrong club
    for key, from_club in want.items():
        assert got[key] == from_club, key
    fees = {(fold(f.player), f.amount, f.currency) for f in result.fees}
    assert fees == {(fold(p), a, c) for p, a, c in facts["fees"]}  # type: ignore[attr-defined]
    players = {fold(p.name) for p in result.players}
    people = {fold(p.name) for p in result.people}
    for person in facts["not_players"]:  # type: ignore[attr-defined]
        assert fold(person) not in players
        assert fold(person) not in {fold(lk.player) for lk in result.links}
        assert fold(person) in people or fold(person) in {fold(o) for o in result.outlets}
    assert set(result.outlets) >= set(facts["outlets"])  # type: ignore[arg-type]
    published = result.published.isoformat() if result.published else None
    assert published == facts["published"]


def test_seed_raw_text_header_is_read(extractor: Extractor) -> None:
    """Given the raw file (date prefix still on), the engine reads the date itself."""
    raw = (SEEDS / "000_a55dc350cbbc6842.txt").read_text(encoding="utf-8")
    result = extractor.extract(raw)
    assert result.published is not None and result.published.isoformat() == "2024-05-10"
    assert {lk.to_club for lk in result.links} == {"Liverpool", "Juventus"}


def test_seed_json_contract(extractor: Extractor) -> None:
    article = read_article(SEEDS / "002_67b09ea07b725da8.txt")
    data = extractor.extract(article.text, published=article.published).to_json()
    assert set(data) >= {"published", "links", "fees", "people", "outlets"}
    link = data["links"][0]
    assert set(link) >= {"player", "to_club", "from_club", "status", "confidence", "evidence"}
    fee = data["fees"][0]
    assert fee["amount"] == 22_500_000 and fee["currency"] == "EUR"
    assert fee["kind"] == "release_clause" and fee["amount_eur"] == 22_500_000
    assert data["eur_rates"]["eur_per_unit"]["GBP"] > 1

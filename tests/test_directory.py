"""The name directory over the database: built at start-up, then refreshed incrementally."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine

from bot.articles import parse_article_text
from bot.directory import Directory
from bot.domain import Extraction, LinkFact, PlayerFact, Status
from bot.ingest import ingest_article
from db.models import PlayerAlias
from db.session import session_scope


def _store(engine: Engine, player: str, club: str, current: str, body: str) -> None:
    extraction = Extraction(
        published=date(2024, 6, 1),
        links=[LinkFact(player, club, current, Status.INTEREST, 0.8, "x")],
        players=[PlayerFact(player, current)])
    ingest_article(engine, parse_article_text(body), lambda _: extraction, "test")


def test_players_and_clubs_resolve_from_the_database(engine: Engine) -> None:
    _store(engine, "Martin Ødegaard", "Real Madrid", "Arsenal", "one")
    directory = Directory.load(engine)
    found = directory.resolve_player("odegaard")
    assert found.entity_id is not None
    assert directory.players.label(found.entity_id) == "Martin Ødegaard — Arsenal"
    spurs = directory.resolve_club("spurs")
    assert spurs.message == "Tottenham Hotspur"
    assert directory.resolve_club("man utd").message == "Manchester United"
    assert directory.resolve_player("").entity_id is None


def test_refresh_adds_only_what_is_new(engine: Engine) -> None:
    _store(engine, "Teun Koopmeiners", "Juventus", "Atalanta", "one")
    directory = Directory.load(engine)
    assert directory.resolve_player("Gallagher").entity_id is None
    _store(engine, "Conor Gallagher", "Liverpool", "Chelsea", "two")
    assert directory.refresh(engine) > 0
    gallagher = directory.resolve_player("gallager")
    assert gallagher.entity_id is not None
    with session_scope(engine) as session:
        session.add(PlayerAlias(player_id=gallagher.entity_id, alias="Gallaghinho",
                                normalized="gallaghinho"))
    directory.refresh(engine)
    assert directory.resolve_player("gallaghinho").entity_id == gallagher.entity_id
    assert directory.refresh(engine) == 0  # nothing new: nothing re-read


def test_ambiguous_surname_lists_candidates(engine: Engine) -> None:
    _store(engine, "Bernardo Silva", "Barcelona", "Manchester City", "one")
    _store(engine, "Thiago Silva", "Fluminense", "Chelsea", "two")
    found = Directory.load(engine).resolve_player("Silva")
    assert found.entity_id is None
    assert {label.split(" — ")[0] for _, label in found.candidates} == {"Bernardo Silva",
                                                                        "Thiago Silva"}

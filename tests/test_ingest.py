"""Ingestion stores facts once and records each change once, on both databases.

The extraction here is written by hand, so these tests check storage and change detection
independently of the extraction engine (tested on labelled articles in tests/extraction)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.articles import parse_article_text
from bot.domain import Extraction, FeeFact, FeeKind, LinkFact, PersonFact, PlayerFact, Status
from bot.ingest import ingest_article
from db import queries
from db.models import Article, ChangeEvent, Evidence, FeeReport, Person, Player, Rumour


def _extraction(status: Status = Status.INTEREST, fee: int | None = None) -> Extraction:
    links = [LinkFact("Teun Koopmeiners", "Chelsea", "Atalanta", status, 0.9,
                      "Chelsea want Atalanta's Teun Koopmeiners.", ("Evening Standard",))]
    fees = [FeeFact("Teun Koopmeiners", "Chelsea", fee, "GBP", FeeKind.BID)] if fee else []
    return Extraction(published=date(2024, 5, 10), links=links, fees=fees,
                      people=[PersonFact("Arne Slot", "manager")],
                      players=[PlayerFact("Teun Koopmeiners", "Atalanta")])


def _ingest(engine: Engine, body: str, extraction: Extraction):  # type: ignore[no-untyped-def]
    parsed = parse_article_text(f"Source: Evening Standard\nDate: 2024-05-10\n\n{body}")
    return ingest_article(engine, parsed, lambda _: extraction, "test")


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return queries.count_rows(session, model)


def test_first_article_creates_link_fee_and_events(engine: Engine) -> None:
    outcome = _ingest(engine, "article one", _extraction(Status.BID, 51_000_000))
    kinds = sorted(change.kind for change in outcome.changes)
    assert kinds == ["new_fee", "new_link"]
    with Session(engine) as session:
        rumour = session.exec(select(Rumour)).one()
        assert rumour.status == "bid"
        player = session.get(Player, rumour.player_id)
        assert player is not None and player.name == "Teun Koopmeiners"
        fee = session.exec(select(FeeReport)).one()
        assert (fee.amount, fee.currency, fee.rumour_id) == (51_000_000, "GBP", rumour.id)
        assert fee.amount_eur > fee.amount  # pounds are worth more than euros
        evidence = session.exec(select(Evidence)).one()
        assert evidence.outlet_id is not None  # credited outlet is linked
        assert session.exec(select(Person).where(Person.name == "Arne Slot")).first()


def test_same_article_twice_changes_nothing(engine: Engine) -> None:
    _ingest(engine, "article one", _extraction(Status.BID, 51_000_000))
    again = _ingest(engine, "article one", _extraction(Status.BID, 51_000_000))
    assert again.duplicate and again.changes == []
    assert _count(engine, Article) == 1
    assert _count(engine, ChangeEvent) == 2


def test_syndicated_copy_adds_evidence_but_no_change(engine: Engine) -> None:
    _ingest(engine, "article one", _extraction(Status.BID, 51_000_000))
    copy = _ingest(engine, "article one, syndicated", _extraction(Status.BID, 51_000_000))
    assert not copy.duplicate and copy.changes == []
    assert _count(engine, Evidence) == 2
    assert _count(engine, ChangeEvent) == 2


def test_status_upgrade_is_one_change_and_never_downgrades(engine: Engine) -> None:
    _ingest(engine, "talks", _extraction(Status.TALKS))
    bid = _ingest(engine, "bid", _extraction(Status.BID_REJECTED))
    assert [(c.kind, c.detail) for c in bid.changes] == [("status_change", "talks → bid_rejected")]
    older = _ingest(engine, "older interest", _extraction(Status.INTEREST))
    assert older.changes == []
    with Session(engine) as session:
        assert session.exec(select(Rumour)).one().status == "bid_rejected"


def test_new_fee_figure_is_a_change_and_repeat_is_not(engine: Engine) -> None:
    _ingest(engine, "a", _extraction(Status.BID, 40_000_000))
    second = _ingest(engine, "b", _extraction(Status.BID, 51_000_000))
    assert [c.kind for c in second.changes] == ["new_fee"]
    third = _ingest(engine, "c", _extraction(Status.BID, 51_000_000))
    assert third.changes == []


def test_known_manager_is_never_stored_as_player(engine: Engine) -> None:
    extraction = Extraction(
        links=[LinkFact("Arne Slot", "Chelsea", None, Status.INTEREST, 0.5, "x")],
        people=[PersonFact("Arne Slot", "manager")])
    outcome = _ingest(engine, "slot", extraction)
    assert outcome.links == 0
    with Session(engine) as session:
        assert session.exec(select(Player).where(Player.name == "Arne Slot")).first() is None


def test_link_to_own_club_is_dropped(engine: Engine) -> None:
    extraction = Extraction(
        links=[LinkFact("Teun Koopmeiners", "Atalanta", "Atalanta", Status.INTEREST, 0.5, "x")],
        players=[PlayerFact("Teun Koopmeiners", "Atalanta")])
    assert _ingest(engine, "own club", extraction).links == 0


def test_failure_mid_article_leaves_nothing(engine: Engine) -> None:
    bad = Extraction(links=[LinkFact("Teun Koopmeiners", "Chelsea", None, "not-a-status",  # type: ignore[arg-type]
                                     0.5, "x")])
    with pytest.raises(ValueError):
        _ingest(engine, "broken", bad)
    assert _count(engine, Article) == 0
    assert _count(engine, Player) == 0


def _named(player: str, club: str, current: str | None, body: str) -> Extraction:
    return Extraction(links=[LinkFact(player, club, current, Status.INTEREST, 0.8, body)],
                      players=[PlayerFact(player, current)])


def test_variant_spellings_join_the_stored_player(engine: Engine) -> None:
    _ingest(engine, "a", _named("Teun Koopmeiners", "Chelsea", "Atalanta", "a"))
    _ingest(engine, "b", _named("Koopmeiner", "Juventus", "Atalanta", "b"))
    _ingest(engine, "c", _named("T. Koopmeiners", "Liverpool", None, "c"))
    _ingest(engine, "d", _named("Jack Greenwood", "Chelsea", None, "d"))
    _ingest(engine, "e", _named("Jack Grealish", "Chelsea", None, "e"))
    with Session(engine) as session:
        names = sorted(p.name for p in session.exec(select(Player)))
        assert names == ["Jack Grealish", "Jack Greenwood", "Teun Koopmeiners"]
        koop = session.exec(select(Player).where(Player.name == "Teun Koopmeiners")).one()
        assert len(queries.rumours_of_player(session, koop.id or 0)) == 3


def test_fuller_name_later_renames_the_player(engine: Engine) -> None:
    from bot.directory import Directory

    _ingest(engine, "a", _named("Koopmeiners", "Chelsea", "Atalanta", "a"))
    directory = Directory.load(engine)
    _ingest(engine, "b", _named("Teun Koopmeiners", "Juventus", "Atalanta", "b"))
    with Session(engine) as session:
        assert [p.name for p in session.exec(select(Player))] == ["Teun Koopmeiners"]
    directory.refresh(engine)
    found = directory.resolve_player("teun koopmeiners")
    assert found.entity_id is not None and found.message == "Teun Koopmeiners"


def test_a_variant_never_joins_a_player_at_another_club(engine: Engine) -> None:
    _ingest(engine, "a", _named("Teun Koopmeiners", "Chelsea", "Atalanta", "a"))
    _ingest(engine, "b", _named("Koopmeiner", "Juventus", "Ajax", "b"))
    with Session(engine) as session:
        assert len(session.exec(select(Player)).all()) == 2


def test_near_names_in_one_article_stay_two_players(engine: Engine) -> None:
    extraction = Extraction(links=[
        LinkFact("Capped Playeraa", "Fulham", None, Status.INTEREST, 0.8, "x"),
        LinkFact("Capped Playerab", "Fulham", None, Status.INTEREST, 0.8, "y")])
    assert _ingest(engine, "pair", extraction).links == 2
    with Session(engine) as session:
        assert len(session.exec(select(Player)).all()) == 2


def test_one_link_stated_twice_in_an_article_is_one_evidence(engine: Engine) -> None:
    extraction = Extraction(links=[
        LinkFact("Teun Koopmeiners", "Chelsea", None, Status.INTEREST, 0.8, "x"),
        LinkFact("Koopmeiners", "Chelsea", None, Status.BID, 0.8, "y")],
        players=[PlayerFact("Teun Koopmeiners", None)])
    _ingest(engine, "twice", extraction)
    with Session(engine) as session:
        [evidence] = session.exec(select(Evidence)).all()
        assert evidence.status == "bid"

"""What /rumours shows: trust at a glance (independent sources, best tier, conflicts, cold)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.articles import parse_article_text
from bot.domain import Extraction, FeeFact, FeeKind, LinkFact, PlayerFact, Status
from bot.ingest import ingest_article
from bot.reports import build_player_report, render_text
from db.models import Player

NOW = datetime(2024, 6, 20, 12, 0, tzinfo=UTC)


def _article(engine: Engine, body: str, club: str, status: Status, *, source: str,
             fee: tuple[int, str] | None = None, published: date = date(2024, 6, 18)) -> None:
    extraction = Extraction(
        links=[LinkFact("Teun Koopmeiners", club, "Atalanta", status, 0.9, body, (source,))],
        fees=[FeeFact("Teun Koopmeiners", club, fee[0], fee[1], FeeKind.BID)] if fee else [],
        players=[PlayerFact("Teun Koopmeiners", "Atalanta")])
    parsed = parse_article_text(f"Date: {published.isoformat()}\n\n{body}")
    ingest_article(engine, parsed, lambda _: extraction, "test")


def _report(engine: Engine):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        player = session.exec(select(Player)).one()
        return build_player_report(session, player, NOW, timedelta(days=30))


def test_syndicated_copies_count_once_and_best_tier_wins(engine: Engine) -> None:
    _article(engine, "story", "Chelsea", Status.BID, source="TBR Football")
    _article(engine, "story, copied", "Chelsea", Status.BID, source="TBR Football")
    _article(engine, "own story", "Chelsea", Status.TALKS, source="Fabrizio Romano")
    [link] = _report(engine).links
    assert link.independent_sources == 2
    assert link.best_tier == 1
    assert len(link.sources) == 3


def test_fees_far_apart_are_flagged(engine: Engine) -> None:
    _article(engine, "a", "Chelsea", Status.BID, source="BBC Sport", fee=(40_000_000, "GBP"))
    _article(engine, "b", "Chelsea", Status.BID, source="Sky Sports", fee=(42_000_000, "GBP"))
    assert _report(engine).links[0].conflicts == []  # within 25%: sources agree
    _article(engine, "c", "Chelsea", Status.BID, source="The Sun", fee=(60_000_000, "EUR"))
    [conflict] = _report(engine).links[0].conflicts
    assert "£40m" in conflict and "€60m" in conflict


def test_two_clubs_agreed_is_a_conflict(engine: Engine) -> None:
    _article(engine, "a", "Chelsea", Status.AGREED, source="BBC Sport")
    assert _report(engine).conflicts == []
    _article(engine, "b", "Juventus", Status.AGREED, source="Gazzetta dello Sport")
    [conflict] = _report(engine).conflicts
    assert "Chelsea" in conflict and "Juventus" in conflict


def test_cold_links_are_listed_after_live_ones(engine: Engine) -> None:
    _article(engine, "old", "Juventus", Status.INTEREST, source="BBC Sport",
             published=date(2024, 3, 1))
    _article(engine, "new", "Chelsea", Status.TALKS, source="BBC Sport")
    report = _report(engine)
    assert [(link.club, link.cold) for link in report.links] == [("Chelsea", False),
                                                                ("Juventus", True)]
    assert "→ Juventus: interest [cold]" in render_text(report)


def test_summary_says_status_and_fee_the_way_fans_do(engine: Engine) -> None:
    _article(engine, "a", "Chelsea", Status.BID, source="BBC Sport", fee=(51_000_000, "GBP"))
    assert _report(engine).links[0].summary == "£51m bid"
    _article(engine, "b", "Chelsea", Status.BID_REJECTED, source="BBC Sport")
    assert _report(engine).links[0].summary == "£51m bid, rejected"
    _article(engine, "c", "Chelsea", Status.AGREED, source="BBC Sport")
    assert _report(engine).links[0].summary == "£51m bid · agreed"

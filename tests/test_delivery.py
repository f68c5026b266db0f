"""Digest deliveries and subscriber alerts: each goes out once, to the right people."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.articles import parse_article_text
from bot.changes import change_row
from bot.delivery import (
    claim_digest,
    collect_alerts,
    due_period,
    finish_digest,
    mark_dms_closed,
    part_nonce,
    pause_digest,
    record_part,
)
from bot.domain import Extraction, FeeFact, FeeKind, LinkFact, PlayerFact, Status
from bot.guilds import hide_link
from bot.ingest import ingest_article
from bot.subscriptions import subscribe
from db import queries
from db.models import AlertDelivery, Club, DigestDelivery, GuildSettings, Player
from db.session import session_scope

GUILD = 111_222_333_444_555_666


def _article(engine: Engine, body: str, player: str, club: str, status: Status,
             fee: int | None = None, source: str = "Evening Standard") -> None:
    extraction = Extraction(
        links=[LinkFact(player, club, "Atalanta", status, 0.9, f"{club} want {player}.",
                        (source,))],
        fees=[FeeFact(player, club, fee, "GBP", FeeKind.BID)] if fee else [],
        players=[PlayerFact(player, "Atalanta")])
    parsed = parse_article_text(f"Date: {date.today().isoformat()}\n\n{body}")
    ingest_article(engine, parsed, lambda _: extraction, "test")


def _setup_guild(engine: Engine, configured_at: datetime, **overrides: object) -> None:
    with session_scope(engine) as session:
        settings = GuildSettings(guild_id=GUILD, digest_channel_id=42, digest_enabled=True,
                                 digest_time="09:00", timezone="Europe/London",
                                 updated_at=configured_at)
        for key, value in overrides.items():
            setattr(settings, key, value)
        session.add(settings)


def _player_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        player = session.exec(select(Player).where(Player.name == name)).one()
        assert player.id is not None
        return player.id


def test_digest_is_claimed_once_and_resumes_after_a_crash(engine: Engine) -> None:
    start = datetime.now(UTC) - timedelta(minutes=1)
    _setup_guild(engine, start)
    _article(engine, "one", "Teun Koopmeiners", "Chelsea", Status.BID, 51_000_000)
    now = datetime.now(UTC)
    job = claim_digest(engine, GUILD, "2024-06-18", now, change_row)
    assert job is not None and job.parts_sent == 0
    assert "Teun Koopmeiners" in job.digest.players
    line = job.digest.players["Teun Koopmeiners"][0].text()
    assert "Chelsea" in line and "£51m bid" in line
    assert claim_digest(engine, GUILD, "2024-06-18", now, change_row) is None  # held
    record_part(engine, job.delivery_id, 9001)  # ...then the process dies before finishing
    assert claim_digest(engine, GUILD, "2024-06-18", now + timedelta(minutes=1),
                        change_row) is None  # the dead sender's lease still runs
    resumed = claim_digest(engine, GUILD, "2024-06-18", now + timedelta(minutes=6),
                           change_row)
    assert resumed is not None and resumed.delivery_id == job.delivery_id
    assert resumed.parts_sent == 1  # the restart continues after the part already posted
    finish_digest(engine, job.delivery_id, "sent", now)
    assert claim_digest(engine, GUILD, "2024-06-18", now, change_row) is None
    with Session(engine) as session:
        assert queries.count_rows(session, DigestDelivery) == 1


def test_next_digest_covers_only_newer_changes(engine: Engine) -> None:
    _setup_guild(engine, datetime.now(UTC) - timedelta(minutes=1))
    _article(engine, "one", "Teun Koopmeiners", "Chelsea", Status.BID)
    first = claim_digest(engine, GUILD, "2024-06-18", datetime.now(UTC), change_row)
    assert first is not None
    finish_digest(engine, first.delivery_id, "sent", datetime.now(UTC))
    _article(engine, "two", "Conor Gallagher", "Liverpool", Status.INTEREST)
    second = claim_digest(engine, GUILD, "2024-06-19", datetime.now(UTC), change_row)
    assert second is not None
    assert list(second.digest.players) == ["Conor Gallagher"]


def test_club_filter_and_tier_filter(engine: Engine) -> None:
    with Session(engine) as session:
        chelsea = session.exec(select(Club).where(Club.name == "Chelsea")).one()
    _setup_guild(engine, datetime.now(UTC) - timedelta(minutes=1), club_filter=[chelsea.id])
    _article(engine, "one", "Teun Koopmeiners", "Chelsea", Status.BID)
    _article(engine, "two", "Conor Gallagher", "Liverpool", Status.INTEREST)
    job = claim_digest(engine, GUILD, "2024-06-18", datetime.now(UTC), change_row)
    assert job is not None and list(job.digest.players) == ["Teun Koopmeiners"]


def test_min_tier_filters_weak_sources(engine: Engine) -> None:
    _setup_guild(engine, datetime.now(UTC) - timedelta(minutes=1), min_tier=1)
    _article(engine, "one", "Teun Koopmeiners", "Chelsea", Status.BID, source="TBR Football")
    job = claim_digest(engine, GUILD, "2024-06-18", datetime.now(UTC), change_row)
    assert job is not None and job.digest.empty


def test_due_period_respects_grace_and_pause(engine: Engine) -> None:
    settings = GuildSettings(guild_id=1, digest_channel_id=5, digest_enabled=True,
                             digest_time="09:00", timezone="Europe/London")
    at_nine_bst = datetime(2024, 6, 18, 8, 5, tzinfo=UTC)
    assert due_period(settings, at_nine_bst, timedelta(hours=6)) == "2024-06-18"
    assert due_period(settings, at_nine_bst + timedelta(hours=7), timedelta(hours=6)) is None
    settings.digest_paused_reason = "channel deleted"
    assert due_period(settings, at_nine_bst, timedelta(hours=6)) is None


def test_pause_tells_admins_once(engine: Engine) -> None:
    _setup_guild(engine, datetime.now(UTC))
    assert pause_digest(engine, GUILD, "missing permission") is True
    assert pause_digest(engine, GUILD, "missing permission") is False


def test_nonce_is_deterministic_and_short() -> None:
    assert part_nonce(GUILD, "2024-06-18", 0) == part_nonce(GUILD, "2024-06-18", 0)
    assert part_nonce(GUILD, "2024-06-18", 0) != part_nonce(GUILD, "2024-06-18", 1)
    assert len(part_nonce(GUILD, "2024-06-18", 0)) <= 25


def test_alerts_batched_per_user_once_with_thresholds(engine: Engine) -> None:
    _article(engine, "seed", "Teun Koopmeiners", "Liverpool", Status.INTEREST)
    _article(engine, "seed2", "Conor Gallagher", "Liverpool", Status.INTEREST)
    koop, gallagher = _player_id(engine, "Teun Koopmeiners"), _player_id(engine, "Conor Gallagher")
    subscribe(engine, 1, koop, GUILD)
    subscribe(engine, 1, gallagher, GUILD)
    subscribe(engine, 2, koop, GUILD, min_status=Status.BID)
    subscribe(engine, 3, koop, GUILD, min_tier=1)
    _article(engine, "news", "Teun Koopmeiners", "Chelsea", Status.TALKS)
    _article(engine, "news2", "Conor Gallagher", "Everton", Status.INTEREST)
    batches = collect_alerts(engine, datetime.now(UTC), change_row)
    by_user = {batch.user_id: batch for batch in batches}
    assert set(by_user) == {1}  # user 2 wants bids only, user 3 tier-1 sources only
    assert {row.club for row in by_user[1].rows} == {"Chelsea", "Everton"}
    assert sorted(by_user[1].player_ids) == sorted([koop, gallagher])
    assert collect_alerts(engine, datetime.now(UTC), change_row) == []  # claimed: never twice
    _article(engine, "bid", "Teun Koopmeiners", "Chelsea", Status.BID, 40_000_000)
    later = {b.user_id: b for b in collect_alerts(engine, datetime.now(UTC), change_row)}
    assert set(later) == {1, 2}


def test_closed_dms_are_not_retried(engine: Engine) -> None:
    _article(engine, "seed", "Teun Koopmeiners", "Liverpool", Status.INTEREST)
    subscribe(engine, 7, _player_id(engine, "Teun Koopmeiners"), GUILD)
    mark_dms_closed(engine, 7, datetime.now(UTC))
    _article(engine, "news", "Teun Koopmeiners", "Chelsea", Status.TALKS)
    assert collect_alerts(engine, datetime.now(UTC), change_row) == []
    with Session(engine) as session:
        assert queries.count_rows(session, AlertDelivery) == 0


def test_subscribing_again_reopens_dms(engine: Engine) -> None:
    _article(engine, "seed", "Teun Koopmeiners", "Liverpool", Status.INTEREST)
    _article(engine, "seed2", "Conor Gallagher", "Liverpool", Status.INTEREST)
    subscribe(engine, 8, _player_id(engine, "Teun Koopmeiners"), GUILD)
    mark_dms_closed(engine, 8, datetime.now(UTC))
    subscribe(engine, 8, _player_id(engine, "Conor Gallagher"), GUILD)
    _article(engine, "news", "Teun Koopmeiners", "Chelsea", Status.TALKS)
    assert [batch.user_id for batch in collect_alerts(engine, datetime.now(UTC), change_row)] \
        == [8]


def test_links_hidden_by_moderators_stay_out_of_their_digest(engine: Engine) -> None:
    _setup_guild(engine, datetime.now(UTC) - timedelta(minutes=1))
    _article(engine, "one", "Teun Koopmeiners", "Chelsea", Status.BID)
    _article(engine, "two", "Conor Gallagher", "Liverpool", Status.INTEREST)
    with Session(engine) as session:
        chelsea = session.exec(select(Club).where(Club.name == "Chelsea")).one()
    assert chelsea.id is not None
    hide_link(engine, GUILD, 5, _player_id(engine, "Teun Koopmeiners"), chelsea.id)
    job = claim_digest(engine, GUILD, "2024-06-18", datetime.now(UTC), change_row)
    assert job is not None and list(job.digest.players) == ["Conor Gallagher"]

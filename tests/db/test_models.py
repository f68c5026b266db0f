"""The schema on both backends: migrations, round trips, the constraints that keep data clean."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from db.migrate import current_revision, head_revision, upgrade
from db.models import (
    Article,
    ChangeEvent,
    Club,
    DigestDelivery,
    GuildSettings,
    Player,
    Rumour,
    Subscription,
)
from db.session import session_scope

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def _club(session: Session, name: str) -> Club:
    club = session.exec(select(Club).where(Club.name == name)).one()
    return club


def test_migrations_reach_head_and_are_idempotent(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    upgrade(engine)  # a second run changes nothing and does not fail
    assert current_revision(engine) == head_revision()


def test_reference_clubs_are_loaded(engine: Engine) -> None:
    with Session(engine) as session:
        liverpool = _club(session, "Liverpool")
        assert liverpool.country == "England"


def test_round_trip_keeps_values_and_utc(engine: Engine) -> None:
    snowflake = 2**62 + 12345  # Discord ids need 64 bits
    with session_scope(engine) as session:
        club = _club(session, "Liverpool")
        player = Player(name="Ødegaard Test", normalized_name="odegaard test",
                        current_club_id=club.id)
        session.add(player)
        session.flush()
        session.add(Subscription(user_id=snowflake, player_id=player.id, guild_id=snowflake))
        session.add(GuildSettings(guild_id=snowflake, timezone="Europe/London",
                                  club_filter=[club.id]))
        session.add(Article(content_hash="h" * 64, text="body", published=date(2024, 5, 10)))
    with Session(engine) as session:
        player = session.exec(select(Player)).one()
        assert player.name == "Ødegaard Test"
        subscription = session.exec(select(Subscription)).one()
        assert subscription.user_id == snowflake
        assert subscription.created_at.tzinfo is not None
        assert abs(subscription.created_at - datetime.now(UTC)) < timedelta(minutes=5)
        settings = session.get(GuildSettings, snowflake)
        assert settings is not None and settings.club_filter == [player.current_club_id]
        article = session.exec(select(Article)).one()
        assert article.published == date(2024, 5, 10)


def test_article_is_stored_once(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Article(content_hash="a" * 64, url="https://example.com/1", text="x"))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Article(content_hash="a" * 64, text="y"))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Article(content_hash="b" * 64, url="https://example.com/1", text="y"))


def test_one_rumour_per_player_and_club(engine: Engine) -> None:
    with session_scope(engine) as session:
        club = _club(session, "Liverpool")
        player = Player(name="A Player", normalized_name="a player")
        session.add(player)
        session.flush()
        session.add(Rumour(player_id=player.id, to_club_id=club.id, status="interest",
                           first_seen=NOW, last_seen=NOW))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        player = session.exec(select(Player)).one()
        session.add(Rumour(player_id=player.id, to_club_id=_club(session, "Liverpool").id,
                           status="bid", first_seen=NOW, last_seen=NOW))


def test_one_digest_per_guild_and_period(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(DigestDelivery(guild_id=1, period="2024-06-18", events_until=NOW))
        session.add(DigestDelivery(guild_id=2, period="2024-06-18", events_until=NOW))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(DigestDelivery(guild_id=1, period="2024-06-18", events_until=NOW))


def test_change_event_dedupe_key_is_unique(engine: Engine) -> None:
    with session_scope(engine) as session:
        player = Player(name="B Player", normalized_name="b player")
        session.add(player)
        session.flush()
        session.add(ChangeEvent(dedupe_key="new_link:1", kind="new_link", player_id=player.id))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        player_id = session.exec(select(Player.id)).one()
        session.add(ChangeEvent(dedupe_key="new_link:1", kind="new_link", player_id=player_id))


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive"), session_scope(engine) as session:
        session.add(DigestDelivery(guild_id=3, period="p", events_until=datetime(2024, 1, 1)))


def test_upgrade_from_first_revision_keeps_rows(database_url: str, reference: object) -> None:
    """A database created by an older release upgrades in place without losing data."""
    from sqlalchemy import text

    from db.session import create_db_engine

    engine = create_db_engine(database_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO guild_settings (guild_id, digest_time, timezone, digest_enabled, "
            "post_when_empty, min_tier, club_filter, updated_at) "
            "VALUES (42, '09:00', 'UTC', false, false, 4, '[]', CURRENT_TIMESTAMP)"))
    upgrade(engine)
    with Session(engine) as session:
        settings = session.get(GuildSettings, 42)
        assert settings is not None and settings.pause_notified is False
    assert current_revision(engine) == head_revision()
    engine.dispose()

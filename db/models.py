"""Tables. Unique constraints carry the data-cleanliness rules: an article is stored once, one
rumour per (player, destination club), one change event per change, one digest per
(guild, period). Discord snowflakes need 64 bits, hence BigInteger."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import UTCDateTime, utcnow


def _created() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class Club(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    normalized_name: str = Field(max_length=120, unique=True)
    country: str = Field(default="", max_length=60)
    league: str = Field(default="", max_length=80)
    created_at: datetime = _created()


class ClubAlias(SQLModel, table=True):
    __tablename__ = "club_alias"
    __table_args__ = (UniqueConstraint("club_id", "normalized", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    club_id: int = Field(foreign_key="club.id", index=True, ondelete="CASCADE")
    alias: str = Field(max_length=120)
    normalized: str = Field(max_length=120, index=True)
    kind: str = Field(default="alias", max_length=20)  # alias, nickname, place, ground
    added_by: int | None = Field(default=None, sa_type=BigInteger)  # Discord user; None = seed


class Player(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    normalized_name: str = Field(max_length=120, index=True)
    current_club_id: int | None = Field(default=None, foreign_key="club.id", ondelete="SET NULL")
    nationality: str | None = Field(default=None, max_length=60)
    position: str | None = Field(default=None, max_length=40)
    created_at: datetime = _created()
    updated_at: datetime = _created()


class PlayerAlias(SQLModel, table=True):
    __tablename__ = "player_alias"
    __table_args__ = (UniqueConstraint("player_id", "normalized"),)

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", index=True, ondelete="CASCADE")
    alias: str = Field(max_length=120)
    normalized: str = Field(max_length=120, index=True)
    added_by: int | None = Field(default=None, sa_type=BigInteger)


class Person(SQLModel, table=True):
    """Managers, coaches, directors, agents, journalists: never players."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    normalized_name: str = Field(max_length=120, unique=True)
    role: str = Field(max_length=30)
    club_id: int | None = Field(default=None, foreign_key="club.id", ondelete="SET NULL")


class Outlet(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    normalized_name: str = Field(max_length=120, unique=True)
    kind: str = Field(default="outlet", max_length=20)  # outlet or journalist
    tier: int = Field(default=3, ge=1, le=4)
    domains: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    url: str | None = Field(default=None, max_length=2000, unique=True)
    content_hash: str = Field(max_length=64, unique=True)
    title: str | None = Field(default=None, max_length=500)
    published: date | None = None
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id", ondelete="SET NULL")
    origin: str = Field(default="", max_length=2000)  # file path or feed URL it came from
    text: str = Field(sa_column=Column(Text, nullable=False))
    fetched_at: datetime = _created()


class Rumour(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("player_id", "to_club_id"),)

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", index=True, ondelete="CASCADE")
    to_club_id: int = Field(foreign_key="club.id", index=True, ondelete="CASCADE")
    from_club_id: int | None = Field(default=None, foreign_key="club.id", ondelete="SET NULL")
    status: str = Field(max_length=20)
    confidence: float = 0.0
    first_seen: datetime = Field(sa_type=UTCDateTime, nullable=False)
    last_seen: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)


class Evidence(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("rumour_id", "article_id"),)

    id: int | None = Field(default=None, primary_key=True)
    rumour_id: int = Field(foreign_key="rumour.id", index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id", ondelete="SET NULL")
    status: str = Field(max_length=20)  # what this article says about the link
    confidence: float = 0.0
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class FeeReport(SQLModel, table=True):
    __tablename__ = "fee_report"
    __table_args__ = (
        UniqueConstraint("article_id", "player_id", "amount", "currency", "kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", index=True, ondelete="CASCADE")
    rumour_id: int | None = Field(default=None, foreign_key="rumour.id", ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    amount: int = Field(sa_type=BigInteger)
    currency: str = Field(max_length=3)
    amount_eur: int = Field(sa_type=BigInteger)
    eur_rates_version: str = Field(max_length=20)
    kind: str = Field(max_length=20)
    evidence: str = Field(default="", sa_column=Column(Text, nullable=False))
    seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ChangeEvent(SQLModel, table=True):
    """A new link, a new fee figure or a status change: what digests and alerts are made of.

    `dedupe_key` says what changed (e.g. ``new_link:12``), so the same change arriving again
    through a syndicated copy or an out-of-order article is stored once."""

    __tablename__ = "change_event"
    __table_args__ = (Index("ix_change_event_created_at", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=200, unique=True)
    kind: str = Field(max_length=20)  # new_link, new_fee, status_change
    rumour_id: int | None = Field(default=None, foreign_key="rumour.id", ondelete="CASCADE")
    player_id: int = Field(foreign_key="player.id", index=True, ondelete="CASCADE")
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="SET NULL")
    fee_report_id: int | None = Field(
        default=None, foreign_key="fee_report.id", ondelete="SET NULL"
    )
    old_status: str | None = Field(default=None, max_length=20)
    new_status: str | None = Field(default=None, max_length=20)
    created_at: datetime = _created()


class Subscription(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("user_id", "player_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger, index=True)
    player_id: int = Field(foreign_key="player.id", index=True, ondelete="CASCADE")
    guild_id: int | None = Field(default=None, sa_type=BigInteger)  # where it was made
    min_tier: int = Field(default=4, ge=1, le=4)
    min_status: str = Field(default="interest", max_length=20)
    created_at: datetime = _created()


class GuildSettings(SQLModel, table=True):
    __tablename__ = "guild_settings"

    guild_id: int = Field(sa_type=BigInteger, primary_key=True, sa_column_kwargs={
        "autoincrement": False})
    digest_channel_id: int | None = Field(default=None, sa_type=BigInteger)
    digest_time: str = Field(default="09:00", max_length=5)  # HH:MM local
    timezone: str = Field(default="UTC", max_length=64)  # IANA name
    digest_enabled: bool = False
    digest_paused_reason: str | None = Field(default=None, max_length=200)
    pause_notified: bool = False  # admins are told once that the digest is paused
    post_when_empty: bool = False
    min_tier: int = Field(default=4, ge=1, le=4)
    club_filter: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    configured_by: int | None = Field(default=None, sa_type=BigInteger)
    updated_at: datetime = _created()


class DigestDelivery(SQLModel, table=True):
    """Recorded before sending: the unique (guild, period) key makes a second send impossible."""

    __tablename__ = "digest_delivery"
    __table_args__ = (UniqueConstraint("guild_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger, index=True)
    period: str = Field(max_length=32)  # local date of the digest, e.g. "2024-06-18"
    state: str = Field(default="pending", max_length=20)  # pending, sent, failed, empty
    events_until: datetime = Field(sa_type=UTCDateTime, nullable=False)
    created_at: datetime = _created()
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Whoever is sending holds the row until then; a crashed sender's lease runs out and
    # the next tick (in any process) resumes after the parts already recorded.
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    message_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Feed(SQLModel, table=True):
    """An RSS/Atom feed, fetched once however many servers follow it."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000, unique=True)
    title: str | None = Field(default=None, max_length=300)
    etag: str | None = Field(default=None, max_length=300)
    last_modified: str | None = Field(default=None, max_length=100)
    added_at: datetime = _created()
    last_fetched_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_success_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=500)
    consecutive_failures: int = 0
    next_fetch_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    article_count: int = 0


class GuildFeed(SQLModel, table=True):
    __tablename__ = "guild_feed"
    __table_args__ = (UniqueConstraint("guild_id", "feed_id"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger, index=True)
    feed_id: int = Field(foreign_key="feed.id", index=True, ondelete="CASCADE")
    added_by: int | None = Field(default=None, sa_type=BigInteger)
    added_at: datetime = _created()


class ManualLink(SQLModel, table=True):
    """A moderator's correction, visible only in the server where it was made."""

    __tablename__ = "manual_link"
    __table_args__ = (UniqueConstraint("guild_id", "player_id", "club_id"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger, index=True)
    player_id: int = Field(foreign_key="player.id", index=True, ondelete="CASCADE")
    club_id: int = Field(foreign_key="club.id", ondelete="CASCADE")
    status: str = Field(max_length=20)
    hidden: bool = False  # True: the moderator removed this link for the server
    fee_amount: int | None = Field(default=None, sa_type=BigInteger)
    fee_currency: str | None = Field(default=None, max_length=3)
    source: str | None = Field(default=None, max_length=300)
    edited_by: int = Field(sa_type=BigInteger)
    edited_at: datetime = _created()


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger, index=True)
    user_id: int = Field(sa_type=BigInteger)
    action: str = Field(max_length=40)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = _created()


class AlertDelivery(SQLModel, table=True):
    """One row per (user, change): recorded before the DM is sent, so it is sent once."""

    __tablename__ = "alert_delivery"
    __table_args__ = (UniqueConstraint("user_id", "change_event_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger, index=True)
    change_event_id: int = Field(foreign_key="change_event.id", ondelete="CASCADE")
    state: str = Field(default="pending", max_length=20)  # pending, sent, failed, dm_closed
    created_at: datetime = _created()
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class UserState(SQLModel, table=True):
    __tablename__ = "user_state"

    user_id: int = Field(sa_type=BigInteger, primary_key=True,
                         sa_column_kwargs={"autoincrement": False})
    dms_closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

"""Who gets told what, exactly once: digest deliveries per server and period, and batched
subscriber alerts. Database side only; the Discord side (sending) lives in the cogs.

Digest: a `DigestDelivery` row keyed by (guild, period) is claimed *before* anything is sent;
each posted part's message id is recorded as it goes, so a restart resumes after the last part
sent instead of starting again. Parts are also sent with a deterministic nonce that Discord
enforces, which covers a crash between posting a part and recording it.

Alerts: an `AlertDelivery` row per (user, change) is claimed before the DM is sent.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.changes import best_tier
from bot.digest import ChangeRow, Digest, compose_digest
from bot.domain import Status
from bot.schedule import latest_due, parse_local_time, parse_timezone
from db import queries
from db.models import (
    AlertDelivery,
    ChangeEvent,
    DigestDelivery,
    GuildSettings,
    ManualLink,
    Rumour,
    Subscription,
    UserState,
)
from db.session import session_scope

ChangeRowFactory = Callable[[Session, ChangeEvent], ChangeRow]

DIGEST_LEASE = timedelta(minutes=5)
ALERT_WINDOW = timedelta(days=2)  # changes older than this are digest material, not alerts


@dataclass
class DigestJob:
    guild_id: int
    channel_id: int
    period: str
    delivery_id: int
    digest: Digest
    parts_sent: int = 0
    post_when_empty: bool = False


@dataclass
class AlertBatch:
    user_id: int
    rows: list[ChangeRow] = field(default_factory=list)
    player_ids: list[int] = field(default_factory=list)
    delivery_ids: list[int] = field(default_factory=list)


def part_nonce(guild_id: int, period: str, part: int) -> str:
    """Discord keeps nonces unique per author for a few minutes: a resend is not a repost."""
    return hashlib.sha1(f"{guild_id}:{period}:{part}".encode()).hexdigest()[:25]


def _event_passes(session: Session, event: ChangeEvent, settings: GuildSettings) -> bool:
    rumour = session.get(Rumour, event.rumour_id) if event.rumour_id else None
    if rumour is not None and _hidden_in(session, settings.guild_id, rumour):
        return False
    if settings.club_filter:
        clubs = {rumour.to_club_id, rumour.from_club_id} if rumour else set()
        if not clubs & set(settings.club_filter):
            return False
    return best_tier(session, event.rumour_id) <= settings.min_tier


def _hidden_in(session: Session, guild_id: int, rumour: Rumour) -> bool:
    """A link the server's moderators removed stays out of that server's digest."""
    return session.exec(select(ManualLink.id).where(
        ManualLink.guild_id == guild_id, ManualLink.player_id == rumour.player_id,
        ManualLink.club_id == rumour.to_club_id, ManualLink.hidden == True)  # noqa: E712
    ).first() is not None


def due_period(settings: GuildSettings, now: datetime, grace: timedelta) -> str | None:
    """The period whose digest should go out now, if its time passed less than `grace` ago."""
    if not (settings.digest_enabled and settings.digest_channel_id) \
            or settings.digest_paused_reason:
        return None
    period, moment = latest_due(now, parse_local_time(settings.digest_time),
                                parse_timezone(settings.timezone))
    return period if now - moment <= grace else None


def claim_digest(engine: Engine, guild_id: int, period: str, now: datetime,
                 change_row: ChangeRowFactory) -> DigestJob | None:
    """Claim (guild, period) or resume its unfinished delivery; None when already delivered."""
    with session_scope(engine) as session:
        settings = session.get(GuildSettings, guild_id)
        if settings is None or settings.digest_channel_id is None:
            return None
        delivery = session.exec(select(DigestDelivery).where(
            DigestDelivery.guild_id == guild_id, DigestDelivery.period == period)).first()
        if delivery is not None and delivery.state != "pending":
            return None
        if delivery is None:
            delivery = DigestDelivery(guild_id=guild_id, period=period, events_until=now,
                                      lease_until=now + DIGEST_LEASE)
            session.add(delivery)
            try:
                session.flush()
            except IntegrityError:  # another process claimed it first
                session.rollback()
                return None
        elif not _take_lease(session, delivery, now):
            return None  # someone is sending it right now
        since = _previous_until(session, guild_id, period) or settings.updated_at
        assert delivery.id is not None
        return DigestJob(guild_id=guild_id, channel_id=settings.digest_channel_id,
                         period=period, delivery_id=delivery.id,
                         digest=_digest(session, settings, since, delivery.events_until,
                                        change_row),
                         parts_sent=len(delivery.message_ids),
                         post_when_empty=settings.post_when_empty)


def _take_lease(session: Session, delivery: DigestDelivery, now: datetime) -> bool:
    """Resume an unfinished delivery only if nobody holds it: a conditional UPDATE, so two
    ticks (or two processes) cannot both win."""
    taken = session.execute(
        update(DigestDelivery)
        .where(col(DigestDelivery.id) == delivery.id,
               or_(col(DigestDelivery.lease_until).is_(None),
                   col(DigestDelivery.lease_until) < now))
        .values(lease_until=now + DIGEST_LEASE))
    session.refresh(delivery)
    return bool(taken.rowcount)  # type: ignore[attr-defined]


def preview_digest(engine: Engine, guild_id: int, now: datetime,
                   change_row: ChangeRowFactory) -> Digest:
    """What the server's next digest would contain, without claiming anything."""
    with Session(engine) as session:
        settings = session.get(GuildSettings, guild_id) or GuildSettings(guild_id=guild_id)
        since = _previous_until(session, guild_id) or now - timedelta(days=1)
        return _digest(session, settings, since, now, change_row)


def _digest(session: Session, settings: GuildSettings, since: datetime, until: datetime,
            change_row: ChangeRowFactory) -> Digest:
    rows = [change_row(session, event)
            for event in queries.changes_between(session, since, until)
            if _event_passes(session, event, settings)]
    return compose_digest(rows, since, until)


def _previous_until(session: Session, guild_id: int,
                    before_period: str | None = None) -> datetime | None:
    """Where the last delivered digest (before `before_period`, if given) stopped."""
    query = select(DigestDelivery).where(DigestDelivery.guild_id == guild_id,
                                         col(DigestDelivery.state).in_(["sent", "empty"]))
    if before_period is not None:
        query = query.where(DigestDelivery.period < before_period)
    previous = session.exec(query.order_by(col(DigestDelivery.period).desc())).first()
    return previous.events_until if previous else None


def record_part(engine: Engine, delivery_id: int, message_id: int) -> None:
    with session_scope(engine) as session:
        delivery = session.get(DigestDelivery, delivery_id)
        if delivery is not None:
            delivery.message_ids = [*delivery.message_ids, message_id]


def finish_digest(engine: Engine, delivery_id: int, state: str, now: datetime) -> None:
    with session_scope(engine) as session:
        delivery = session.get(DigestDelivery, delivery_id)
        if delivery is not None:
            delivery.state = state
            delivery.sent_at = now
            delivery.lease_until = None


def release_digest(engine: Engine, delivery_id: int) -> None:
    """Give up an unfinished delivery (e.g. paused) so a later tick can resume it."""
    with session_scope(engine) as session:
        delivery = session.get(DigestDelivery, delivery_id)
        if delivery is not None:
            delivery.lease_until = None


def pause_digest(engine: Engine, guild_id: int, reason: str) -> bool:
    """Pause a server's digest; True the first time, so admins are told once."""
    with session_scope(engine) as session:
        settings = session.get(GuildSettings, guild_id)
        if settings is None:
            return False
        settings.digest_paused_reason = reason[:200]
        first = not settings.pause_notified
        settings.pause_notified = True
        return first


def collect_alerts(engine: Engine, now: datetime,
                   change_row: ChangeRowFactory) -> list[AlertBatch]:
    """Claim the alerts owed for recent changes, one batch per user."""
    batches: dict[int, AlertBatch] = {}
    with session_scope(engine) as session:
        events = queries.changes_between(session, now - ALERT_WINDOW, now)
        by_player: dict[int, list[Subscription]] = defaultdict(list)
        player_ids = {event.player_id for event in events}
        if player_ids:
            for sub in session.exec(select(Subscription).where(
                    col(Subscription.player_id).in_(player_ids))):
                by_player[sub.player_id].append(sub)
        closed = set(session.exec(select(UserState.user_id).where(
            col(UserState.dms_closed_at).is_not(None))))
        for event in events:
            subscribers = [sub for sub in by_player.get(event.player_id, [])
                           if sub.user_id not in closed and sub.created_at < event.created_at]
            if not subscribers:
                continue
            # Same for every subscriber: looked up once per change.
            status, tier = _strength(session, event)
            row: ChangeRow | None = None
            for sub in subscribers:
                if status.rank < Status(sub.min_status).rank or tier > sub.min_tier:
                    continue
                claim = AlertDelivery(user_id=sub.user_id, change_event_id=event.id or 0)
                try:
                    with session.begin_nested():
                        session.add(claim)
                except IntegrityError:
                    continue  # already alerted
                row = row or change_row(session, event)
                batch = batches.setdefault(sub.user_id, AlertBatch(sub.user_id))
                batch.rows.append(row)
                batch.delivery_ids.append(claim.id or 0)
                if event.player_id not in batch.player_ids:
                    batch.player_ids.append(event.player_id)
    return list(batches.values())


def _strength(session: Session, event: ChangeEvent) -> tuple[Status, int]:
    """How far the changed link has gone, and its best source tier: what thresholds test."""
    rumour = session.get(Rumour, event.rumour_id) if event.rumour_id else None
    status = Status(rumour.status) if rumour else Status.INTEREST
    return status, best_tier(session, event.rumour_id)


def mark_alerts(engine: Engine, delivery_ids: list[int], state: str, now: datetime) -> None:
    with session_scope(engine) as session:
        for delivery in session.exec(select(AlertDelivery).where(
                col(AlertDelivery.id).in_(delivery_ids))):
            delivery.state = state
            delivery.sent_at = now if state == "sent" else None


def mark_dms_closed(engine: Engine, user_id: int, now: datetime) -> None:
    with session_scope(engine) as session:
        state = session.get(UserState, user_id) or UserState(user_id=user_id)
        state.dms_closed_at = now
        session.add(state)

"""Subscriptions: which fans follow which players, with per-subscription thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.domain import Status
from db.models import Player, Subscription, UserState
from db.session import session_scope

MAX_SUBSCRIPTIONS_PER_USER = 25


@dataclass(frozen=True)
class SubscriptionView:
    player_id: int
    player: str
    min_tier: int
    min_status: str


def subscribe(engine: Engine, user_id: int, player_id: int, guild_id: int | None,
              min_tier: int = 4, min_status: str = Status.INTEREST) -> str:
    Status(min_status)  # refuse unknown statuses before touching the database
    with session_scope(engine) as session:
        player = session.get(Player, player_id)
        if player is None:
            return "That player is no longer in the database."
        existing = session.exec(select(Subscription).where(
            Subscription.user_id == user_id, Subscription.player_id == player_id)).first()
        if existing:
            existing.min_tier, existing.min_status = min_tier, min_status
            return f"Updated: you follow {player.name} ({_threshold(min_tier, min_status)})."
        count = len(session.exec(select(Subscription.id).where(
            Subscription.user_id == user_id)).all())
        if count >= MAX_SUBSCRIPTIONS_PER_USER:
            return (f"You already follow {MAX_SUBSCRIPTIONS_PER_USER} players, the most allowed. "
                    "Unsubscribe from one first (/subscriptions lists them).")
        session.add(Subscription(user_id=user_id, player_id=player_id, guild_id=guild_id,
                                 min_tier=min_tier, min_status=min_status))
        # Subscribing again is the user asking for DMs: try them again.
        state = session.get(UserState, user_id)
        if state is not None:
            state.dms_closed_at = None
        return (f"You now follow {player.name} ({_threshold(min_tier, min_status)}): "
                "you get a DM when a new club, fee or status is reported.")


def unsubscribe(engine: Engine, user_id: int, player_id: int) -> str:
    with session_scope(engine) as session:
        player = session.get(Player, player_id)
        existing = session.exec(select(Subscription).where(
            Subscription.user_id == user_id, Subscription.player_id == player_id)).first()
        name = player.name if player else "that player"
        if existing is None:
            return f"You were not following {name}."
        session.delete(existing)
        return f"You no longer follow {name}."


def subscriptions_of(engine: Engine, user_id: int) -> list[SubscriptionView]:
    with Session(engine) as session:
        rows = session.exec(select(Subscription, Player).join(
            Player, Player.id == Subscription.player_id  # type: ignore[arg-type]
        ).where(Subscription.user_id == user_id).order_by(Player.name)).all()
        return [SubscriptionView(player.id or 0, player.name, sub.min_tier, sub.min_status)
                for sub, player in rows]


def _threshold(min_tier: int, min_status: str) -> str:
    tier = "any source" if min_tier >= 4 else f"sources of tier {min_tier} or better"
    status = "any news" if min_status == Status.INTEREST else \
        f"{min_status.replace('_', ' ')} or further"
    return f"{tier}, {status}"

"""Per-server settings and moderators' corrections. Every function takes the guild id: one
server's settings, feeds and edits never show or change in another."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.domain import Status
from bot.schedule import parse_local_time, parse_timezone
from db.models import AuditEntry, Club, GuildSettings, ManualLink, Player
from db.session import session_scope
from db.types import utcnow


def configure_digest(engine: Engine, guild_id: int, channel_id: int, at: str, timezone: str,
                     user_id: int, *, min_tier: int = 4, post_when_empty: bool = False,
                     club_ids: list[int] | None = None) -> str:
    local_time = parse_local_time(at)  # raises ScheduleError with a message for the user
    parse_timezone(timezone)
    with session_scope(engine) as session:
        settings = session.get(GuildSettings, guild_id) or GuildSettings(guild_id=guild_id)
        if not settings.digest_enabled:
            # The first digest covers news from now on. Changing the channel or time, or
            # resuming after a pause, keeps the window so held news is not dropped.
            settings.updated_at = utcnow()
        settings.digest_channel_id = channel_id
        settings.digest_time = local_time.strftime("%H:%M")
        settings.timezone = timezone.strip()
        settings.digest_enabled = True
        settings.digest_paused_reason = None
        settings.pause_notified = False
        settings.min_tier = min_tier
        settings.post_when_empty = post_when_empty
        if club_ids is not None:
            settings.club_filter = club_ids
        settings.configured_by = user_id
        session.add(settings)
        _audit(session, guild_id, user_id, "digest_setup",
               f"channel={channel_id} time={settings.digest_time} tz={settings.timezone} "
               f"min_tier={min_tier} clubs={settings.club_filter}")
    return (f"Daily digest set for {settings.digest_time} ({settings.timezone}) in "
            f"<#{channel_id}>.")


def set_digest_filter(engine: Engine, guild_id: int, user_id: int, club_ids: list[int],
                      min_tier: int | None) -> str:
    with session_scope(engine) as session:
        settings = session.get(GuildSettings, guild_id) or GuildSettings(guild_id=guild_id)
        settings.club_filter = club_ids
        if min_tier is not None:
            settings.min_tier = min_tier
        session.add(settings)
        clubs = [club.name for cid in club_ids if (club := session.get(Club, cid))]
        _audit(session, guild_id, user_id, "digest_filter",
               f"clubs={clubs} min_tier={settings.min_tier}")
        scope = ", ".join(clubs) if clubs else "all clubs"
        tier = "any source" if settings.min_tier >= 4 else \
            f"sources of tier {settings.min_tier} or better"
        return f"The digest now covers {scope}, from {tier}."


def disable_digest(engine: Engine, guild_id: int, user_id: int) -> str:
    with session_scope(engine) as session:
        settings = session.get(GuildSettings, guild_id)
        if settings is None or not settings.digest_enabled:
            return "The digest was not switched on."
        settings.digest_enabled = False
        _audit(session, guild_id, user_id, "digest_off", "")
    return "Daily digest switched off. `/digest setup` switches it on again."


def enabled_digest_guilds(engine: Engine) -> list[GuildSettings]:
    with Session(engine) as session:
        return list(session.exec(select(GuildSettings).where(
            GuildSettings.digest_enabled == True)))  # noqa: E712


def guild_settings(engine: Engine, guild_id: int) -> GuildSettings | None:
    with Session(engine) as session:
        return session.get(GuildSettings, guild_id)


@dataclass(frozen=True)
class Correction:
    message: str
    changed: bool


def _edit_link(session: Session, guild_id: int, user_id: int, player_id: int,
               club_id: int) -> tuple[ManualLink, Player, Club] | None:
    """The server's correction row for (player, club), new or existing, stamped as edited."""
    player, club = session.get(Player, player_id), session.get(Club, club_id)
    if player is None or club is None:
        return None
    link = session.exec(select(ManualLink).where(
        ManualLink.guild_id == guild_id, ManualLink.player_id == player_id,
        ManualLink.club_id == club_id)).first() or ManualLink(
        guild_id=guild_id, player_id=player_id, club_id=club_id, status=Status.DENIED,
        edited_by=user_id)
    link.edited_by, link.edited_at = user_id, utcnow()
    session.add(link)
    return link, player, club


_GONE = Correction("That player or club is no longer in the database.", False)


def set_manual_link(engine: Engine, guild_id: int, user_id: int, player_id: int, club_id: int,
                    status: str, fee_amount: int | None = None, fee_currency: str | None = None,
                    source: str | None = None) -> Correction:
    Status(status)
    with session_scope(engine) as session:
        found = _edit_link(session, guild_id, user_id, player_id, club_id)
        if found is None:
            return _GONE
        link, player, club = found
        link.status, link.hidden = status, False
        link.fee_amount, link.fee_currency, link.source = fee_amount, fee_currency, source
        _audit(session, guild_id, user_id, "rumour_add",
               f"{player.name} → {club.name}: {status} fee={fee_amount} {fee_currency or ''} "
               f"source={source or '-'}")
        return Correction(f"Recorded for this server: {player.name} → {club.name} "
                          f"({status.replace('_', ' ')}).", True)


def hide_link(engine: Engine, guild_id: int, user_id: int, player_id: int,
              club_id: int) -> Correction:
    with session_scope(engine) as session:
        found = _edit_link(session, guild_id, user_id, player_id, club_id)
        if found is None:
            return _GONE
        link, player, club = found
        link.hidden = True
        _audit(session, guild_id, user_id, "rumour_remove", f"{player.name} → {club.name}")
        return Correction(f"Hidden in this server: {player.name} → {club.name}.", True)


def audit_log(engine: Engine, guild_id: int, limit: int = 20) -> list[AuditEntry]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.guild_id == guild_id)
                                 .order_by(col(AuditEntry.created_at).desc()).limit(limit)))


def _audit(session: Session, guild_id: int, user_id: int, action: str, detail: str) -> None:
    session.add(AuditEntry(guild_id=guild_id, user_id=user_id, action=action, detail=detail,
                           created_at=utcnow()))

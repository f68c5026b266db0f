"""Application services: the calls the CLI and the cogs share, over the database and the core."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.articles import ParsedArticle
from bot.changes import change_row
from bot.digest import Digest, compose_digest
from bot.domain import Extraction
from bot.ingest import Extract
from bot.money import format_money
from bot.reference import ReferenceData, load_reference
from bot.reports import PlayerReport, build_player_report
from bot.settings import Settings
from bot.text import fold
from db import queries
from db.migrate import upgrade
from db.models import Club, ClubAlias, FeeReport, ManualLink, Player, PlayerAlias, Rumour
from db.session import create_db_engine, session_scope

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _reference(directory: str) -> ReferenceData:
    return load_reference(Path(directory))


def reference_for(settings: Settings) -> ReferenceData:
    return _reference(str(settings.reference_dir))


def open_database(settings: Settings, *, migrate: bool = True) -> Engine:
    engine = create_db_engine(settings.resolved_database_url())
    if migrate:
        prepare_database(engine, reference_for(settings))
    return engine


def prepare_database(engine: Engine, reference: ReferenceData) -> None:
    """Schema at head and reference data loaded; both steps are idempotent."""
    upgrade(engine)
    with session_scope(engine) as session:
        queries.sync_reference(session, reference)


def build_extract(settings: Settings) -> Extract:
    from bot.extraction import Extractor, engine_build

    extractor = Extractor(reference_for(settings))
    log.info("extraction engine ready (%s build)", engine_build())

    def extract(parsed: ParsedArticle) -> Extraction:
        return extractor.extract(parsed.text, published=parsed.published, source=parsed.source)

    return extract


def player_report(engine: Engine, player_id: int, now: datetime,
                  cold_after: timedelta, guild_id: int | None = None) -> PlayerReport:
    with Session(engine) as session:
        player = session.get(Player, player_id)
        if player is None:
            raise LookupError(f"player {player_id} no longer exists")
        return build_player_report(session, player, now, cold_after, guild_id)


def digest_preview(engine: Engine, *, since: datetime | None, now: datetime) -> Digest:
    since = since or now - timedelta(days=1)
    with Session(engine) as session:
        events = queries.changes_between(session, since, now)
        rows = [change_row(session, event) for event in events]
    return compose_digest(rows, since, now)


@dataclass(frozen=True)
class ClubLink:
    player: str
    other_club: str | None  # the buying club for outgoing links, the selling club for incoming
    status: str
    fee: str | None
    last_seen: datetime
    cold: bool


@dataclass
class ClubReport:
    club_id: int
    name: str
    incoming: list[ClubLink]
    outgoing: list[ClubLink]


def club_report(engine: Engine, club_id: int, now: datetime,
                cold_after: timedelta, guild_id: int | None = None) -> ClubReport:
    with Session(engine) as session:
        club = session.get(Club, club_id)
        if club is None:
            raise LookupError(f"club {club_id} no longer exists")
        report = ClubReport(club_id, club.name, [], [])
        rumours = session.exec(select(Rumour).where(
            (Rumour.to_club_id == club_id) | (Rumour.from_club_id == club_id))
            .order_by(col(Rumour.last_seen).desc())).all()
        for rumour in rumours:
            player = session.get(Player, rumour.player_id)
            fee = session.exec(select(FeeReport).where(FeeReport.rumour_id == rumour.id)
                               .order_by(col(FeeReport.seen_at).desc())).first()
            incoming = rumour.to_club_id == club_id
            other_id = rumour.from_club_id if incoming else rumour.to_club_id
            other = session.get(Club, other_id) if other_id else None
            link = ClubLink(player=player.name if player else "?",
                            other_club=other.name if other else None, status=rumour.status,
                            fee=f"{format_money(fee.amount, fee.currency)} {fee.kind}"
                            if fee else None, last_seen=rumour.last_seen,
                            cold=now - rumour.last_seen > cold_after)
            (report.incoming if incoming else report.outgoing).append(link)
        if guild_id is not None:
            _apply_club_corrections(session, report, guild_id, now)
        return report


def _apply_club_corrections(session: Session, report: ClubReport, guild_id: int,
                            now: datetime) -> None:
    """The server's moderators' added and hidden links, as /rumours shows them."""
    fixes = session.exec(select(ManualLink, Player).join(
        Player, col(Player.id) == col(ManualLink.player_id)).where(
        ManualLink.guild_id == guild_id,
        (ManualLink.club_id == report.club_id)
        | (Player.current_club_id == report.club_id))).all()
    for fix, player in fixes:
        incoming = fix.club_id == report.club_id
        other_id = player.current_club_id if incoming else fix.club_id
        other = session.get(Club, other_id) if other_id else None
        links = report.incoming if incoming else report.outgoing
        links[:] = [link for link in links if not (
            link.player == player.name and (incoming or link.other_club == (
                other.name if other else None)))]
        if not fix.hidden:
            fee = format_money(fix.fee_amount, fix.fee_currency) \
                if fix.fee_amount and fix.fee_currency else None
            links.insert(0, ClubLink(player=player.name,
                                     other_club=other.name if other else None,
                                     status=fix.status, fee=fee, last_seen=fix.edited_at,
                                     cold=False))


def latest_changes(engine: Engine, hours: float, now: datetime) -> Digest:
    return digest_preview(engine, since=now - timedelta(hours=hours), now=now)


def add_alias(engine: Engine, kind: str, entity_id: int, alias: str,
              added_by: int | None = None) -> str:
    """Store another name for a player or club; the bot's directory picks it up on its next
    refresh. Club aliases identify one club (shared nicknames stay reference data)."""
    key = fold(alias)
    if not key or len(alias) > 120:
        raise ValueError("an alias needs letters or digits, at most 120 characters")
    with session_scope(engine) as session:
        if kind == "club":
            club = session.get(Club, entity_id)
            assert club is not None
            if session.exec(select(ClubAlias).where(ClubAlias.club_id == entity_id,
                                                    ClubAlias.normalized == key)).first():
                return f"{club.name} already answers to {alias!r}."
            session.add(ClubAlias(club_id=entity_id, alias=alias.strip(), normalized=key,
                                  kind="alias", added_by=added_by))
            return f"{club.name} now also answers to {alias!r}."
        player = session.get(Player, entity_id)
        assert player is not None
        if session.exec(select(PlayerAlias).where(PlayerAlias.player_id == entity_id,
                                                  PlayerAlias.normalized == key)).first():
            return f"{player.name} already answers to {alias!r}."
        session.add(PlayerAlias(player_id=entity_id, alias=alias.strip(), normalized=key,
                                added_by=added_by))
        return f"{player.name} now also answers to {alias!r}."

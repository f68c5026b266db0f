"""Application services: the calls the CLI and the cogs share, over the database and the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.articles import ParsedArticle
from bot.changes import change_row
from bot.digest import Digest, compose_digest
from bot.domain import Extraction
from bot.ingest import Extract
from bot.reference import ReferenceData, load_reference
from bot.reports import PlayerReport, build_player_report
from bot.settings import Settings
from bot.text import fold
from db import queries
from db.migrate import upgrade
from db.models import Player, PlayerAlias
from db.session import create_db_engine, session_scope


@lru_cache(maxsize=4)
def _reference(directory: str) -> ReferenceData:
    from pathlib import Path

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
    from bot.extraction import Extractor

    extractor = Extractor(reference_for(settings))

    def extract(parsed: ParsedArticle) -> Extraction:
        return extractor.extract(parsed.text, published=parsed.published, source=parsed.source)

    return extract


@dataclass
class LookupResult:
    player_id: int | None
    message: str
    candidates: list[tuple[int, str]] = field(default_factory=list)


class PlayerLookup:
    """Finds the player a user means."""

    def __init__(self, players: dict[int, tuple[str, list[str]]]) -> None:
        self.players = players

    @classmethod
    def from_database(cls, engine: Engine) -> PlayerLookup:
        with Session(engine) as session:
            players: dict[int, tuple[str, list[str]]] = {
                p.id: (p.name, [p.name]) for p in session.exec(select(Player)) if p.id
            }
            for alias in session.exec(select(PlayerAlias)):
                if alias.player_id in players:
                    players[alias.player_id][1].append(alias.alias)
        return cls(players)

    def resolve_player(self, query: str) -> LookupResult:
        key = fold(query)
        if not key:
            return LookupResult(None, "give a player name")
        exact = [pid for pid, (_, names) in self.players.items()
                 if key in {fold(n) for n in names}]
        partial = exact or [pid for pid, (_, names) in self.players.items()
                            if any(key in fold(n).split() for n in names)]
        if len(partial) == 1:
            return LookupResult(partial[0], self.players[partial[0]][0])
        if partial:
            names = [self.players[pid][0] for pid in partial]
            return LookupResult(None, f"several players match {query!r}: {', '.join(names)}",
                                [(pid, self.players[pid][0]) for pid in partial])
        return LookupResult(None, f"no player matching {query!r}")

    def autocomplete(self, current: str) -> list[tuple[str, str]]:
        key = fold(current)
        hits = [(name, str(pid)) for pid, (name, names) in self.players.items()
                if any(fold(n).startswith(key) or f" {key}" in fold(n) for n in names)]
        return sorted(hits)[:25]


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

"""Application services: the calls the CLI and the cogs share, over the database and the core."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.articles import ParsedArticle
from bot.changes import change_row
from bot.digest import Digest, compose_digest
from bot.domain import Extraction
from bot.ingest import Extract
from bot.reference import ReferenceData, load_reference
from bot.reports import PlayerReport, build_player_report
from bot.settings import Settings
from db import queries
from db.migrate import upgrade
from db.models import Player
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

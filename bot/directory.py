"""The in-memory name directory: every stored player and club in a NameIndex.

Built from the database once at start-up; `refresh` then adds only the players, aliases and
stats that changed since (rows with higher ids), so an ingest never triggers a full rebuild.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.names import Ambiguous, NameIndex, NotFound, Resolved
from db.models import Club, ClubAlias, Evidence, Player, PlayerAlias, Rumour

_CLUB_ALIAS_KINDS = ("alias",)  # nicknames like "the Reds" are shared: not for lookups


@dataclass
class LookupResult:
    entity_id: int | None
    message: str
    candidates: list[tuple[int, str]] = field(default_factory=list)

    @property
    def player_id(self) -> int | None:
        return self.entity_id


def _result(resolution: Resolved | Ambiguous | NotFound) -> LookupResult:
    if isinstance(resolution, Resolved):
        return LookupResult(resolution.candidate.entity_id, resolution.candidate.name)
    if isinstance(resolution, Ambiguous):
        return LookupResult(None, resolution.message,
                            [(c.entity_id, c.label) for c in resolution.candidates])
    return LookupResult(None, resolution.message)


class Directory:
    def __init__(self) -> None:
        self.players = NameIndex(kind="player")
        self.clubs = NameIndex(kind="club")
        self._lock = threading.Lock()  # refresh runs in a worker thread
        self._last_player = self._last_player_alias = 0
        self._last_club = self._last_club_alias = 0
        self._last_evidence = 0
        self._last_update = datetime(1970, 1, 1, tzinfo=UTC)

    @classmethod
    def load(cls, engine: Engine) -> Directory:
        directory = cls()
        directory.refresh(engine)
        return directory

    def refresh(self, engine: Engine) -> int:
        """Index what was stored since the last call; returns how many rows were added."""
        with self._lock, Session(engine) as session:
            return (self._refresh_clubs(session) + self._refresh_players(session)
                    + self._refresh_stats(session))

    def _refresh_clubs(self, session: Session) -> int:
        clubs = session.exec(select(Club).where(col(Club.id) > self._last_club)
                             .order_by(col(Club.id))).all()
        for club in clubs:
            assert club.id is not None
            self.clubs.add(club.id, club.name, label_suffix=club.league or club.country or None)
            self._last_club = club.id
        aliases = session.exec(select(ClubAlias).where(
            col(ClubAlias.id) > self._last_club_alias).order_by(col(ClubAlias.id))).all()
        for alias in aliases:
            if alias.kind in _CLUB_ALIAS_KINDS and alias.club_id in self.clubs:
                self.clubs.add_alias(alias.club_id, alias.alias)
            self._last_club_alias = alias.id or self._last_club_alias
        return len(clubs) + len(aliases)

    def _refresh_players(self, session: Session) -> int:
        # New players, and stored ones renamed or moved since (ingestion sets updated_at).
        rows = session.exec(select(Player, Club.name).outerjoin(
            Club, col(Club.id) == col(Player.current_club_id))
            .where(or_(col(Player.id) > self._last_player,
                       col(Player.updated_at) > self._last_update))
            .order_by(col(Player.id))).all()
        for player, club_name in rows:
            assert player.id is not None
            known = session.exec(select(PlayerAlias.alias).where(
                PlayerAlias.player_id == player.id)).all() if player.id in self.players else []
            self.players.add(player.id, player.name, tuple(known), label_suffix=club_name)
            self._last_player = max(self._last_player, player.id)
            self._last_update = max(self._last_update, player.updated_at)
        aliases = session.exec(select(PlayerAlias).where(
            col(PlayerAlias.id) > self._last_player_alias).order_by(col(PlayerAlias.id))).all()
        for alias in aliases:
            if alias.player_id in self.players:
                self.players.add_alias(alias.player_id, alias.alias)
            self._last_player_alias = alias.id or self._last_player_alias
        return len(rows) + len(aliases)

    def _refresh_stats(self, session: Session) -> int:
        """Mentions and recency order equally good matches; only players with new evidence."""
        newest = session.exec(select(func.max(Evidence.id))).one() or 0
        if newest <= self._last_evidence:
            return 0
        touched = select(Rumour.player_id).join(Evidence, col(Evidence.rumour_id) == col(
            Rumour.id)).where(col(Evidence.id) > self._last_evidence)
        stats = session.exec(
            select(Rumour.player_id, func.count(col(Evidence.id)), func.max(Rumour.last_seen))
            .join(Evidence, col(Evidence.rumour_id) == col(Rumour.id))
            .where(col(Rumour.player_id).in_(touched)).group_by(col(Rumour.player_id))).all()
        for player_id, mentions, last_seen in stats:
            if player_id in self.players:
                self.players.update_stats(player_id, last_seen=last_seen, mentions=mentions)
        self._last_evidence = newest
        return len(stats)

    def has_player(self, player_id: int) -> bool:
        return player_id in self.players

    def resolve_player(self, query: str) -> LookupResult:
        if not query.strip():
            return LookupResult(None, "Give a player name.")
        return _result(self.players.resolve(query))

    def resolve_club(self, query: str) -> LookupResult:
        if not query.strip():
            return LookupResult(None, "Give a club name.")
        return _result(self.clubs.resolve(query))

    def autocomplete(self, query: str) -> list[tuple[str, str]]:
        return self.players.autocomplete(query)

    def club_autocomplete(self, query: str) -> list[tuple[str, str]]:
        return self.clubs.autocomplete(query)

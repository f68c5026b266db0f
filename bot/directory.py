"""The in-memory name directory: every stored player and club in a NameIndex.

Built from the database once at start-up; `refresh` then adds only the players, aliases and
stats that changed since (rows with higher ids), so an ingest never triggers a full rebuild.
"""

from __future__ import annotations

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


@dataclass
class DirectoryChanges:
    """Rows stored since the last refresh, read in a worker thread, applied in the loop."""

    last_club: int
    last_club_alias: int
    last_player: int
    last_player_alias: int
    last_evidence: int
    last_update: datetime
    clubs: list[tuple[int, str, str | None]] = field(default_factory=list)
    club_aliases: list[tuple[int, str]] = field(default_factory=list)
    players: list[tuple[int, str, tuple[str, ...], str | None]] = field(default_factory=list)
    player_aliases: list[tuple[int, str]] = field(default_factory=list)
    stats: list[tuple[int, datetime, int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return (len(self.clubs) + len(self.club_aliases) + len(self.players)
                + len(self.player_aliases) + len(self.stats))


class Directory:
    def __init__(self) -> None:
        self.players = NameIndex(kind="player")
        self.clubs = NameIndex(kind="club")
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
        return self.apply(self.fetch(engine))

    def fetch(self, engine: Engine) -> DirectoryChanges:
        """Read what changed since the last apply. Only reads: safe in a worker thread while
        the event loop keeps answering lookups from the index."""
        changes = DirectoryChanges(self._last_club, self._last_club_alias, self._last_player,
                                   self._last_player_alias, self._last_evidence,
                                   self._last_update)
        with Session(engine) as session:
            self._fetch_clubs(session, changes)
            self._fetch_players(session, changes)
            self._fetch_stats(session, changes)
        return changes

    def apply(self, changes: DirectoryChanges) -> int:
        """Update the index (call from the thread that serves lookups)."""
        for club_id, name, suffix in changes.clubs:
            self.clubs.add(club_id, name, label_suffix=suffix)
        for club_id, alias in changes.club_aliases:
            if club_id in self.clubs:
                self.clubs.add_alias(club_id, alias)
        for player_id, name, aliases, suffix in changes.players:
            self.players.add(player_id, name, aliases, label_suffix=suffix)
        for player_id, alias in changes.player_aliases:
            if player_id in self.players:
                self.players.add_alias(player_id, alias)
        for player_id, last_seen, mentions in changes.stats:
            if player_id in self.players:
                self.players.update_stats(player_id, last_seen=last_seen, mentions=mentions)
        self._last_club, self._last_club_alias = changes.last_club, changes.last_club_alias
        self._last_player, self._last_player_alias = (changes.last_player,
                                                      changes.last_player_alias)
        self._last_evidence, self._last_update = changes.last_evidence, changes.last_update
        return changes.count

    def _fetch_clubs(self, session: Session, changes: DirectoryChanges) -> None:
        for club in session.exec(select(Club).where(col(Club.id) > changes.last_club)
                                 .order_by(col(Club.id))):
            assert club.id is not None
            changes.clubs.append((club.id, club.name, club.league or club.country or None))
            changes.last_club = club.id
        for alias in session.exec(select(ClubAlias).where(
                col(ClubAlias.id) > changes.last_club_alias).order_by(col(ClubAlias.id))):
            if alias.kind in _CLUB_ALIAS_KINDS:
                changes.club_aliases.append((alias.club_id, alias.alias))
            changes.last_club_alias = alias.id or changes.last_club_alias

    def _fetch_players(self, session: Session, changes: DirectoryChanges) -> None:
        # New players, and stored ones renamed or moved since (ingestion sets updated_at).
        known_before = changes.last_player
        rows = session.exec(select(Player, Club.name).outerjoin(
            Club, col(Club.id) == col(Player.current_club_id))
            .where(or_(col(Player.id) > known_before,
                       col(Player.updated_at) > changes.last_update))
            .order_by(col(Player.id))).all()
        for player, club_name in rows:
            assert player.id is not None
            aliases = tuple(session.exec(select(PlayerAlias.alias).where(
                PlayerAlias.player_id == player.id))) if player.id <= known_before else ()
            changes.players.append((player.id, player.name, aliases, club_name))
            changes.last_player = max(changes.last_player, player.id)
            changes.last_update = max(changes.last_update, player.updated_at)
        for alias in session.exec(select(PlayerAlias).where(
                col(PlayerAlias.id) > changes.last_player_alias).order_by(col(PlayerAlias.id))):
            changes.player_aliases.append((alias.player_id, alias.alias))
            changes.last_player_alias = alias.id or changes.last_player_alias

    def _fetch_stats(self, session: Session, changes: DirectoryChanges) -> None:
        """Mentions and recency order equally good matches; only players with new evidence."""
        newest = session.exec(select(func.max(Evidence.id))).one() or 0
        if newest <= changes.last_evidence:
            return
        touched = select(Rumour.player_id).join(Evidence, col(Evidence.rumour_id) == col(
            Rumour.id)).where(col(Evidence.id) > changes.last_evidence)
        changes.stats.extend(session.exec(
            select(Rumour.player_id, func.max(Rumour.last_seen), func.count(col(Evidence.id)))
            .join(Evidence, col(Evidence.rumour_id) == col(Rumour.id))
            .where(col(Rumour.player_id).in_(touched)).group_by(col(Rumour.player_id))).all())
        changes.last_evidence = newest

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

"""Ingestion: store an article once, store what extraction found in it, record every change.

Each article is one transaction: it is stored with all its facts or not at all. Change events
carry a dedupe key, so the same change arriving again (a syndicated copy, an older article
read later) is recorded once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.articles import ParsedArticle
from bot.domain import EUR_RATES_VERSION, Extraction, FeeFact, LinkFact, Status
from bot.money import format_money
from bot.names.identity import same_player
from bot.text import fold
from db import queries
from db.models import (
    Article,
    ChangeEvent,
    Club,
    Evidence,
    FeeReport,
    Person,
    Player,
    Rumour,
)
from db.session import session_scope
from db.types import utcnow

log = logging.getLogger(__name__)

Extract = Callable[[ParsedArticle], Extraction]


@dataclass(frozen=True)
class ChangeSummary:
    kind: str  # new_link, new_fee, status_change
    player: str
    club: str | None
    detail: str

    def to_json(self) -> dict[str, str | None]:
        return {"kind": self.kind, "player": self.player, "club": self.club,
                "detail": self.detail}

    def __str__(self) -> str:
        target = f" → {self.club}" if self.club else ""
        return f"{self.kind.replace('_', ' ')}: {self.player}{target} ({self.detail})"


@dataclass
class IngestOutcome:
    origin: str
    article_id: int | None = None
    duplicate: bool = False
    changes: list[ChangeSummary] = field(default_factory=list)
    links: int = 0
    fees: int = 0

    def to_json(self) -> dict[str, object]:
        return {"origin": self.origin, "article_id": self.article_id,
                "duplicate": self.duplicate, "links": self.links, "fees": self.fees,
                "changes": [change.to_json() for change in self.changes]}


def _seen_at(published: date | None) -> datetime:
    # A dated article is placed at its publication day so first/last seen follow the story,
    # not the moment we happened to read it.
    if published is None:
        return utcnow()
    return datetime.combine(published, time(12, 0), tzinfo=UTC)


class _ArticleWriter:
    """Writes one article's extraction inside an open session."""

    def __init__(self, session: Session, article: Article, seen_at: datetime) -> None:
        self.session = session
        self.article = article
        self.seen_at = seen_at
        self.not_players = queries.person_names(session)
        self.players: dict[str, Player | None] = {}
        self.evidence: dict[int, Evidence] = {}  # by rumour id
        self.outcome_changes: list[ChangeSummary] = []

    def club(self, name: str | None) -> Club | None:
        if not name:
            return None
        club = queries.club_by_name(self.session, name)
        if club is None:  # extraction only names reference clubs, but admins may add more
            club = Club(name=name, normalized_name=fold(name))
            self.session.add(club)
            self.session.flush()
        return club

    def player(self, name: str, current_club: str | None = None) -> Player | None:
        key = fold(name)
        if key in self.players:
            return self.players[key]
        if not key or key in self.not_players:
            log.info("not storing %r as a player: known non-player", name)
            self.players[key] = None
            return None
        candidates = queries.players_named(self.session, key)
        club = self.club(current_club)
        player = next((p for p in candidates if club and p.current_club_id == club.id), None)
        player = player or (candidates[0] if candidates else None)
        if player is None:
            player = self.same_player_spelled_differently(name, club.id if club else None)
        if player is None:
            player = Player(name=name, normalized_name=key,
                            current_club_id=club.id if club else None)
            self.session.add(player)
            self.session.flush()
        elif club and player.current_club_id is None:
            player.current_club_id = club.id
            player.updated_at = utcnow()
        self.players[key] = player
        return player

    def same_player_spelled_differently(self, name: str, club_id: int | None) -> Player | None:
        """A stored player this name is a variant of ("Koopmeiner", "T. Koopmeiners"), if
        exactly one fits; the variant becomes an alias, and the fuller name the name."""
        words = [w for w in fold(name).split() if len(w) > 1]
        if not words:
            return None
        # Two full names in one article are two people: the extractor told them apart. (A
        # bare surname may still refer to a player named in full earlier in the article.)
        taken = {p.id for p in self.players.values() if p is not None} if len(words) > 1 \
            else set()
        similar = [p for p in queries.players_with_surname_like(self.session, words[-1])
                   if p.id not in taken
                   and same_player(name, p.name, club_id, p.current_club_id)]
        if len(similar) != 1:
            return None
        player = similar[0]
        assert player.id is not None
        if len(fold(name).split()) > len(player.normalized_name.split()):
            queries.add_player_alias(self.session, player.id, player.name)
            player.name, player.normalized_name = name, fold(name)
            player.updated_at = utcnow()
        else:
            queries.add_player_alias(self.session, player.id, name)
        log.info("%r taken as %r, a player already stored", name, player.name)
        return player

    def record(self, event: ChangeEvent, summary: ChangeSummary) -> None:
        if queries.change_exists(self.session, event.dedupe_key):
            return
        event.article_id = self.article.id
        self.session.add(event)
        self.outcome_changes.append(summary)

    def link(self, fact: LinkFact, outlet_id: int | None) -> Rumour | None:
        player = self.player(fact.player, fact.from_club)
        to_club = self.club(fact.to_club)
        if player is None or to_club is None or player.id is None or to_club.id is None:
            return None
        if player.current_club_id == to_club.id:
            return None  # a player cannot be linked with the club he plays for
        from_club = self.club(fact.from_club)
        rumour = queries.rumour_for(self.session, player.id, to_club.id)
        status = Status(fact.status)
        if rumour is None:
            rumour = Rumour(player_id=player.id, to_club_id=to_club.id,
                            from_club_id=from_club.id if from_club else player.current_club_id,
                            status=status, confidence=fact.confidence,
                            first_seen=self.seen_at, last_seen=self.seen_at)
            self.session.add(rumour)
            self.session.flush()
            self.record(ChangeEvent(dedupe_key=f"new_link:{rumour.id}", kind="new_link",
                                    rumour_id=rumour.id, player_id=player.id,
                                    new_status=status),
                        ChangeSummary("new_link", player.name, to_club.name, str(status)))
        else:
            old = Status(rumour.status)
            rumour.first_seen = min(rumour.first_seen, self.seen_at)
            rumour.last_seen = max(rumour.last_seen, self.seen_at)
            rumour.confidence = max(rumour.confidence, fact.confidence)
            if status.rank > old.rank:
                rumour.status = status
                self.record(ChangeEvent(dedupe_key=f"status:{rumour.id}:{status}",
                                        kind="status_change", rumour_id=rumour.id,
                                        player_id=player.id, old_status=old, new_status=status),
                            ChangeSummary("status_change", player.name, to_club.name,
                                          f"{old} → {status}"))
        assert rumour.id is not None and self.article.id is not None
        earlier = self.evidence.get(rumour.id)
        if earlier is not None:  # the same link stated twice in one article: keep the strongest
            if status.rank > Status(earlier.status).rank:
                earlier.status, earlier.sentence = status, fact.evidence
            return rumour
        self.evidence[rumour.id] = Evidence(
            rumour_id=rumour.id, article_id=self.article.id, outlet_id=outlet_id,
            status=status, confidence=fact.confidence, sentence=fact.evidence,
            seen_at=self.seen_at)
        self.session.add(self.evidence[rumour.id])
        return rumour

    def fee(self, fact: FeeFact) -> None:
        player = self.player(fact.player)
        if player is None or player.id is None or self.article.id is None:
            return
        to_club = self.club(fact.to_club)
        rumour = queries.rumour_for(self.session, player.id, to_club.id if to_club else None)
        report = FeeReport(player_id=player.id, rumour_id=rumour.id if rumour else None,
                           article_id=self.article.id, amount=fact.amount,
                           currency=fact.currency, amount_eur=fact.amount_eur,
                           eur_rates_version=EUR_RATES_VERSION, kind=fact.kind,
                           evidence=fact.evidence, seen_at=self.seen_at)
        self.session.add(report)
        self.session.flush()
        club_key = to_club.id if to_club else "-"
        self.record(
            ChangeEvent(dedupe_key=f"new_fee:{player.id}:{club_key}:{fact.kind}:{fact.amount}:"
                                   f"{fact.currency}", kind="new_fee",
                        rumour_id=rumour.id if rumour else None,
                        player_id=player.id, fee_report_id=report.id),
            ChangeSummary("new_fee", player.name, to_club.name if to_club else None,
                          f"{format_money(fact.amount, fact.currency)} {fact.kind}"),
        )

    def person(self, name: str, role: str) -> None:
        key = fold(name)
        if key and key not in self.not_players:
            self.session.add(Person(name=name, normalized_name=key, role=role))
            self.not_players.add(key)


def store_extraction(
    session: Session, parsed: ParsedArticle, extraction: Extraction, origin: str
) -> IngestOutcome:
    """Store one article and its facts in an open session (the caller commits)."""
    outcome = IngestOutcome(origin=origin)
    if queries.article_exists(session, parsed.content_hash, parsed.url):
        outcome.duplicate = True
        return outcome
    article_outlet = queries.outlet_by_domain(session, parsed.url) if parsed.url else None
    if article_outlet is None and parsed.source and not parsed.url:
        article_outlet = queries.outlet_by_name(session, parsed.source)
    article = Article(url=parsed.url, content_hash=parsed.content_hash, title=parsed.title,
                      published=parsed.published or extraction.published,
                      outlet_id=article_outlet.id if article_outlet else None,
                      origin=origin[:2000], text=parsed.text)
    session.add(article)
    session.flush()
    outcome.article_id = article.id
    writer = _ArticleWriter(session, article, _seen_at(article.published))
    for person in extraction.people:  # first, so no person becomes a player below
        writer.person(person.name, person.role)
    for known in extraction.players:
        writer.player(known.name, known.current_club)
    for link in extraction.links:
        credited = next((o for name in link.sources
                         if (o := queries.outlet_by_name(session, name))), None)
        outlet = credited or article_outlet
        if writer.link(link, outlet.id if outlet else None):
            outcome.links += 1
    session.flush()
    seen_fees: set[tuple[str, int, str, str]] = set()
    for fee in extraction.fees:
        key = (fold(fee.player), fee.amount, fee.currency, str(fee.kind))
        if key not in seen_fees:
            seen_fees.add(key)
            writer.fee(fee)
            outcome.fees += 1
    outcome.changes = writer.outcome_changes
    return outcome


def ingest_article(
    engine: Engine, parsed: ParsedArticle, extract: Extract, origin: str
) -> IngestOutcome:
    extraction = extract(parsed)
    with session_scope(engine) as session:
        return store_extraction(session, parsed, extraction, origin)

"""Queries and upserts beside the models: the only place that writes SQL-shaped logic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_
from sqlmodel import Session, col, select

from bot.reference import ReferenceData
from bot.text import fold
from db.models import (
    Article,
    ChangeEvent,
    Club,
    ClubAlias,
    Evidence,
    Feed,
    FeeReport,
    GuildFeed,
    ManualLink,
    Outlet,
    Person,
    Player,
    PlayerAlias,
    Rumour,
)


def sync_reference(session: Session, reference: ReferenceData) -> int:
    """Insert clubs, club aliases, outlets and people that are not stored yet. Idempotent;
    never deletes (admins' additions and stored rumours point at these rows)."""
    added = 0
    clubs = {club.normalized_name: club for club in session.exec(select(Club))}
    known_aliases = {(a.club_id, a.normalized, a.kind) for a in session.exec(select(ClubAlias))}
    for ref in reference.clubs:
        key = fold(ref.name)
        club = clubs.get(key)
        if club is None:
            club = Club(name=ref.name, normalized_name=key, country=ref.country, league=ref.league)
            session.add(club)
            session.flush()
            clubs[key] = club
            added += 1
        assert club.id is not None
        for kind, names in (("alias", ref.aliases), ("nickname", ref.nicknames),
                            ("place", ref.places), ("ground", ref.grounds)):
            for name in names:
                alias_key = (club.id, fold(name), kind)
                if alias_key[1] and alias_key not in known_aliases:
                    session.add(ClubAlias(club_id=club.id, alias=name, normalized=alias_key[1],
                                          kind=kind))
                    known_aliases.add(alias_key)
    outlets = {o.normalized_name for o in session.exec(select(Outlet))}
    for outlet in reference.outlets:
        if fold(outlet.name) not in outlets:
            session.add(Outlet(name=outlet.name, normalized_name=fold(outlet.name),
                               kind=outlet.kind, tier=outlet.tier, domains=list(outlet.domains)))
            outlets.add(fold(outlet.name))
            added += 1
    people = {p.normalized_name for p in session.exec(select(Person))}
    for person in reference.people:
        if fold(person.name) not in people:
            club = clubs.get(fold(person.club)) if person.club else None
            session.add(Person(name=person.name, normalized_name=fold(person.name),
                               role=person.role, club_id=club.id if club else None))
            people.add(fold(person.name))
            added += 1
    session.flush()
    return added


def article_exists(session: Session, content_hash: str, url: str | None) -> Article | None:
    found = session.exec(select(Article).where(Article.content_hash == content_hash)).first()
    if found is None and url:
        found = session.exec(select(Article).where(Article.url == url)).first()
    return found


def club_by_name(session: Session, name: str) -> Club | None:
    key = fold(name)
    club = session.exec(select(Club).where(Club.normalized_name == key)).first()
    if club is None:
        alias = session.exec(
            select(ClubAlias).where(ClubAlias.normalized == key, ClubAlias.kind == "alias")
        ).first()
        club = session.get(Club, alias.club_id) if alias else None
    return club


def outlet_by_name(session: Session, name: str) -> Outlet | None:
    return session.exec(select(Outlet).where(Outlet.normalized_name == fold(name))).first()


def outlet_by_domain(session: Session, url: str) -> Outlet | None:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
    for outlet in session.exec(select(Outlet)):
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet
    return None


def person_names(session: Session) -> set[str]:
    return set(session.exec(select(Person.normalized_name)))


def players_named(session: Session, normalized: str) -> Sequence[Player]:
    direct = session.exec(select(Player).where(Player.normalized_name == normalized)).all()
    if direct:
        return direct
    ids = session.exec(select(PlayerAlias.player_id).where(PlayerAlias.normalized == normalized))
    return [p for pid in ids if (p := session.get(Player, pid)) is not None]


def change_exists(session: Session, dedupe_key: str) -> bool:
    found = session.exec(select(ChangeEvent.id).where(ChangeEvent.dedupe_key == dedupe_key))
    return found.first() is not None


def rumours_of_player(session: Session, player_id: int) -> Sequence[Rumour]:
    return session.exec(
        select(Rumour).where(Rumour.player_id == player_id).order_by(Rumour.last_seen.desc())  # type: ignore[attr-defined]
    ).all()


def rumour_for(session: Session, player_id: int, club_id: int | None) -> Rumour | None:
    if club_id is None:
        return None
    return session.exec(
        select(Rumour).where(Rumour.player_id == player_id, Rumour.to_club_id == club_id)
    ).first()


def evidence_of(session: Session, rumour_ids: Iterable[int]) -> Sequence[Evidence]:
    ids = list(rumour_ids)
    if not ids:
        return []
    return session.exec(select(Evidence).where(Evidence.rumour_id.in_(ids))).all()  # type: ignore[attr-defined]


def fees_of_player(session: Session, player_id: int) -> Sequence[FeeReport]:
    return session.exec(
        select(FeeReport).where(FeeReport.player_id == player_id).order_by(FeeReport.seen_at)  # type: ignore[arg-type]
    ).all()


def count_rows(session: Session, model: type) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def changes_between(session: Session, since: datetime, until: datetime) -> Sequence[ChangeEvent]:
    return session.exec(
        select(ChangeEvent)
        .where(ChangeEvent.created_at > since, ChangeEvent.created_at <= until)
        .order_by(ChangeEvent.created_at, ChangeEvent.id)  # type: ignore[arg-type]
    ).all()


# --- Feeds (bot/feeds.py) -------------------------------------------------------------------


def feed_by_url(session: Session, url: str) -> Feed | None:
    return session.exec(select(Feed).where(Feed.url == url)).first()


def feeds_of_guild(session: Session, guild_id: int) -> Sequence[Feed]:
    return session.exec(
        select(Feed)
        .join(GuildFeed, col(GuildFeed.feed_id) == col(Feed.id))
        .where(GuildFeed.guild_id == guild_id)
        .order_by(col(Feed.id))
    ).all()


def feeds_with_urls(session: Session, urls: Iterable[str]) -> Sequence[Feed]:
    wanted = list(urls)
    if not wanted:
        return []
    return session.exec(select(Feed).where(col(Feed.url).in_(wanted)).order_by(col(Feed.id))).all()


def guild_feed_link(session: Session, guild_id: int, feed_id: int) -> GuildFeed | None:
    return session.exec(
        select(GuildFeed).where(GuildFeed.guild_id == guild_id, GuildFeed.feed_id == feed_id)
    ).first()


def guild_feed_count(session: Session, guild_id: int) -> int:
    found = session.exec(
        select(func.count()).select_from(GuildFeed).where(GuildFeed.guild_id == guild_id)
    )
    return int(found.one())


def due_feed_ids(session: Session, now: datetime, configured_urls: Iterable[str] = ()) -> list[int]:
    """Feeds followed by at least one server (or set in the settings) whose next fetch is due;
    never-fetched feeds first, then the longest overdue."""
    wanted: ColumnElement[bool] = col(Feed.id).in_(select(GuildFeed.feed_id))
    urls = list(configured_urls)
    if urls:
        wanted = or_(wanted, col(Feed.url).in_(urls))
    next_fetch = col(Feed.next_fetch_at)
    rows = session.exec(
        select(Feed.id)
        .where(wanted, or_(next_fetch.is_(None), next_fetch <= now))
        .order_by(next_fetch.is_not(None), next_fetch, col(Feed.id))
    ).all()
    return [feed_id for feed_id in rows if feed_id is not None]


def known_article_urls(session: Session, urls: Iterable[str]) -> set[str]:
    """Which of these URLs are stored articles already."""
    wanted = sorted(set(urls))
    known: set[str] = set()
    for start in range(0, len(wanted), 500):  # keep the IN list short
        chunk = wanted[start : start + 500]
        rows = session.exec(select(Article.url).where(col(Article.url).in_(chunk)))
        known.update(url for url in rows if url is not None)
    return known


def data_stamp(session: Session) -> tuple[object, ...]:
    """Changes whenever anything a player report shows changes: new evidence, fees, change
    events or a moderator's correction. Cheap: four index-backed aggregates."""
    return (
        session.exec(select(func.max(Evidence.id))).one(),
        session.exec(select(func.max(FeeReport.id))).one(),
        session.exec(select(func.max(ChangeEvent.id))).one(),
        session.exec(select(func.max(ManualLink.edited_at))).one(),
    )


def players_with_surname_like(session: Session, surname: str) -> Sequence[Player]:
    """Players whose folded name has a word starting like `surname`: the few candidates a
    misspelt surname could mean (typos are rarely in the first three letters)."""
    stem = surname[:3]
    return session.exec(select(Player).where(or_(
        col(Player.normalized_name).startswith(stem),
        col(Player.normalized_name).contains(f" {stem}"))).limit(200)).all()


def add_player_alias(session: Session, player_id: int, alias: str) -> None:
    key = fold(alias)
    exists = session.exec(select(PlayerAlias.id).where(
        PlayerAlias.player_id == player_id, PlayerAlias.normalized == key)).first()
    if key and exists is None:
        session.add(PlayerAlias(player_id=player_id, alias=alias, normalized=key))

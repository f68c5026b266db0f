"""What `/rumours NAME` and `rumour-bot rumours NAME` show: one player's links, fees, sources.

Built from the database into plain dataclasses, so the CLI, the JSON contract and the Discord
embed all render the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from bot.domain import Status, to_eur
from bot.money import format_money
from db import queries
from db.models import Article, Club, Evidence, FeeReport, ManualLink, Outlet, Player, Rumour

FEE_CONFLICT_RATIO = 1.25  # sources disagree when fees for one link differ by more than 25%
_PRICE_KINDS = {"bid", "fee", "asking"}


@dataclass(frozen=True)
class SourceView:
    outlet: str | None
    tier: int | None
    url: str | None
    title: str | None
    published: str | None
    sentence: str


@dataclass(frozen=True)
class FeeView:
    amount: int
    currency: str
    amount_eur: int
    kind: str
    club: str | None
    seen_at: datetime

    @property
    def text(self) -> str:
        return f"{format_money(self.amount, self.currency)} {self.kind.replace('_', ' ')}"

    def to_json(self) -> dict[str, Any]:
        return {"amount": self.amount, "currency": self.currency, "amount_eur": self.amount_eur,
                "kind": self.kind, "club": self.club, "seen_at": self.seen_at.isoformat()}


@dataclass
class LinkView:
    rumour_id: int
    club: str
    from_club: str | None
    status: str
    first_seen: datetime
    last_seen: datetime
    cold: bool
    sources: list[SourceView] = field(default_factory=list)
    fees: list[FeeView] = field(default_factory=list)
    independent_sources: int = 0
    best_tier: int | None = None
    conflicts: list[str] = field(default_factory=list)

    @property
    def latest_fee(self) -> FeeView | None:
        return self.fees[-1] if self.fees else None

    @property
    def summary(self) -> str:
        """Status and latest fee as fans say it: "£51m bid, rejected", "£45m fee · talks"."""
        status = self.status.replace("_", " ")
        fee = self.latest_fee
        if fee is None:
            return status
        if self.status == fee.kind:
            return fee.text
        if self.status.startswith(fee.kind + "_"):
            return f"{fee.text}, {self.status.split('_', 1)[1].replace('_', ' ')}"
        return f"{fee.text} · {status}"

    def to_json(self) -> dict[str, Any]:
        return {
            "club": self.club, "from_club": self.from_club, "status": self.status,
            "first_seen": self.first_seen.isoformat(), "last_seen": self.last_seen.isoformat(),
            "cold": self.cold, "independent_sources": self.independent_sources,
            "best_tier": self.best_tier, "conflicts": self.conflicts,
            "fees": [fee.to_json() for fee in self.fees],
            "sources": [{"outlet": s.outlet, "tier": s.tier, "url": s.url, "title": s.title,
                         "published": s.published, "evidence": s.sentence}
                        for s in self.sources],
        }


@dataclass
class PlayerReport:
    player_id: int
    name: str
    current_club: str | None
    links: list[LinkView]
    other_fees: list[FeeView]  # asking prices, release clauses, wages not tied to one club
    conflicts: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.player_id, "player": self.name, "current_club": self.current_club,
                "links": [link.to_json() for link in self.links],
                "fees": [fee.to_json() for fee in self.other_fees],
                "conflicts": self.conflicts}


def _club_name(session: Session, club_id: int | None) -> str | None:
    club = session.get(Club, club_id) if club_id else None
    return club.name if club else None


def _fee_view(session: Session, fee: FeeReport) -> FeeView:
    club = None
    if fee.rumour_id:
        rumour = session.get(Rumour, fee.rumour_id)
        club = _club_name(session, rumour.to_club_id) if rumour else None
    return FeeView(fee.amount, fee.currency, fee.amount_eur, fee.kind, club, fee.seen_at)


def _source_view(session: Session, evidence: Evidence) -> tuple[SourceView, int | None]:
    outlet = session.get(Outlet, evidence.outlet_id) if evidence.outlet_id else None
    article = session.get(Article, evidence.article_id)
    view = SourceView(
        outlet=outlet.name if outlet else None, tier=outlet.tier if outlet else None,
        url=article.url if article else None,
        title=(article.title or _opening(article.text)) if article else None,
        published=article.published.isoformat() if article and article.published else None,
        sentence=evidence.sentence)
    return view, evidence.outlet_id


def _opening(text: str, words: int = 10) -> str:
    """An untitled article is named by its first words."""
    head = text.split()[:words]
    return " ".join(head) + ("…" if len(text.split()) > words else "")


def fee_conflict(fees: list[FeeView]) -> str | None:
    prices = [fee.amount_eur for fee in fees if fee.kind in _PRICE_KINDS and fee.amount_eur > 0]
    if len(prices) >= 2 and max(prices) > FEE_CONFLICT_RATIO * min(prices):
        low = min((f for f in fees if f.amount_eur == min(prices)), key=lambda f: f.seen_at)
        high = min((f for f in fees if f.amount_eur == max(prices)), key=lambda f: f.seen_at)
        return f"fees disagree: {low.text} vs {high.text}"
    return None


def build_player_report(
    session: Session, player: Player, now: datetime, cold_after: timedelta,
    guild_id: int | None = None,
) -> PlayerReport:
    assert player.id is not None
    rumours = queries.rumours_of_player(session, player.id)
    evidence = queries.evidence_of(session, [r.id for r in rumours if r.id is not None])
    fees = [_fee_view(session, fee) for fee in queries.fees_of_player(session, player.id)]
    links: list[LinkView] = []
    for rumour in rumours:
        club = _club_name(session, rumour.to_club_id) or "?"
        link = LinkView(rumour_id=rumour.id or 0, club=club,
                        from_club=_club_name(session, rumour.from_club_id),
                        status=rumour.status, first_seen=rumour.first_seen,
                        last_seen=rumour.last_seen, cold=now - rumour.last_seen > cold_after)
        outlets: set[int | None] = set()
        for item in sorted((e for e in evidence if e.rumour_id == rumour.id),
                           key=lambda e: e.seen_at, reverse=True):
            view, outlet_id = _source_view(session, item)
            link.sources.append(view)
            outlets.add(outlet_id)
        # Syndicated copies credit the same outlet: they are one source, not several.
        link.independent_sources = len(outlets)
        tiers = [s.tier for s in link.sources if s.tier is not None]
        link.best_tier = min(tiers) if tiers else None
        link.fees = [fee for fee in fees if fee.club == club]
        if conflict := fee_conflict(link.fees):
            link.conflicts.append(conflict)
        links.append(link)
    if guild_id is not None:
        links = _apply_corrections(session, links, player.id, guild_id)
    agreed = [link.club for link in links
              if Status(link.status).rank >= Status.AGREED.rank
              and link.status not in (Status.DENIED, Status.COLLAPSED)]
    conflicts = [f"agreement reported with {len(agreed)} clubs: {', '.join(agreed)}"] \
        if len(agreed) > 1 else []
    links.sort(key=lambda link: (link.cold, -link.last_seen.timestamp()))
    return PlayerReport(player_id=player.id, name=player.name,
                        current_club=_club_name(session, player.current_club_id), links=links,
                        other_fees=[fee for fee in fees if fee.club is None],
                        conflicts=conflicts)


def render_text(report: PlayerReport) -> str:
    lines = [f"{report.name}" + (f" ({report.current_club})" if report.current_club else "")]
    if not report.links and not report.other_fees:
        lines.append("  no rumours stored yet")
    for link in report.links:
        cold = " [cold]" if link.cold else ""
        tier = f", best tier {link.best_tier}" if link.best_tier else ""
        lines.append(f"  → {link.club}: {link.summary}{cold}")
        lines.append(f"      {link.independent_sources} source(s){tier}; first seen "
                     f"{link.first_seen:%Y-%m-%d}, last seen {link.last_seen:%Y-%m-%d}")
        for source in link.sources:
            name = source.outlet or "unattributed"
            where = source.url or source.title or ""
            lines.append(f"      · {name}" + (f" — {where}" if where else ""))
        lines.extend(f"      ! {conflict}" for conflict in link.conflicts)
    lines.extend(f"  fee: {other.text}" for other in report.other_fees)
    lines.extend(f"  ! {conflict}" for conflict in report.conflicts)
    return "\n".join(lines)


def _apply_corrections(session: Session, links: list[LinkView], player_id: int,
                       guild_id: int) -> list[LinkView]:
    """A server's moderators may add or hide links; only that server sees the result."""
    corrections = session.exec(select(ManualLink).where(
        ManualLink.guild_id == guild_id, ManualLink.player_id == player_id)).all()
    for fix in corrections:
        club = _club_name(session, fix.club_id) or "?"
        links = [link for link in links if link.club != club]
        if fix.hidden:
            continue
        note = SourceView(outlet=fix.source or "server moderators", tier=None, url=None,
                          title="correction by this server's moderators",
                          published=fix.edited_at.date().isoformat(), sentence="")
        fees = [FeeView(fix.fee_amount, fix.fee_currency, to_eur(fix.fee_amount,
                        fix.fee_currency), "fee", club, fix.edited_at)] \
            if fix.fee_amount and fix.fee_currency else []
        links.append(LinkView(rumour_id=0, club=club, from_club=None, status=fix.status,
                              first_seen=fix.edited_at, last_seen=fix.edited_at, cold=False,
                              sources=[note], fees=fees, independent_sources=1))
    return links

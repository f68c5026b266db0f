"""A stored change event, described for people: the row digests and alerts are made of."""

from __future__ import annotations

from sqlmodel import Session, col, select

from bot.digest import ChangeRow
from bot.money import format_money
from db.models import ChangeEvent, Club, Evidence, FeeReport, Outlet, Player, Rumour

UNATTRIBUTED_TIER = 4


def best_tier(session: Session, rumour_id: int | None) -> int:
    if rumour_id is None:
        return UNATTRIBUTED_TIER
    tiers = session.exec(
        select(Outlet.tier).join(Evidence, col(Evidence.outlet_id) == col(Outlet.id))
        .where(Evidence.rumour_id == rumour_id)).all()
    return min(tiers, default=UNATTRIBUTED_TIER)


def _fee_text(fee: FeeReport) -> str:
    return f"{format_money(fee.amount, fee.currency)} {fee.kind.replace('_', ' ')}"


def _previous_fee(session: Session, fee: FeeReport) -> FeeReport | None:
    query = select(FeeReport).where(
        FeeReport.player_id == fee.player_id, FeeReport.kind == fee.kind,
        FeeReport.rumour_id == fee.rumour_id, FeeReport.amount != fee.amount,
        col(FeeReport.seen_at) <= fee.seen_at, col(FeeReport.id) != fee.id,
    ).order_by(col(FeeReport.seen_at).desc(), col(FeeReport.id).desc())
    return session.exec(query).first()


def change_row(session: Session, event: ChangeEvent) -> ChangeRow:
    player = session.get(Player, event.player_id)
    rumour = session.get(Rumour, event.rumour_id) if event.rumour_id else None
    club = session.get(Club, rumour.to_club_id) if rumour else None
    fee = session.get(FeeReport, event.fee_report_id) if event.fee_report_id else None
    previous = _previous_fee(session, fee) if fee else None
    sources = 0
    if rumour is not None:
        outlets = session.exec(select(Evidence.outlet_id).where(
            Evidence.rumour_id == rumour.id)).all()
        sources = len(set(outlets))
    return ChangeRow(
        player=player.name if player else "?", club=club.name if club else None,
        kind=event.kind, created_at=event.created_at, old_status=event.old_status,
        new_status=event.new_status, fee=_fee_text(fee) if fee else None,
        previous_fee=format_money(previous.amount, previous.currency) if previous else None,
        sources=sources, best_tier=best_tier(session, event.rumour_id) if rumour else None,
        player_id=event.player_id, event_id=event.id)

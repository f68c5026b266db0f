"""The engine on short reports written for the tests (tests/extraction/written_articles.py)."""

from __future__ import annotations

import pytest
from written_articles import CASES, CASES_2, CASES_3, CASES_4, CASES_5, Case

from bot.extraction import Extractor


def _key(name: str) -> str:
    from bot.text import fold

    return fold(name)


@pytest.mark.parametrize(
    "case",
    CASES + CASES_2 + CASES_3 + CASES_4 + CASES_5,
    ids=[c.name for c in CASES + CASES_2 + CASES_3 + CASES_4 + CASES_5],
)
def test_written_article(extractor: Extractor, case: Case) -> None:
    result = extractor.extract(case.text)
    links = {(_key(lk.player), lk.to_club): lk for lk in result.links}
    expected = {(_key(p), c) for p, c in case.links}
    assert set(links) == expected, [(lk.player, lk.to_club, lk.evidence) for lk in result.links]
    for (player, club), from_club in case.links.items():
        assert links[(_key(player), club)].from_club == from_club, (player, club)
    for (player, club), status in case.statuses.items():
        assert str(links[(_key(player), club)].status) == status, (player, club)
    for player, club in case.no_links_to:
        assert (_key(player), club) not in links
    fees = {(_key(f.player), f.amount, f.currency): f for f in result.fees}
    for player, amount, currency, kind in case.fees:
        fee = fees.get((_key(player), amount, currency))
        assert fee is not None, (player, amount, currency, result.fees)
        if kind is not None:
            assert str(fee.kind) == kind, (player, amount, fee.kind)
    assert len(fees) == len(case.fees), result.fees
    players = {_key(p.name) for p in result.players} | {_key(lk.player) for lk in result.links}
    for person in case.not_players:
        assert _key(person) not in players
    outlets = {_key(o) for o in result.outlets}
    for outlet in case.outlets:
        assert _key(outlet) in outlets, result.outlets
    if case.published:
        assert result.published is not None and result.published.isoformat() == case.published


def test_links_carry_evidence_and_confidence(extractor: Extractor) -> None:
    for case in CASES:
        for link in extractor.extract(case.text).links:
            assert 0.0 <= link.confidence <= 1.0
            assert (link.evidence and link.evidence in " ".join(case.text.split())) or (
                link.evidence
            )

from __future__ import annotations

import pytest

from bot.domain import Status
from bot.extraction import classify_status
from bot.extraction.status import find_cues


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Arsenal are interested in the winger.", Status.INTEREST),
        ("Liverpool are keen on the Dutchman.", Status.INTEREST),
        ("Juventus lead the race to sign him.", Status.INTEREST),
        ("Chelsea are monitoring his situation.", Status.MONITORING),
        ("Spurs have been keeping tabs on the defender.", Status.MONITORING),
        ("Newcastle have sent scouts to watch him.", Status.MONITORING),
        ("Liverpool have made contact with his agent.", Status.CONTACT),
        ("Liverpool lodged an enquiry for the centre-back.", Status.CONTACT),
        ("United have approached Atalanta about the striker.", Status.CONTACT),
        ("The clubs are in talks over a fee.", Status.TALKS),
        ("Negotiations are ongoing.", Status.TALKS),
        ("Fulham have submitted a bid.", Status.BID),
        ("West Ham tabled a £30m offer.", Status.BID),
        ("Chelsea have had a £30m offer rejected.", Status.BID_REJECTED),
        ("Brighton's bid was turned down.", Status.BID_REJECTED),
        ("Atalanta rejected a bid from Juventus.", Status.BID_REJECTED),
        ("The clubs have agreed a fee.", Status.AGREED),
        ("He has agreed personal terms.", Status.AGREED),
        ("He will undergo a medical on Friday.", Status.MEDICAL),
        ("Villa have completed the signing of the defender.", Status.DONE),
        ("He has joined Sporting Kansas City.", Status.DONE),
        ("Arsenal have denied any interest.", Status.DENIED),
        ("The club have ruled out a move.", Status.DENIED),
        ("The move has collapsed.", Status.COLLAPSED),
        ("Talks broke down over the fee.", Status.COLLAPSED),
    ],
)
def test_status(sentence: str, status: Status) -> None:
    assert classify_status(sentence) is status


def test_terminal_outcomes_win() -> None:
    assert classify_status("Talks were advanced but the deal collapsed.") is Status.COLLAPSED
    assert Status.strongest([Status.BID, Status.DENIED]) is Status.DENIED


def test_negated_stage_is_not_stated() -> None:
    assert classify_status("A fee is yet to be agreed.") is None
    assert classify_status("No bid has been made yet.") is not Status.BID


def test_no_status_in_plain_prose() -> None:
    assert classify_status("He scored 15 goals in 46 games this season.") is None
    assert classify_status("Luke Shaw's injury shows no sign of easing.") is None


def test_contract_offer_to_the_player_is_talks() -> None:
    assert classify_status("Al Nassr have offered him a three-year contract.") is Status.TALKS


def test_cue_positions() -> None:
    text = "Liverpool are keen but Chelsea have submitted a bid."
    cues = find_cues(text)
    assert cues[0].status is Status.INTEREST and text[cues[0].start : cues[0].end] == "keen"
    bids = [c for c in cues if c.status is Status.BID]
    assert bids and all(c.start > text.index("Chelsea") for c in bids)


def test_word_start_dispatch_finds_what_a_full_scan_finds() -> None:
    """find_cues_at (patterns tried only where their first letters are) == find_cues."""
    import re
    from pathlib import Path

    from written_articles import CASES, CASES_2, CASES_3, CASES_4

    from bot.extraction.status import find_cues_at

    texts = [c.text for c in CASES + CASES_2 + CASES_3 + CASES_4]
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    for text in texts:
        starts = [(m.start(), len(text)) for m in re.finditer(r"(?<![A-Za-z])[A-Za-z]", text)]
        assert find_cues_at(text, starts) == find_cues(text)

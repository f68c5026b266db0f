# ruff: noqa: E501  (article paragraphs are single long lines, as scraped pages give them)
"""What a club mention means depends on the words around it: rules written for reports composed
for these tests (no text copied from elsewhere)."""

from __future__ import annotations

import dataclasses

import pytest
from test_general_rules import _check
from written_articles import Case

from bot.extraction import Extractor
from bot.reference import PersonRef, ReferenceData

# What follows a club is about that club only up to the next club named: "a target for
# Arsenal, with Brentford demanding £80m" makes Brentford the seller, not Arsenal.
NEXT_CLUB_ENDS_THE_WINDOW = [
    Case(
        "suitor_then_seller_demanding_a_price",
        """Date: 2023-06-02

Ivan Toney is a target for Arsenal and Chelsea, with Brentford demanding £80m for the striker.""",
        links={("Ivan Toney", "Arsenal"): "Brentford", ("Ivan Toney", "Chelsea"): "Brentford"},
        no_links_to=(("Ivan Toney", "Brentford"),),
        fees=[("Ivan Toney", 80_000_000, "GBP", "asking")],
    ),
    Case(
        "suitor_but_seller_holding_out",
        """Date: 2022-01-14

Aston Villa want Yves Bissouma, but Brighton are holding out for £40m in the January window.""",
        links={("Yves Bissouma", "Aston Villa"): "Brighton & Hove Albion"},
        no_links_to=(("Yves Bissouma", "Brighton & Hove Albion"),),
        fees=[("Yves Bissouma", 40_000_000, "GBP", "asking")],
    ),
]

# "who joined Brentford in 2020", "since signing for Leeds": a relative or time clause about
# his past names his club, never a new move.
BACKGROUND_CLAUSES = [
    Case(
        "who_joined_club_from_another",
        """Date: 2023-06-02

Ivan Toney, who joined Brentford from Peterborough United in 2020, is wanted by Arsenal.""",
        links={("Ivan Toney", "Arsenal"): "Brentford"},
        no_links_to=(("Ivan Toney", "Brentford"), ("Ivan Toney", "Peterborough United")),
    ),
    Case(
        "goals_since_joining_club",
        """Date: 2021-08-09

Leeds have rejected a first offer from Bayern Munich for Raphinha, who has scored 17 goals since joining the club, and Leeds United fans hope he stays. Barcelona are also monitoring the winger, who has been outstanding since signing for Leeds United.""",
        links={("Raphinha", "Bayern Munich"): None, ("Raphinha", "Barcelona"): None},
        no_links_to=(("Raphinha", "Leeds United"),),
    ),
]

# "the Brentford squad", "his Brentford contract": the player's own club; "would walk into the
# Arsenal first team" is a suitor's.
OWN_SQUAD = [
    Case(
        "left_out_of_the_squad",
        """Date: 2023-01-20

Chelsea target Mykhailo Mudryk has been left out of the Shakhtar Donetsk squad for Sunday's friendly.""",
        links={("Mykhailo Mudryk", "Chelsea"): None},
        no_links_to=(("Mykhailo Mudryk", "Shakhtar Donetsk"),),
    ),
    Case(
        "year_left_on_his_contract",
        """Date: 2024-02-02

Newcastle are keen on Jarrad Branthwaite, who has two years left on his Everton contract and trained with the Everton first team on Thursday.""",
        links={("Jarrad Branthwaite", "Newcastle United"): "Everton"},
        no_links_to=(("Jarrad Branthwaite", "Everton"),),
    ),
]

ALL = NEXT_CLUB_ENDS_THE_WINDOW + BACKGROUND_CLAUSES + OWN_SQUAD


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_club_context_rule(extractor: Extractor, case: Case) -> None:
    _check(extractor, case)


def test_suitor_first_team_is_not_the_players_club(extractor: Extractor) -> None:
    text = "Date: 2024-02-02\n\nWest Ham want Everton defender Jarrad Branthwaite, who would walk into the West Ham first team."
    clubs = {lk.to_club for lk in extractor.extract(text).links}
    assert clubs == {"West Ham United"}


# A manager the reference data lists may have been a player when an older article was written.
_ARTICLE_2010 = """Date: 2010-07-01

Arsenal are weighing up a move for Everton midfielder Mikel Arteta, according to reports."""
_ARTICLE_2024 = """Date: 2024-07-01

Arsenal boss Mikel Arteta wants Brentford striker Ivan Toney, according to reports."""


def _with_person(reference: ReferenceData, person: PersonRef) -> Extractor:
    people = [p for p in reference.people if p.name != person.name] + [person]
    return Extractor(dataclasses.replace(reference, people=people))


@pytest.mark.parametrize("player_until", [None, 2016])
def test_position_title_outweighs_todays_job(
    reference: ReferenceData, player_until: int | None
) -> None:
    extractor = _with_person(
        reference, PersonRef("Mikel Arteta", "manager", "Arsenal", ("Arteta",), player_until)
    )
    links = extractor.extract(_ARTICLE_2010).links
    assert [(lk.player, lk.to_club, lk.from_club) for lk in links] == [
        ("Mikel Arteta", "Arsenal", "Everton")
    ]


def test_playing_days_from_reference_data(reference: ReferenceData) -> None:
    text = """Date: 2010-07-01

Arsenal are keen on Mikel Arteta. The Everton midfielder has two years left on his deal."""
    staff = _with_person(reference, PersonRef("Mikel Arteta", "manager", "Arsenal", ("Arteta",)))
    former = _with_person(
        reference, PersonRef("Mikel Arteta", "manager", "Arsenal", ("Arteta",), 2016)
    )
    assert staff.extract(text).links == []
    assert [lk.to_club for lk in former.extract(text).links] == ["Arsenal"]
    # in his managing days the same data keeps him off the player list
    result = former.extract(_ARTICLE_2024)
    assert [(lk.player, lk.to_club) for lk in result.links] == [("Ivan Toney", "Arsenal")]
    assert "Mikel Arteta" in [p.name for p in result.people]
    assert "Mikel Arteta" not in [p.name for p in result.players]

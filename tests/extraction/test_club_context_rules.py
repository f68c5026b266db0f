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

# Stage words real reports use: "close to a £21m deal", "exploring a loan", "complete the
# season-long loan", "activated X's release clause".
STAGE_PHRASES = [
    Case(
        "close_to_a_figure_deal",
        """Date: 2024-08-20

Fulham are close to a £27m deal for Lyon midfielder Orel Mangala, 26, after talks on Monday.""",
        links={("Orel Mangala", "Fulham"): None},
        statuses={("Orel Mangala", "Fulham"): "talks"},
        fees=[("Orel Mangala", 27_000_000, "GBP", None)],
    ),
    Case(
        "exploring_a_loan_and_completing_one",
        """Date: 2023-08-30

Sevilla are exploring a loan for Manchester United goalkeeper Dean Henderson. Nottingham Forest, meanwhile, complete the season-long loan of Chelsea forward Callum Hudson-Odoi.""",
        links={
            ("Dean Henderson", "Sevilla"): "Manchester United",
            ("Callum Hudson-Odoi", "Nottingham Forest"): "Chelsea",
        },
        statuses={("Callum Hudson-Odoi", "Nottingham Forest"): "done"},
        no_links_to=(("Dean Henderson", "Manchester United"), ("Callum Hudson-Odoi", "Chelsea")),
    ),
    Case(
        "release_clause_activated_by_buyer",
        """Date: 2022-07-04

Barcelona have activated Raphael Varane's release clause, while Villarreal triggered the release clause of Pau Torres hours later.""",
        links={("Raphael Varane", "Barcelona"): None, ("Pau Torres", "Villarreal"): None},
    ),
]

# A figure's kind from the words around it: a seller "wanting £90m" names a price; "who cost
# £19m" is what was paid once.
FEE_WORDS = [
    Case(
        "seller_wanting_a_figure",
        """Date: 2019-07-01

Manchester United have tabled a £50m offer for Harry Maguire, with Leicester wanting £90m for the England defender.""",
        links={("Harry Maguire", "Manchester United"): "Leicester City"},
        no_links_to=(("Harry Maguire", "Leicester City"),),
        fees=[("Harry Maguire", 50_000_000, "GBP", "bid"), ("Harry Maguire", 90_000_000, "GBP", "asking")],
    ),
    Case(
        "who_cost_the_club_a_figure",
        """Date: 2023-07-01

Tottenham want Dominic Solanke, who cost Bournemouth £19m, and the striker is open to a move.""",
        links={("Dominic Solanke", "Tottenham Hotspur"): "Bournemouth"},
        no_links_to=(("Dominic Solanke", "Bournemouth"),),
        fees=[("Dominic Solanke", 19_000_000, "GBP", "fee")],
    ),
]

# A possessive single name opening a sentence is a name, not a capitalised word.
OPENING_POSSESSIVE = [
    Case(
        "mononym_possessive_opens_the_report",
        """Date: 2017-08-03

Coutinho's £130m price tag has not put Barcelona off, and Liverpool are braced for a third bid.""",
        fees=[("Coutinho", 130_000_000, "GBP", "asking")],
    ),
]

# "The Blues made their interest clear, as they submitted a failed bid": the clause that goes on
# by pronoun still speaks of that club, so its stage counts.
PRONOUN_CLAUSES = [
    Case(
        "failed_bid_in_a_they_clause",
        """Date: 2024-05-02

Napoli want Brighton midfielder Joao Pedro. Everton made their interest in the Brazilian known in January, and they saw a failed bid for him knocked back.""",
        links={("Joao Pedro", "Napoli"): "Brighton & Hove Albion", ("Joao Pedro", "Everton"): "Brighton & Hove Albion"},
        statuses={("Joao Pedro", "Everton"): "bid_rejected"},
    ),
]

# "[club] [position] [name]" is his club even right after "to": "turns his attention to Lyon
# striker X" makes Lyon the seller and the attention the manager's club's.
CLUB_POSITION_AFTER_TO = [
    Case(
        "attention_to_club_striker",
        """Date: 2017-06-20

Everton have turned their attention to Swansea midfielder Gylfi Sigurdsson after missing out on Davy Klaassen.""",
        links={("Gylfi Sigurdsson", "Everton"): "Swansea City"},
        no_links_to=(("Gylfi Sigurdsson", "Swansea City"),),
    ),
    Case(
        "attention_to_club_possessive_player",
        """Date: 2021-08-25

West Ham have switched their attention to Wolves' Ruben Neves after missing out on other targets.""",
        links={("Ruben Neves", "West Ham United"): "Wolverhampton Wanderers"},
        no_links_to=(("Ruben Neves", "Wolverhampton Wanderers"),),
    ),
]

# The seller's side of a story: "continue to resist offers for X", "could lose X, with A and B
# attentive".
SELLER_RESISTS = [
    Case(
        "resists_offers_and_could_lose",
        """Date: 2018-05-14

Benfica continue to resist offers for Ruben Dias. Ajax could lose Frenkie de Jong this summer, with Barcelona and Paris Saint-Germain attentive.""",
        links={
            ("Frenkie de Jong", "Barcelona"): "Ajax",
            ("Frenkie de Jong", "Paris Saint-Germain"): "Ajax",
        },
        no_links_to=(("Ruben Dias", "Benfica"), ("Frenkie de Jong", "Ajax")),
    ),
]

# Round-up columns: each item ends with its source in brackets and stands alone; "choose X over
# Y" links both; a manager who "has made X his top target" speaks for his club.
ROUND_UP_ITEMS = [
    Case(
        "round_up_items_do_not_borrow_clubs",
        """Date: 2012-06-20

Napoli president Aurelio De Laurentiis wants Udinese winger Mauricio Isla. (Gazzetta dello Sport)

Villa also want Swansea's Scott Sinclair, but Swansea want £8m. (Mirror)

Fulham striker Clint Dempsey is set to choose Liverpool over Aston Villa. (Times)

Newcastle boss Alan Pardew has made Montpellier's Mathieu Debuchy his top target. (Sun)""",
        links={
            ("Clint Dempsey", "Liverpool"): "Fulham",
            ("Clint Dempsey", "Aston Villa"): "Fulham",
            ("Mathieu Debuchy", "Newcastle United"): "Montpellier",
        },
        no_links_to=(("Scott Sinclair", "Napoli"),),
        not_players=("Alan Pardew",),
        fees=[("Scott Sinclair", 8_000_000, "GBP", "asking")],
    ),
    Case(
        "round_up_figure_without_a_player_stays_in_its_item",
        """Date: 2010-01-12

Wolves manager Mick McCarthy is chasing Blackburn's Chris Samba. (Express & Star)

Bolton have made an £8m offer for Burnley boss Owen Coyle's former Celtic team-mate. (Daily Record)""",
        links={("Chris Samba", "Wolverhampton Wanderers"): "Blackburn Rovers"},
        not_players=("Mick McCarthy", "Owen Coyle"),
    ),
]

# A player whose surname is also a club's one-word name: "Antonio Valencia", "Bruno Guimaraes".
NAMES_WITH_CLUB_WORDS = [
    Case(
        "surname_is_a_club_name",
        """Date: 2010-08-02

Fulham want Real Betis midfielder Pedro Valencia, and Tottenham have agreed a fee with Porto for Joao Moutinho. Pedro Valencia is open to the move.""",
        links={("Pedro Valencia", "Fulham"): "Real Betis", ("Joao Moutinho", "Tottenham Hotspur"): None},
        no_links_to=(("Pedro Valencia", "Valencia"),),
    ),
]

# "X remains [manager]'s big wish", "X has emerged as [manager]'s first choice": the manager
# speaks for his club; "[club]'s priority is the right-back position" names no player.
MANAGER_WISH = [
    Case(
        "player_is_the_managers_big_wish",
        """Date: 2021-06-10

Manchester United boss Ole Gunnar Solskjaer is keen to add a winger. Jadon Sancho remains Solskjaer's big wish, and Borussia Dortmund want £77m.""",
        links={("Jadon Sancho", "Manchester United"): None},
        no_links_to=(("Jadon Sancho", "Borussia Dortmund"),),
        not_players=("Ole Gunnar Solskjaer",),
        fees=[("Jadon Sancho", 77_000_000, "GBP", "asking")],
    ),
]

# A one-word name opening a sentence ("Jovic, who arrived...", "Neymar, meanwhile, has told
# PSG...") is a person; the club he "has told" is his own; "X of Ajax" names his club; a club that
# "does not want to hear about a sale" is the seller.
OPENING_NAMES_AND_OWN_CLUB = [
    Case(
        "opening_mononym_then_description",
        """Date: 2019-06-12

Bayern Munich have signed Lucas Hernandez from Atletico Madrid.

Coutinho, who arrived from Liverpool for a club-record fee, could leave Barcelona. The Brazilian playmaker is wanted by Arsenal.""",
        links={("Coutinho", "Arsenal"): None},
        no_links_to=(("Lucas Hernandez", "Arsenal"),),
    ),
    Case(
        "told_his_club_he_wants_to_go",
        """Date: 2019-06-12

Rodrigo, meanwhile, has told Valencia he wants to join Atletico Madrid. Antoine Griezmann has informed Atletico Madrid he wants to join Barcelona.""",
        links={("Rodrigo", "Atletico Madrid"): "Valencia", ("Antoine Griezmann", "Barcelona"): "Atletico Madrid"},
        no_links_to=(("Rodrigo", "Valencia"), ("Antoine Griezmann", "Atletico Madrid")),
    ),
    Case(
        "player_of_club_and_seller_unwilling",
        """Date: 2019-06-12

Tottenham are keeping an eye on Matthijs de Ligt of Ajax. Manchester United are keen on Bruno Fernandes, but Sporting do not want to hear about a sale this summer.""",
        links={("Matthijs de Ligt", "Tottenham Hotspur"): "Ajax", ("Bruno Fernandes", "Manchester United"): "Sporting CP"},
        no_links_to=(("Matthijs de Ligt", "Ajax"), ("Bruno Fernandes", "Sporting CP")),
    ),
]

# A club's own contract offer, a club that "received" a bid, the buyer "will pay the release
# clause", "their X replacement", "wants to keep" and a contrast clause that opens a new subject.
OWN_CLUB_AND_KEEPING = [
    Case(
        "contract_offer_received_bid_and_paying_the_clause",
        """Date: 2011-07-03

Wolves are keen on Steven Fletcher, who has rejected Burnley's latest offer of around £15,000 a week. Porto received the notification from Chelsea that the London club will pay the release clause of €40m of Radamel Falcao.""",
        links={("Steven Fletcher", "Wolverhampton Wanderers"): "Burnley", ("Radamel Falcao", "Chelsea"): "Porto"},
        no_links_to=(("Steven Fletcher", "Burnley"), ("Radamel Falcao", "Porto")),
        fees=[("Steven Fletcher", 15_000, "GBP", "wage"), ("Radamel Falcao", 40_000_000, "EUR", "release_clause")],
    ),
    Case(
        "replacement_and_keeping",
        """Date: 2014-07-03

Arsenal are looking at Schalke's Julian Draxler as their Mesut Ozil replacement. Lukas Podolski has been linked with Galatasaray, but Arsene Wenger wants to keep the Germany forward.""",
        links={("Julian Draxler", "Arsenal"): "Schalke", ("Lukas Podolski", "Galatasaray"): None},
        no_links_to=(("Mesut Ozil", "Arsenal"), ("Lukas Podolski", "Arsenal")),
        not_players=("Arsene Wenger",),
    ),
]

# "X, a free agent after leaving Y," is a player; "Sources have told 90min the Gunners..." does
# not make Arsenal his club; names in an upper-case list line keep their club-like surnames.
FREE_AGENTS_AND_LISTS = [
    Case(
        "free_agent_weighing_offers",
        """Date: 2013-07-05

Joe Cole, a free agent after leaving Liverpool, is weighing up offers from West Ham and Aston Villa. (Mirror)

Sources have told Sky Sports the Toffees are prepared to pay £15m for Wigan's James McCarthy.

TARGETS: Bruno Guimaraes, Dan Burn""",
        links={
            ("Joe Cole", "West Ham United"): "Liverpool",
            ("Joe Cole", "Aston Villa"): "Liverpool",
            ("James McCarthy", "Everton"): "Wigan Athletic",
        },
        no_links_to=(("Bruno Guimaraes", "Vitoria Guimaraes"),),
        fees=[("James McCarthy", 15_000_000, "GBP", "bid")],
    ),
]

# Figures: "an opening bid of 58 million" after "66 million euros" keeps the currency; "raised
# their bid to £15m" is a bid, not fund-raising; "Sterling (£49m) and Delph" is Sterling's figure.
# "admired by the Villa manager" (no name after the job) is the club's interest.
FIGURES_IN_CONTEXT = [
    Case(
        "bare_amount_raised_bid_and_bracket",
        """Date: 2015-08-21

Chelsea have made an offer of 40 million euros for Atletico Madrid striker Diego Costa, after Atletico rejected an opening bid of 32 million last week. Newcastle have raised their bid to £12million for Southampton midfielder Morgan Schneiderlin. The club have already spent heavily on Nemanja Matic (£21m) and Willian.""",
        links={("Diego Costa", "Chelsea"): "Atletico Madrid", ("Morgan Schneiderlin", "Newcastle United"): "Southampton"},
        fees=[
            ("Diego Costa", 40_000_000, "EUR", "bid"),
            ("Diego Costa", 32_000_000, "EUR", "bid"),
            ("Morgan Schneiderlin", 12_000_000, "GBP", "bid"),
            ("Nemanja Matic", 21_000_000, "GBP", None),
        ],
    ),
    Case(
        "admired_by_the_clubs_manager",
        """Date: 2008-07-21

Blackburn winger David Bentley is admired by the Tottenham manager, and Newcastle boss Kevin Keegan wants Bolton striker Kevin Davies.""",
        links={("David Bentley", "Tottenham Hotspur"): "Blackburn Rovers", ("Kevin Davies", "Newcastle United"): "Bolton Wanderers"},
        not_players=("Kevin Keegan",),
    ),
]

# "Barcelona, who sold Neymar to PSG for €222m, are considering a move for Dembele": the relative
# clause is about another player; the club's own predicate follows it.
RELATIVE_CLAUSE_AFTER_CLUB = [
    Case(
        "club_who_sold_someone_now_pursues_another",
        """Date: 2019-08-02

Juventus, who sold Leonardo Bonucci to AC Milan for €42m, are also considering a move for Ajax defender Matthijs de Ligt, who has been told he can leave.""",
        links={("Leonardo Bonucci", "AC Milan"): "Juventus", ("Matthijs de Ligt", "Juventus"): "Ajax"},
        no_links_to=(("Leonardo Bonucci", "Juventus"),),
        fees=[("Leonardo Bonucci", 42_000_000, "EUR", "fee")],
    ),
]

# "face competition from A, B and C": every listed club is a suitor of the story's player;
# "has been told he can sign X" speaks for the manager's club.
LISTS_OF_SUITORS = [
    Case(
        "competition_from_a_list_of_clubs",
        """Date: 2021-01-18

Juventus are weighing up a summer swoop for Dusan Vlahovic. The Old Lady face competition from Arsenal, Tottenham and Atletico Madrid.

Everton boss Carlo Ancelotti has been told he can sign Ben Godfrey from Norwich.""",
        links={
            ("Dusan Vlahovic", "Juventus"): None,
            ("Dusan Vlahovic", "Arsenal"): None,
            ("Dusan Vlahovic", "Tottenham Hotspur"): None,
            ("Dusan Vlahovic", "Atletico Madrid"): None,
            ("Ben Godfrey", "Everton"): "Norwich City",
        },
        not_players=("Carlo Ancelotti",),
    ),
]


def test_comma_between_clauses_is_not_a_list(extractor: Extractor) -> None:
    text = "Date: 2023-07-18\n\nIf Mbappe does join Al Hilal, PSG will go even bigger for Harry Kane."
    links = {lk.to_club for lk in extractor.extract(text).links if lk.player == "Harry Kane"}
    assert links == {"Paris Saint-Germain"}


# "X is set to join A. B had also been interested but ...": another suitor of the same player;
# "If X goes, the manager could move for Y"; a quote opening with a verb is no name.
FOLLOW_UP_SUITORS = [
    Case(
        "also_interested_next_sentence_and_could_move_for",
        """Date: 2013-08-30

Mesut Ozil is set to join Arsenal after Real Madrid accepted a £42.5m offer. Bayern Munich had also been interested but refused to pay that much.

If Ozil goes, Real Madrid boss Carlo Ancelotti could move for Tottenham winger Gareth Bale.

Jamie Carragher told Sky Sports: "Signing Mesut is a statement from Arsene Wenger." """,
        links={
            ("Mesut Ozil", "Arsenal"): "Real Madrid",
            ("Mesut Ozil", "Bayern Munich"): "Real Madrid",
            ("Gareth Bale", "Real Madrid"): "Tottenham Hotspur",
        },
        not_players=("Carlo Ancelotti", "Arsene Wenger"),
        fees=[("Mesut Ozil", 42_500_000, "GBP", "bid")],
    ),
]

# "The former Real Madrid striker" names an old club, not his current one; an agent "in London to
# complete the deal" is not a completed deal.
FORMER_AND_INTENT = [
    Case(
        "former_club_description_and_intent_to_complete",
        """Date: 2016-07-20

Juventus have completed the signing of Gonzalo Higuain from Napoli. The former Real Madrid striker will have a medical tomorrow.

Mino Raiola is in London to complete the deal that would take Paul Pogba to Manchester United.""",
        links={("Gonzalo Higuain", "Juventus"): "Napoli", ("Paul Pogba", "Manchester United"): None},
        statuses={("Gonzalo Higuain", "Juventus"): "done"},
        no_links_to=(("Gonzalo Higuain", "Real Madrid"),),
    ),
]


def test_intent_to_complete_is_not_done(extractor: Extractor) -> None:
    text = "Date: 2016-07-20\n\nMino Raiola is in London to complete the deal that would take Paul Pogba to Manchester United."
    assert [str(lk.status) for lk in extractor.extract(text).links] != ["done"]


# "could finance the deal by selling X" makes the club his; "the England record goalscorer" is a
# player description; "United are also keen, but Ten Hag's side..." is another suitor.
SELLING_AND_DESCRIPTIONS = [
    Case(
        "selling_to_fund_and_record_goalscorer",
        """Date: 2023-03-15

Bayern Munich have put Tottenham captain Harry Kane at the top of their list. Spurs chairman Daniel Levy is demanding £100m for the England record goalscorer. Manchester United are also keen, but Erik ten Hag's side are reluctant to pay that price.

Bayern could finance the deal by selling Sadio Mane. Chelsea are monitoring the forward.""",
        links={
            ("Harry Kane", "Bayern Munich"): "Tottenham Hotspur",
            ("Harry Kane", "Manchester United"): "Tottenham Hotspur",
            ("Sadio Mane", "Chelsea"): "Bayern Munich",
        },
        not_players=("Daniel Levy", "Erik ten Hag"),
        fees=[("Harry Kane", 100_000_000, "GBP", "asking")],
    ),
]

# A fixture ("Sunday's opener at Sheffield Wednesday") is no destination; a club "prepared for
# life without X" or holding a sell-on clause is selling; a headline "A open X talks as B miss
# out on Y" holds two stories.
FIXTURES_SELLERS_HEADLINES = [
    Case(
        "fixture_sell_on_and_two_story_headline",
        """Date: 2016-08-01

Lazio open Milinkovic-Savic talks as Roma miss out on Kessie

Aston Villa have won the race for Fulham striker Ross McCormack. He will miss Sunday's opener at Sheffield Wednesday. Fulham are prepared for life without McCormack and also hold a sell-on clause.""",
        links={("Ross McCormack", "Aston Villa"): "Fulham"},
        no_links_to=(
            ("Ross McCormack", "Sheffield Wednesday"),
            ("Ross McCormack", "Fulham"),
            ("Franck Kessie", "Lazio"),
            ("Sergej Milinkovic-Savic", "Roma"),
        ),
    ),
]


def test_contraction_is_not_a_name(extractor: Extractor) -> None:
    text = 'Date: 2024-08-01\n\nAlexander Isak is wanted by Liverpool. Shearer said: "If I\'m Newcastle, I keep him."'
    assert "I'm" not in [p.name for p in extractor.extract(text).players]


# Phrases naming a player's own club: "an offer of €140m to Napoli for the Nigerian", "voted Ajax
# player of the season", "he belongs to Tottenham", "He is a Newcastle player", "not on the market".
OWN_CLUB_PHRASES = [
    Case(
        "own_club_phrases",
        """Date: 2023-07-10

Al Hilal have presented an offer of 140 million euros to Napoli for Khvicha Kvaratskhelia, but Aurelio De Laurentiis has said no.

Ajax and Tottenham have agreed a fee for Mohammed Kudus, who was voted Ajax player of the season. Guardiola said of Jack Grealish: "He belongs to Aston Villa." Eddie Howe said of Alexander Isak: "He is a Newcastle player." Milan are facing questions over Rafael Leao, whom Chelsea want, but Paolo Maldini said Leao is not on the market.""",
        links={
            ("Khvicha Kvaratskhelia", "Al Hilal"): "Napoli",
            ("Mohammed Kudus", "Tottenham Hotspur"): "Ajax",
            ("Rafael Leao", "Chelsea"): None,
        },
        no_links_to=(
            ("Khvicha Kvaratskhelia", "Napoli"),
            ("Mohammed Kudus", "Ajax"),
            ("Jack Grealish", "Aston Villa"),
            ("Alexander Isak", "Newcastle United"),
            ("Rafael Leao", "AC Milan"),
        ),
        not_players=("Aurelio De Laurentiis", "Paolo Maldini"),
        fees=[("Khvicha Kvaratskhelia", 140_000_000, "EUR", "bid")],
    ),
]

ALL = (
    NEXT_CLUB_ENDS_THE_WINDOW
    + BACKGROUND_CLAUSES
    + OWN_SQUAD
    + STAGE_PHRASES
    + FEE_WORDS
    + OPENING_POSSESSIVE
    + PRONOUN_CLAUSES
    + CLUB_POSITION_AFTER_TO
    + ROUND_UP_ITEMS
    + NAMES_WITH_CLUB_WORDS
    + SELLER_RESISTS
    + MANAGER_WISH
    + OPENING_NAMES_AND_OWN_CLUB
    + OWN_CLUB_AND_KEEPING
    + FREE_AGENTS_AND_LISTS
    + FIGURES_IN_CONTEXT
    + RELATIVE_CLAUSE_AFTER_CLUB
    + LISTS_OF_SUITORS
    + FOLLOW_UP_SUITORS
    + FORMER_AND_INTENT
    + SELLING_AND_DESCRIPTIONS
    + FIXTURES_SELLERS_HEADLINES
    + OWN_CLUB_PHRASES
)


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


@pytest.mark.parametrize("word", ["Russians", "British", "Catalans", "Geordies"])
def test_demonyms_are_not_players(extractor: Extractor, word: str) -> None:
    text = f"Date: 2010-06-01\n\nZenit want Celtic winger Aiden McGeady, and the move suits everyone. {word} have been told the fee is £9m, and {word} will decide."
    result = extractor.extract(text)
    assert word not in [p.name for p in result.players]
    assert {f.player for f in result.fees} <= {"Aiden McGeady"}


def test_quoted_verb_is_not_part_of_a_name(extractor: Extractor) -> None:
    text = 'Date: 2012-08-10\n\nIan Wright told BBC Radio 5 Live: "Selling Robin to Manchester United is a disaster."'
    assert all(not p.name.startswith("Selling") for p in extractor.extract(text).players)


def test_mojibake_is_repaired_before_reading(extractor: Extractor) -> None:
    # UTF-8 bytes read as cp1252, as scraped pages often are
    text = "Date: 2022-06-01\n\n" + (
        "Liverpool’s Sadio Mané is wanted by Bayern Munich, who would pay €35m."
    ).encode().decode("cp1252")
    assert "â€™" in text
    result = extractor.extract(text)
    assert [(lk.player, lk.to_club, lk.from_club) for lk in result.links] == [
        ("Sadio Mané", "Bayern Munich", "Liverpool")
    ]
    assert [(f.player, f.amount, f.currency) for f in result.fees] == [("Sadio Mané", 35_000_000, "EUR")]


def test_staff_job_sentence_does_not_continue_a_players_story(extractor: Extractor) -> None:
    text = (
        "Date: 2019-06-01\n\nManchester United want Harry Maguire. Mark Dempsey, a youth coach at "
        "Manchester United, has also been linked with a role at Leicester."
    )
    result = extractor.extract(text)
    assert [(lk.player, lk.to_club) for lk in result.links] == [("Harry Maguire", "Manchester United")]
    assert "Mark Dempsey" not in [p.name for p in result.players]


@pytest.mark.parametrize(
    ("nickname", "club"),
    [("the Magpies", "Newcastle United"), ("the Canaries", "Norwich City"), ("the Blues", None)],
)
def test_shared_nickname_without_context(extractor: Extractor, nickname: str, club: str | None) -> None:
    text = f"Date: 2020-01-01\n\n{nickname[0].upper()}{nickname[1:]} are keen on Lyon midfielder Houssem Aouar."
    clubs = [lk.to_club for lk in extractor.extract(text).links]
    assert clubs == ([club] if club else [])


def test_staff_markers_and_pipe_separated_items(extractor: Extractor) -> None:
    text = (
        "Date: 2012-07-01\n\nRead more: Roma close on Destro and Lamela | Milan: Allegri wants Gilardino\n\n"
        "Porto: Vitor Pereira wants a left-back\n\n"
        'Leeds have signed Max Gradel. "We have bought a fine player," said Dr Ken Bates, who is '
        "fronting the takeover. The consortium completed their takeover of Everton from Bill Kenwright."
    )
    result = extractor.extract(text)
    players = {p.name for p in result.players}
    assert {"Vitor Pereira", "Ken Bates", "Bill Kenwright", "Allegri"}.isdisjoint(players)
    links = {(lk.player, lk.to_club) for lk in result.links}
    assert ("Gilardino", "AC Milan") in links
    assert not {("Destro", "AC Milan"), ("Lamela", "AC Milan")} & links


def test_hyphenated_adjective_is_not_a_name_and_seller_stance(extractor: Extractor) -> None:
    text = (
        "Date: 2023-08-01\n\nChelsea have completed the British-record signing of Enzo Fernandez "
        "from Benfica. Celtic insist Kyogo Furuhashi is not for sale after reports claimed Leeds "
        "were preparing a £20m move for the striker."
    )
    result = extractor.extract(text)
    assert "British-record" not in [p.name for p in result.players]
    links = {(lk.player, lk.to_club) for lk in result.links}
    assert links == {("Enzo Fernandez", "Chelsea"), ("Kyogo Furuhashi", "Leeds United")}


def test_staff_title_does_not_reach_into_the_next_sentence(extractor: Extractor) -> None:
    text = (
        'Date: 2019-08-06\n\nArsenal have met Celtic\'s asking price for Kieran Tierney. "Nothing is '
        'done," said the Celtic boss. "Kieran\'s a Celtic man and if he goes, he goes with our blessing."'
    )
    result = extractor.extract(text)
    assert "Kieran Tierney" in [p.name for p in result.players]
    assert [(lk.player, lk.to_club) for lk in result.links] == [("Kieran Tierney", "Arsenal")]


def test_list_of_moves_pairs_each_player_with_his_club(extractor: Extractor) -> None:
    text = (
        "Date: 2023-08-15\n\nThe Saudi Pro League has already lured Jordan Henderson from Liverpool "
        "to Steven Gerrard's Al Ettifaq, Riyad Mahrez from Manchester City to Al Ahli and Ruben Neves "
        "from Wolves to Al Hilal this summer. Their offer for Kylian Mbappe was accepted by PSG."
    )
    links = {(lk.player, lk.to_club, lk.from_club, str(lk.status)) for lk in extractor.extract(text).links}
    assert links == {
        ("Jordan Henderson", "Al Ettifaq", "Liverpool", "done"),
        ("Riyad Mahrez", "Al Ahli", "Manchester City", "done"),
        ("Ruben Neves", "Al Hilal", "Wolverhampton Wanderers", "done"),
    }


def test_a_clubs_relegation_triggering_a_clause_is_not_the_club_paying(extractor: Extractor) -> None:
    text = (
        "Date: 2018-06-12\n\nLiverpool are keen on Xherdan Shaqiri. Stoke's relegation triggered a "
        "£12m release clause in his contract, and Barcelona are preparing to pay Nico Williams' "
        "release clause."
    )
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert links == {("Xherdan Shaqiri", "Liverpool"), ("Nico Williams", "Barcelona")}


def test_a_sentence_without_end_is_cut_so_rules_stay_linear() -> None:
    from bot.extraction.textutil import MAX_SENTENCE, build_doc

    text = "Barcelona, who " + "sold Neymar to PSG and Arsenal want Ivan Toney, " * 3000 + "then."
    doc = build_doc(text)
    assert len(doc.sentences) > 100
    assert max(s.end - s.start for s in doc.sentences) <= MAX_SENTENCE
    # nothing is lost: the pieces cover the text in order
    assert doc.sentences[0].start == 0 and doc.sentences[-1].end == len(text)
    assert all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:], strict=False))


def test_move_set_to_be_confirmed_is_agreed(extractor: Extractor) -> None:
    text = (
        "Date: 2021-08-04\n\nManchester City have spent big this summer, with Jack Grealish's "
        "£100m move from Aston Villa set to be confirmed today."
    )
    links = [(lk.player, lk.to_club, lk.from_club, str(lk.status)) for lk in extractor.extract(text).links]
    assert links == [("Jack Grealish", "Manchester City", "Aston Villa", "agreed")]


def test_place_words_that_are_given_names(extractor: Extractor) -> None:
    text = (
        "Date: 2018-09-01\n\nInter defender Milan Skriniar is wanted by PSG. Tottenham have signed "
        "Roman Pavlyuchenko from Spartak Moscow. Milan want a striker."
    )
    links = {(lk.player, lk.to_club, lk.from_club) for lk in extractor.extract(text).links}
    assert links == {
        ("Milan Skriniar", "Paris Saint-Germain", "Inter Milan"),
        ("Roman Pavlyuchenko", "Tottenham Hotspur", "Spartak Moscow"),
    }


def test_pundit_speaking_on_a_show_is_not_a_player(extractor: Extractor) -> None:
    text = (
        "Date: 2025-08-20\n\nArsenal want Eberechi Eze. The former Arsenal striker Ian Wright, "
        'speaking on his podcast, was delighted. "If I\'m Palace, I sell him to '
        'Arsenal," Wright said.'
    )
    result = extractor.extract(text)
    assert [(lk.player, lk.to_club) for lk in result.links] == [("Eberechi Eze", "Arsenal")]
    assert "Ian Wright" in [p.name for p in result.people]


def test_club_insisting_he_will_stay_is_his_club(extractor: Extractor) -> None:
    text = (
        "Date: 2022-01-10\n\nDeclan Rice scored as West Ham beat Leeds on Sunday. The England "
        "midfielder has been linked with Chelsea, but West Ham insist he will stay."
    )
    links = {(lk.player, lk.to_club, lk.from_club) for lk in extractor.extract(text).links}
    assert links == {("Declan Rice", "Chelsea", "West Ham United")}


def test_one_word_outlet_name_inside_a_persons_name(extractor: Extractor) -> None:
    text = (
        "Date: 2021-06-14\n\nManchester United boss Ole Gunnar Solskjaer is also keen to bring in "
        "Raphael Varane from Real Madrid, according to Ole."
    )
    result = extractor.extract(text)
    assert "Ole Gunnar Solskjaer" in [p.name for p in result.people]
    assert [(lk.player, lk.to_club) for lk in result.links] == [("Raphael Varane", "Manchester United")]


def test_rivalry_for_a_player_and_a_sellers_figure(extractor: Extractor) -> None:
    text = (
        "Date: 2019-07-02\n\nLiverpool are ready to go head-to-head with Manchester United for Ajax "
        "wonderkid Matthijs de Ligt.\n\nTottenham have made a £55m approach for Real Betis "
        "playmaker Giovani Lo Celso, following the exit of Mousa Dembele to Guangzhou R&F. "
        "However, Betis are holding out for £70m."
    )
    result = extractor.extract(text)
    links = {(lk.player, lk.to_club) for lk in result.links}
    assert {("Matthijs de Ligt", "Liverpool"), ("Matthijs de Ligt", "Manchester United")} <= links
    fees = {(f.player, f.amount) for f in result.fees}
    assert fees == {("Giovani Lo Celso", 55_000_000), ("Giovani Lo Celso", 70_000_000)}


def test_listicle_items_are_targets_of_the_titles_club(extractor: Extractor) -> None:
    text = """Date: 2022-06-20

4 strikers Arsenal could sign to replace Alexandre Lacazette

Arsenal need goals after a frustrating season.

1. Gabriel Jesus

The Manchester City forward is available for around £45m.

2. Lautaro Martinez

Inter would want at least €80m for the Argentine.

3. Victor Osimhen

Napoli consider the Nigerian untouchable."""
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert {
        ("Gabriel Jesus", "Arsenal"),
        ("Lautaro Martinez", "Arsenal"),
        ("Victor Osimhen", "Arsenal"),
    } <= links
    assert ("Alexandre Lacazette", "Arsenal") not in links


def test_with_clause_and_proposed_fee_and_completed_sale(extractor: Extractor) -> None:
    text = (
        "Date: 2019-07-02\n\nPorto completed the sale of Eder Militao to Real Madrid in March and "
        "could lose Alex Telles this summer, with Napoli and Chelsea attentive.\n\nSporting continue "
        "to resist offers for Bruno Fernandes. Tottenham have proposed 55 million euros. Manchester "
        "United have also enquired."
    )
    links = {(lk.player, lk.to_club, str(lk.status)) for lk in extractor.extract(text).links}
    # the March sale is background from an earlier window: no link either way
    assert links == {
        ("Alex Telles", "Napoli", "interest"),
        ("Alex Telles", "Chelsea", "interest"),
        ("Bruno Fernandes", "Tottenham Hotspur", "bid"),
        ("Bruno Fernandes", "Manchester United", "contact"),
    }


def test_completed_sale_is_done(extractor: Extractor) -> None:
    text = "Date: 2019-07-02\n\nPorto have completed the sale of Eder Militao to Real Madrid."
    links = [(lk.player, lk.to_club, str(lk.status)) for lk in extractor.extract(text).links]
    assert links == [("Eder Militao", "Real Madrid", "done")]


def test_did_complete_selling_and_presented(extractor: Extractor) -> None:
    text = (
        "Date: 2017-09-01\n\nSouthampton did complete one late deal, selling Virgil van Dijk to "
        "Liverpool for £75m. Arsenal did complete one deal over the weekend, with Alexandre "
        "Lacazette finally presented after his £46m move from Lyon."
    )
    links = {(lk.player, lk.to_club, str(lk.status)) for lk in extractor.extract(text).links}
    assert links == {
        ("Virgil van Dijk", "Liverpool", "done"),
        ("Alexandre Lacazette", "Arsenal", "done"),
    }


def test_participle_clause_and_verge_of_a_move_and_deal_worth(extractor: Extractor) -> None:
    text = (
        "Date: 2020-08-10\n\nBarcelona have rejected Manchester City's approach for Lionel Messi, "
        "insisting his €700m release clause must be paid. Thiago Alcantara is on the verge of a "
        "move to Liverpool. Sergio Reguilon is set to join Tottenham from Real Madrid in a deal "
        "worth £27m."
    )
    result = extractor.extract(text)
    links = {(lk.player, lk.to_club, str(lk.status)) for lk in result.links}
    assert links == {
        ("Lionel Messi", "Manchester City", "bid_rejected"),
        ("Thiago Alcantara", "Liverpool", "agreed"),
        ("Sergio Reguilon", "Tottenham Hotspur", "agreed"),
    }
    kinds = {(f.player, str(f.kind)) for f in result.fees}
    assert ("Sergio Reguilon", "fee") in kinds and ("Lionel Messi", "release_clause") in kinds


# Institutions and places a transfer passes through are not people: "the Court of Arbitration
# for Sport", "a medical at Sanitas Medical Centre", "tests at the Nuffield Hospital".
INSTITUTIONS_ARE_NOT_PEOPLE = [
    Case(
        "court_of_arbitration",
        """Date: 2019-07-20

Atletico Madrid had agreed to sign striker Lucas Ferrand from Lyon before the Court of Arbitration for Sport upheld the club's transfer ban. Arsenal are now in talks with Lyon over Ferrand.""",
        links={("Lucas Ferrand", "Arsenal"): "Lyon"},
        not_players=("Court", "Arbitration"),
    ),
    Case(
        "medical_centre",
        """Date: 2018-07-03

Real Madrid have agreed a €25m fee with Sevilla for defender Marco Quintana, who will undergo a medical at Sanitas Medical Centre on Thursday morning.""",
        links={("Marco Quintana", "Real Madrid"): "Sevilla"},
        fees=[("Marco Quintana", 25_000_000, "EUR", "fee")],
        not_players=("Sanitas Medical Centre", "Sanitas"),
    ),
    Case(
        "hospital",
        """Date: 2018-07-03

Newcastle have agreed terms with winger Ryan Fraser, who flew to Tyneside and had tests at the Nuffield Hospital before the Magpies confirmed the deal.""",
        links={("Ryan Fraser", "Newcastle United"): None},
        not_players=("Nuffield Hospital", "Nuffield"),
    ),
]


INSTITUTIONS_ARE_NOT_PEOPLE += [
    Case(
        "translated_academy_and_country",
        """Date: 2023-06-01

Palmeiras confirmed that Endrick trained at the Academia de Futebol on Monday before travelling with Brasil, and Real Madrid are still monitoring the teenager.""",
        links={("Endrick", "Real Madrid"): None},
        not_players=("Academia de Futebol", "Academia", "Brasil"),
    ),
    Case(
        "translated_stadium",
        """Date: 2023-06-01

Sevilla will present Houssem Aouar at the Estadio Ramon Sanchez-Pizjuan on Friday, after agreeing a fee with Lyon.""",
        links={("Houssem Aouar", "Sevilla"): "Lyon"},
        not_players=("Estadio Ramon Sanchez-Pizjuan", "Ramon Sanchez-Pizjuan"),
    ),
]


INSTITUTIONS_ARE_NOT_PEOPLE.append(
    Case(
        "translated_street",
        """Date: 2019-08-03

Inter will present an offer of 65 million euros to Manchester United for Romelu Lukaku. The sensation in Viale della Liberazione is that this time the English club will say yes. The agent has already agreed a five-year contract at 7.5 million net per season.""",
        links={("Romelu Lukaku", "Inter Milan"): "Manchester United"},
        fees=[
            ("Romelu Lukaku", 65_000_000, "EUR", "bid"),
            ("Romelu Lukaku", 7_500_000, "EUR", "wage"),
        ],
        not_players=("Viale della Liberazione", "Viale"),
    )
)


@pytest.mark.parametrize("case", INSTITUTIONS_ARE_NOT_PEOPLE, ids=lambda c: c.name)
def test_institutions_are_not_people(extractor: Extractor, case: Case) -> None:
    _check(extractor, case)


# The club that resists an approach, considers offloading a player or calls off his move is
# the seller, never a destination.
SELLER_VERBS = [
    Case(
        "resist_any_approach",
        """Date: 2024-01-10

Brighton will resist any approach from Juventus for midfielder Carlos Baleba this month.""",
        links={("Carlos Baleba", "Juventus"): "Brighton & Hove Albion"},
        no_links_to=(("Carlos Baleba", "Brighton & Hove Albion"),),
    ),
    Case(
        "would_consider_offloading",
        """Date: 2024-01-10

Sassuolo would consider offloading Domenico Berardi, with Roma and Lazio both monitoring the winger.""",
        links={("Domenico Berardi", "Roma"): "Sassuolo", ("Domenico Berardi", "Lazio"): "Sassuolo"},
        no_links_to=(("Domenico Berardi", "Sassuolo"),),
    ),
    Case(
        "called_off_his_move",
        """Date: 2024-01-10

Brentford have called off Ivan Toney's move to Chelsea.""",
        links={("Ivan Toney", "Chelsea"): "Brentford"},
        statuses={("Ivan Toney", "Chelsea"): "collapsed"},
        no_links_to=(("Ivan Toney", "Brentford"),),
    ),
    Case(
        "ready_to_offer_the_club_a_fee",
        """Date: 2009-06-01

Tottenham boss Harry Redknapp wants to bring Peter Crouch back and is ready to offer Portsmouth £10m for the striker.""",
        links={("Peter Crouch", "Tottenham Hotspur"): "Portsmouth"},
        no_links_to=(("Peter Crouch", "Portsmouth"),),
        fees=[("Peter Crouch", 10_000_000, "GBP", "bid")],
        not_players=("Harry Redknapp",),
    ),
    Case(
        "offered_to_a_club_is_not_the_seller",
        """Date: 2009-06-01

Peter Crouch was offered to Tottenham last week.""",
        links={("Peter Crouch", "Tottenham Hotspur"): None},
    ),
    Case(
        "present_to_the_club_an_offer",
        """Date: 2019-08-01

Juventus will present to Napoli an offer of 40 million euros for Hirving Lozano.""",
        links={("Hirving Lozano", "Juventus"): "Napoli"},
        no_links_to=(("Hirving Lozano", "Napoli"),),
        fees=[("Hirving Lozano", 40_000_000, "EUR", "bid")],
    ),
    Case(
        "offer_with_a_long_figure_to_the_club",
        """Date: 2017-08-20

PSG have made an offer of 120 million euros, bonuses included, to Monaco for Kylian Mbappe.""",
        links={("Kylian Mbappe", "Paris Saint-Germain"): "Monaco"},
        no_links_to=(("Kylian Mbappe", "Monaco"),),
        fees=[("Kylian Mbappe", 120_000_000, "EUR", None)],
    ),
    Case(
        "would_accept_a_sum",
        """Date: 2018-01-10

Arsenal have held talks with Roma over Kostas Manolas, and the Giallorossi would accept around €35m for the defender.""",
        links={("Kostas Manolas", "Arsenal"): "Roma"},
        no_links_to=(("Kostas Manolas", "Roma"),),
        fees=[("Kostas Manolas", 35_000_000, "EUR", None)],
    ),
    Case(
        "insist_he_will_not_leave",
        """Date: 2019-08-01

But Brighton insist Lewis Dunk, 27, will not leave for less than £50m, and Leicester are still keen.""",
        links={("Lewis Dunk", "Leicester City"): "Brighton & Hove Albion"},
        no_links_to=(("Lewis Dunk", "Brighton & Hove Albion"),),
        fees=[("Lewis Dunk", 50_000_000, "GBP", None)],
    ),
    Case(
        "want_a_bare_number",
        """Date: 2023-01-10

Inter Milan and Manchester United are interested in Benjamin Pavard, and Bayern want at least 35 million.""",
        links={
            ("Benjamin Pavard", "Inter Milan"): "Bayern Munich",
            ("Benjamin Pavard", "Manchester United"): "Bayern Munich",
        },
        no_links_to=(("Benjamin Pavard", "Bayern Munich"),),
    ),
    Case(
        "managers_side_bracing_for_offers",
        """Date: 2025-08-01

Bournemouth have lost Dean Huijsen. Andoni Iraola's side are also bracing themselves for offers for Illia Zabarnyi, with Paris Saint-Germain having opened talks over a £55m deal.""",
        links={("Illia Zabarnyi", "Paris Saint-Germain"): "Bournemouth"},
        no_links_to=(("Illia Zabarnyi", "Bournemouth"),),
        fees=[("Illia Zabarnyi", 55_000_000, "GBP", None)],
        not_players=("Andoni Iraola",),
    ),
    Case(
        "pull_out_of_sale",
        """Date: 2024-01-10

Brentford pull out of Ivan Toney sale""",
        no_links_to=(("Ivan Toney", "Brentford"),),
    ),
]


@pytest.mark.parametrize("case", SELLER_VERBS, ids=lambda c: c.name)
def test_seller_verbs(extractor: Extractor, case: Case) -> None:
    _check(extractor, case)


# Interest and contact phrases of tabloid prose, and whose talks they are: a player's own
# talks or agreement "with" a club point to his destination, a club's talks "with" another
# club to the seller.
TALKS_AND_ENQUIRIES = [
    Case(
        "sniffing_around_an_outcast",
        """Date: 2025-07-01

Juventus are sniffing around Arsenal outcast Jakub Kiwior.""",
        links={("Jakub Kiwior", "Juventus"): "Arsenal"},
        no_links_to=(("Jakub Kiwior", "Arsenal"),),
    ),
    Case(
        "asked_the_club_about_a_player",
        """Date: 2025-07-01

Napoli have asked Manchester United about Alejandro Garnacho.""",
        links={("Alejandro Garnacho", "Napoli"): "Manchester United"},
        statuses={("Alejandro Garnacho", "Napoli"): "contact"},
        no_links_to=(("Alejandro Garnacho", "Manchester United"),),
    ),
    Case(
        "asked_the_club_for_a_player",
        """Date: 2019-07-01

Marseille have asked Lyon for Houssem Aouar.""",
        links={("Houssem Aouar", "Marseille"): "Lyon"},
        statuses={("Houssem Aouar", "Marseille"): "contact"},
        no_links_to=(("Houssem Aouar", "Lyon"),),
    ),
    Case(
        "coach_asked_his_club_for_a_player",
        """Date: 2019-07-01

Real Madrid coach Zinedine Zidane has asked the club for Paul Pogba.""",
        links={("Paul Pogba", "Real Madrid"): None},
        not_players=("Zinedine Zidane",),
    ),
    Case(
        "player_talks_with_a_club_broke_down",
        """Date: 2025-07-01

Real Madrid's Rodrygo will stay in Spain after talks with Manchester City broke down.""",
        links={("Rodrygo", "Manchester City"): "Real Madrid"},
        statuses={("Rodrygo", "Manchester City"): "collapsed"},
    ),
    Case(
        "player_agreement_with_a_club",
        """Date: 2025-07-01

Chelsea striker Nicolas Jackson has reached an agreement with Bayern Munich.""",
        links={("Nicolas Jackson", "Bayern Munich"): "Chelsea"},
        statuses={("Nicolas Jackson", "Bayern Munich"): "agreed"},
    ),
    Case(
        "described_player_talks_with_a_club",
        """Date: 2025-01-20

One player on his way out is Kyle Walker. The 34-year-old captain has asked to leave and is in advanced talks with AC Milan over a loan.""",
        links={("Kyle Walker", "AC Milan"): None},
        statuses={("Kyle Walker", "AC Milan"): "talks"},
    ),
    Case(
        "managers_side_talks_after_another_player",
        """Date: 2025-08-20

Monaco have also been busy. Paul Pogba joined on a free in June, and Adi Hutter's side are now in talks with Tottenham about a loan for Brazilian forward Richarlison.""",
        links={("Richarlison", "Monaco"): None},
        no_links_to=(("Richarlison", "Tottenham Hotspur"),),
        not_players=("Adi Hutter",),
    ),
    Case(
        "club_talks_with_a_club_after_the_player",
        """Date: 2025-07-01

Teun Koopmeiners wants the move, and Juventus are in talks with Atalanta.""",
        links={("Teun Koopmeiners", "Juventus"): "Atalanta"},
        no_links_to=(("Teun Koopmeiners", "Atalanta"),),
    ),
]


@pytest.mark.parametrize("case", TALKS_AND_ENQUIRIES, ids=lambda c: c.name)
def test_talks_and_enquiries(extractor: Extractor, case: Case) -> None:
    _check(extractor, case)


# A relative clause after a club is usually its past ("Barcelona, who sold Neymar to PSG, want
# Dembele"), but when it holds the club's ongoing pursuit and the main clause names no other
# player, its player is the club's target.
PURSUIT_IN_A_RELATIVE_CLAUSE = [
    Case(
        "who_have_been_tracking",
        """Date: 2025-07-01

AC Milan, who have been tracking Sven Botman for several months, remain in pole position.""",
        links={("Sven Botman", "AC Milan"): None},
    ),
    Case(
        "who_are_keen_then_signed_another",
        """Date: 2025-07-01

Chelsea, who were interested in Michael Olise, have now signed Pedro Neto.""",
        links={("Pedro Neto", "Chelsea"): None},
        statuses={("Pedro Neto", "Chelsea"): "done"},
        no_links_to=(("Michael Olise", "Chelsea"),),
    ),
    Case(
        "who_sold_then_pursue_another",
        """Date: 2017-08-20

Barcelona, who sold Neymar to PSG, are considering a move for Ousmane Dembele.""",
        links={("Ousmane Dembele", "Barcelona"): None},
        no_links_to=(("Neymar", "Barcelona"),),
    ),
]


@pytest.mark.parametrize("case", PURSUIT_IN_A_RELATIVE_CLAUSE, ids=lambda c: c.name)
def test_pursuit_in_a_relative_clause(extractor: Extractor, case: Case) -> None:
    _check(extractor, case)


# A listicle's paragraph is about the player its heading names, even when it names another in
# passing: "the Cameroonian" under "2. Andre Onana" is Onana, not the De Gea of the sentence
# before. One heading that is a name (a title) decides nothing.
LISTICLE = """Date: 2023-06-01

Five goalkeepers Chelsea could sign this summer

1. Jan Oblak

Atletico Madrid have always resisted offers. The Slovenian has a release clause of €120m.

2. Andre Onana

David de Gea's struggles at United have made a new number one a priority. Inter reportedly want €50m for the Cameroonian, who is also on Bayern Munich's radar."""


def test_listicle_heading_player_is_the_paragraph_topic(extractor: Extractor) -> None:
    result = extractor.extract(LISTICLE)
    links = {(lk.player, lk.to_club) for lk in result.links}
    assert ("Andre Onana", "Bayern Munich") in links
    assert not any(player == "David de Gea" for player, _club in links)
    fees = {(f.player, f.amount, str(f.kind)) for f in result.fees}
    assert fees == {("Jan Oblak", 120_000_000, "release_clause"), ("Andre Onana", 50_000_000, "asking")}


def test_one_name_heading_is_a_title_not_a_section(extractor: Extractor) -> None:
    text = """Date: 2023-06-01

Andre Onana

Manchester United are in talks with Inter over Andre Onana. Chelsea have also asked about Kepa Arrizabalaga's situation, and Real Madrid are keen on the Spaniard."""
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert ("Andre Onana", "Manchester United") in links
    assert ("Andre Onana", "Real Madrid") not in links


# Once an article names a person whose surname is a club's short name ("David Villa"), that
# word alone is the person too -- unless the club is written in full somewhere in the article.
def test_club_short_name_as_a_named_persons_surname(extractor: Extractor) -> None:
    text = (
        "Date: 2009-06-01\n\nReal Madrid are turning their attention to Valencia striker David "
        "Villa, although Florentino Perez is unwilling to meet the asking price. Should Villa "
        "move to the Bernabeu, Barcelona would switch their focus to Lyon's Karim Benzema."
    )
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert links == {("David Villa", "Real Madrid"), ("Karim Benzema", "Barcelona")}


def test_club_written_in_full_keeps_its_short_name(extractor: Extractor) -> None:
    text = (
        "Date: 2009-06-01\n\nAston Villa are keen on David Villa. Villa want to sign him before "
        "the end of the month."
    )
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert links == {("David Villa", "Aston Villa")}


# "have not made a bid, despite reports that an offer was lodged": the reports are what the
# sentence denies, so no link comes of them.
@pytest.mark.parametrize(
    "text",
    [
        "Chelsea have not made a bid for Bayern Munich winger Franck Ribery, despite reports in France that a £50m offer had been lodged.",
        "Arsenal have not made an offer for Victor Osimhen, despite claims in Italy that a bid of €100m was submitted on Monday.",
    ],
)
def test_denial_despite_reports_is_no_link(extractor: Extractor, text: str) -> None:
    assert extractor.extract("Date: 2023-06-01\n\n" + text).links == []


def test_reports_without_a_denial_still_count(extractor: Extractor) -> None:
    text = "Date: 2023-06-01\n\nArsenal are keen on Victor Osimhen, despite reports that Napoli want €150m."
    assert [(lk.player, lk.to_club) for lk in extractor.extract(text).links] == [
        ("Victor Osimhen", "Arsenal")
    ]


# A player dated by a past year right after his name ("... paid United for Ronaldo in 2009") is
# background in a sentence that reports another move; a future year is not.
def test_player_dated_by_a_past_year_is_background(extractor: Extractor) -> None:
    text = (
        "Date: 2013-08-20\n\nReal Madrid have offered €91m for Gareth Bale, above the €94m "
        "that they paid Manchester United for Cristiano Ronaldo in 2009."
    )
    players = {lk.player for lk in extractor.extract(text).links}
    assert players == {"Gareth Bale"}


def test_player_with_this_years_date_is_news(extractor: Extractor) -> None:
    text = "Date: 2023-06-01\n\nArsenal want to sign Declan Rice in 2023 rather than wait."
    assert [(lk.player, lk.to_club) for lk in extractor.extract(text).links] == [
        ("Declan Rice", "Arsenal")
    ]


# "Sunderland have had a bid rejected for X": the club that had the bid rejected is the bidder.
def test_had_a_bid_rejected_is_the_bidder(extractor: Extractor) -> None:
    text = "Date: 2008-09-01\n\nSunderland have had a bid rejected for Portsmouth's Pedro Mendes."
    links = {(lk.player, lk.to_club, lk.from_club, str(lk.status)) for lk in extractor.extract(text).links}
    assert links == {("Pedro Mendes", "Sunderland", "Portsmouth", "bid_rejected")}


# "Tottenham have moved to replace him. X has signed from Spartak Moscow": an arrival naming only
# the club left goes to the club the previous sentence opened with.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tottenham have already moved to replace him. Roman Pavlyuchenko has signed from Spartak Moscow for £13.9m.",
            {("Roman Pavlyuchenko", "Tottenham Hotspur", "Spartak Moscow")},
        ),
        (
            "Arsenal have completed their third signing of the summer. Kai Havertz has joined from Chelsea for £65m.",
            {("Kai Havertz", "Arsenal", "Chelsea")},
        ),
    ],
)
def test_arrival_goes_to_the_previous_sentences_subject(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    links = {(lk.player, lk.to_club, lk.from_club) for lk in extractor.extract("Date: 2023-08-01\n\n" + text).links}
    assert links == expected


# Korean names put the family name first and hyphenate the given name: "Son Heung-min" is the
# whole name (a hyphenated word with a lower-case part is otherwise an adjective, "British-record").
def test_korean_hyphenated_given_names(extractor: Extractor) -> None:
    text = (
        "Date: 2023-07-10\n\nPSG have signed Lee Kang-in from Mallorca, and Wolves are keen on "
        "Hwang Hee-chan. Bayern Munich will pay the €50m release clause of Napoli defender Kim "
        "Min-jae. Kim will undergo a medical on Monday."
    )
    result = extractor.extract(text)
    links = {(lk.player, lk.to_club) for lk in result.links}
    assert links == {
        ("Lee Kang-in", "Paris Saint-Germain"),
        ("Hwang Hee-chan", "Wolverhampton Wanderers"),
        ("Kim Min-jae", "Bayern Munich"),
    }
    assert [(f.player, f.amount) for f in result.fees] == [("Kim Min-jae", 50_000_000)]


def test_british_record_stays_an_adjective(extractor: Extractor) -> None:
    text = "Date: 2023-07-10\n\nArsenal are closing in on a British-record deal for Declan Rice."
    assert [lk.player for lk in extractor.extract(text).links] == ["Declan Rice"]


# Newsletters and posts write a move as "club → club": the club after the arrow is the
# destination, the one before it the club left.
def test_arrow_notation_moves(extractor: Extractor) -> None:
    text = """Date: 2024-09-01

DEADLINE DAY DEALS
• Joao Felix: Chelsea → AC Milan, loan
• Kieran Tierney: Arsenal -> Celtic, free
Federico Chiesa (Juventus ➡️ Liverpool) - here we go!"""
    links = {(lk.player, lk.to_club, lk.from_club) for lk in extractor.extract(text).links}
    assert links == {
        ("Joao Felix", "AC Milan", "Chelsea"),
        ("Kieran Tierney", "Celtic", "Arsenal"),
        ("Federico Chiesa", "Liverpool", "Juventus"),
    }


# A strong stage with suitors but no player ("Manchester United and Arsenal have made
# enquiries") is about the paragraph's player named one or two sentences before.
def test_suitors_without_a_name_two_sentences_on(extractor: Extractor) -> None:
    text = (
        "Date: 2024-01-31\n\nBrighton agreed a fee of £30m with Ajax for Brian Brobbey, only for "
        "the striker to turn the move down. Ajax would also accept a loan with an obligation to "
        "buy. Everton and Fulham have both made enquiries."
    )
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert links == {
        ("Brian Brobbey", "Brighton & Hove Albion"),
        ("Brian Brobbey", "Everton"),
        ("Brian Brobbey", "Fulham"),
    }


# A one-word name opening a sentence is a name when a move verb follows it ("Kaka returned to
# AC Milan"); "returned to", "rejoined" are done.
def test_mononym_opening_a_sentence_with_a_move_verb(extractor: Extractor) -> None:
    text = (
        "Date: 2013-09-02\n\nKaka returned to AC Milan from Real Madrid. Willian signed for "
        "Chelsea from Anzhi."
    )
    links = {(lk.player, lk.to_club, lk.from_club, str(lk.status)) for lk in extractor.extract(text).links}
    assert links == {
        ("Kaka", "AC Milan", "Real Madrid", "done"),
        ("Willian", "Chelsea", "Anzhi Makhachkala", "done"),
    }


# A translated report writes its currency once ("40 million euros") and then bare amounts in
# later paragraphs ("Torino ask 25 million"): one currency throughout means it for them too.
def test_bare_amounts_inherit_the_articles_only_currency(extractor: Extractor) -> None:
    text = """Date: 2022-07-20

Juventus are ready to present to Fiorentina an offer of 40 million euros for Dusan Vlahovic.

BREMER, THE ALTERNATIVE. Torino ask 25 million for Gleison Bremer, and Inter have offered 20 million.

The Scudetto race starts in August."""
    fees = {(f.player, f.amount, f.currency) for f in extractor.extract(text).fees}
    assert fees == {
        ("Dusan Vlahovic", 40_000_000, "EUR"),
        ("Gleison Bremer", 25_000_000, "EUR"),
        ("Gleison Bremer", 20_000_000, "EUR"),
    }


def test_bare_amounts_stay_bare_when_an_article_mixes_currencies(extractor: Extractor) -> None:
    text = """Date: 2022-07-20

Chelsea have bid £40m for Dusan Vlahovic, and Juventus have offered €45m.

Torino ask 25 million for Gleison Bremer."""
    fees = {(f.player, f.amount) for f in extractor.extract(text).fees}
    assert ("Gleison Bremer", 25_000_000) not in fees


# A listicle item may carry the player's club in brackets ("2. Moises Caicedo (Brighton)"): the
# item still links to the title's club, the bracketed club is the one he would leave, and the
# paragraph under it is about him.
def test_listicle_items_with_their_club_in_brackets(extractor: Extractor) -> None:
    text = """Date: 2023-05-01

Four Midfielders Arsenal Could Sign This Summer

1. Declan Rice (West Ham)

The England man is the priority. West Ham want £100m for the 24-year-old.

2. Moises Caicedo (Brighton)

Brighton have already turned down one approach. The Ecuadorian would cost around £80m."""
    result = extractor.extract(text)
    links = {(lk.player, lk.to_club, lk.from_club) for lk in result.links}
    assert links == {
        ("Declan Rice", "Arsenal", "West Ham United"),
        ("Moises Caicedo", "Arsenal", "Brighton & Hove Albion"),
    }
    assert {(f.player, f.amount) for f in result.fees} == {
        ("Declan Rice", 100_000_000),
        ("Moises Caicedo", 80_000_000),
    }


# "Liverpool's Guehi plan": a possessive club before a name used as a modifier of a plan, bid or
# move is the club's plan for the player, not his club.
def test_clubs_plan_for_a_player_is_not_his_club(extractor: Extractor) -> None:
    text = """Date: 2025-12-01

Chelsea's Branthwaite bid

Chelsea are plotting a fresh move for Jarrad Branthwaite. Real Madrid are also monitoring Branthwaite."""
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert links == {("Jarrad Branthwaite", "Chelsea"), ("Jarrad Branthwaite", "Real Madrid")}


# ", and Jack Grealish is wanted by Napoli": a new subject after ", and" starts its own clause,
# so each club keeps to its own player.
def test_and_with_a_new_subject_starts_a_clause(extractor: Extractor) -> None:
    text = (
        "Date: 2022-08-20\n\nLiverpool have agreed a fee with Brighton for Moises Caicedo, and "
        "Jack Grealish is wanted by Napoli."
    )
    links = {(lk.player, lk.to_club) for lk in extractor.extract(text).links}
    assert links == {("Moises Caicedo", "Liverpool"), ("Jack Grealish", "Napoli")}


# Words that are never a name: a conjunction opening the sentence ("Because Edinson Cavani is
# out of contract"), a forum user name ("NorthernGoonerX says: ...").
def test_conjunctions_and_user_names_are_not_names(extractor: Extractor) -> None:
    text = """Date: 2020-01-10

Because Edinson Cavani is out of contract, Atletico Madrid are keen.

NorthernGoonerX says: Thomas Partey on £200,000 a week at Arsenal is madness."""
    result = extractor.extract(text)
    assert {lk.player for lk in result.links} == {"Edinson Cavani"}
    assert {p.name for p in result.players} <= {"Edinson Cavani", "Thomas Partey"}
    assert [(f.player, f.amount, str(f.kind)) for f in result.fees] == [
        ("Thomas Partey", 200_000, "wage")
    ]


# "the Wolves" is Wolfsburg in a Wolfsburg story and Wolverhampton otherwise.
@pytest.mark.parametrize(
    ("text", "seller"),
    [
        (
            "Wolfsburg are in the Champions League this season. Manchester City's first offer of €58m for Kevin De Bruyne was rejected by the Wolves.",
            "Wolfsburg",
        ),
        (
            "Tottenham's bid for Matheus Cunha was rejected by the Wolves.",
            "Wolverhampton Wanderers",
        ),
    ],
)
def test_the_wolves_by_context(extractor: Extractor, text: str, seller: str) -> None:
    [link] = extractor.extract("Date: 2024-08-01\n\n" + text).links
    assert link.from_club == seller

# ruff: noqa: E501  (article paragraphs are single long lines, as scraped pages give them)
"""General rules of transfer prose, each checked on short reports written for these tests
(in the style of real ones; no text copied from elsewhere). Grouped by rule."""

from __future__ import annotations

import pytest
from written_articles import Case

from bot.extraction import Extractor
from bot.text import fold

HEADLINE_BREAK = [
    Case(
        "long_headline_without_stop_ends_at_line_break",
        """Date: 2025-06-12

Everton weigh up loan swoop for Chelsea youngster as Moyes looks to bolster his attack options
Fulham have opened talks with Lyon over Malick Fofana, with the Belgian winger keen on a move to London after two seasons in Ligue 1.

Lyon are said to value the 20-year-old at around €35m, and Everton have not made an approach for him.""",
        links={("Malick Fofana", "Fulham"): "Lyon"},
        fees=[("Malick Fofana", 35_000_000, "EUR", "asking")],
        no_links_to=(("Malick Fofana", "Everton"),),
    ),
    Case(
        "headline_line_then_report",
        """Date: 2025-01-20

Juventus ready to test Manchester United resolve with January offer for wantaway forward
Napoli have submitted a €40m offer to Manchester United for Alejandro Garnacho, with the Serie A leaders eager to wrap up a deal quickly.

Juventus have no interest in the winger, according to Sky Italia, who say United would rather sell abroad.""",
        links={("Alejandro Garnacho", "Napoli"): "Manchester United"},
        no_links_to=(("Alejandro Garnacho", "Juventus"),),
        fees=[("Alejandro Garnacho", 40_000_000, "EUR", "bid")],
        outlets=("Sky Sport Italia",),
    ),
]

# "X have contacted / are in talks with [seller] about Y", "an offer of £25m from [buyer] for Y":
# the club after "with"/"contacted" is the seller, the subject or the "from" club the buyer.
SELLER_FRAMES = [
    Case(
        "contacted_seller_about_player",
        """Date: 2025-07-03

Bournemouth have contacted Real Sociedad about Takefusa Kubo as they look for a replacement on the right flank. The Japan international has two years left on his deal in San Sebastian.""",
        links={("Takefusa Kubo", "Bournemouth"): "Real Sociedad"},
        no_links_to=(("Takefusa Kubo", "Real Sociedad"),),
    ),
    Case(
        "offer_of_figure_from_buyer",
        """Date: 2025-08-11

Crystal Palace have received an offer of £25m from Wolves for Jean-Philippe Mateta, but the Eagles are holding out for closer to £35m. Palace value the striker highly after his goals last season.""",
        links={("Jean-Philippe Mateta", "Wolverhampton Wanderers"): "Crystal Palace"},
        no_links_to=(("Jean-Philippe Mateta", "Crystal Palace"),),
        fees=[
            ("Jean-Philippe Mateta", 25_000_000, "GBP", "bid"),
            ("Jean-Philippe Mateta", 35_000_000, "GBP", "asking"),
        ],
    ),
    Case(
        "talks_with_parent_club_over_a_loan_return",
        """Date: 2025-01-14

Marseille are in talks with Arsenal over a loan return for Reiss Nelson, who spent last season on the bench in north London. Roberto De Zerbi wants the winger before the end of the month.""",
        links={("Reiss Nelson", "Marseille"): "Arsenal"},
        no_links_to=(("Reiss Nelson", "Arsenal"),),
        not_players=("Roberto De Zerbi",),
    ),
]

# A rejected bid is a link (bid_rejected); only an explicit denial of interest removes a link.
REJECTED_BIDS = [
    Case(
        "seller_rejected_possessive_bid",
        """Date: 2025-07-21

Real Betis have rejected Everton's opening offer of €18m for Johnny Cardoso, according to Marca. The Andalusians want at least €25m for the USA midfielder.""",
        links={("Johnny Cardoso", "Everton"): "Real Betis"},
        statuses={("Johnny Cardoso", "Everton"): "bid_rejected"},
        fees=[
            ("Johnny Cardoso", 18_000_000, "EUR", "bid"),
            ("Johnny Cardoso", 25_000_000, "EUR", "asking"),
        ],
    ),
    Case(
        "rebuffed_approach_from_buyer",
        """Date: 2025-08-02

Lille rebuffed an approach from Aston Villa for Jonathan David earlier this week. The Canada striker is out of contract next summer and Villa could return with a second offer.""",
        links={("Jonathan David", "Aston Villa"): "Lille"},
        statuses={("Jonathan David", "Aston Villa"): "bid_rejected"},
    ),
    Case(
        "passive_rebuff_is_not_denial",
        """Date: 2025-01-09

Newcastle United have been rebuffed by Brentford in their attempt to sign Bryan Mbeumo this month. Brentford dismissed a bid worth £45m for the Cameroon forward.""",
        links={("Bryan Mbeumo", "Newcastle United"): "Brentford"},
        statuses={("Bryan Mbeumo", "Newcastle United"): "bid_rejected"},
        fees=[("Bryan Mbeumo", 45_000_000, "GBP", "bid")],
    ),
]

# Stage cues of real reports: "on the verge of completing a deal for", "closing in on".
STAGE_CUES = [
    Case(
        "verge_of_completing_a_deal_for",
        """Date: 2025-06-30

Borussia Dortmund are on the verge of completing a deal for Jobe Bellingham after agreeing a fee with Sunderland. The midfielder travelled to Germany on Sunday.""",
        links={("Jobe Bellingham", "Borussia Dortmund"): "Sunderland"},
        statuses={("Jobe Bellingham", "Borussia Dortmund"): "agreed"},
        no_links_to=(("Jobe Bellingham", "Sunderland"),),
    ),
    Case(
        "closing_in_on_player",
        """Date: 2025-07-15

Bayern Munich are closing in on Luis Diaz after opening talks with Liverpool over a fee. The Colombian winger is keen on the move.""",
        links={("Luis Diaz", "Bayern Munich"): "Liverpool"},
        statuses={("Luis Diaz", "Bayern Munich"): "talks"},
        no_links_to=(("Luis Diaz", "Liverpool"),),
    ),
    Case(
        "on_the_brink_of_sealing",
        """Date: 2025-08-20

Fulham are on the brink of sealing the signing of Samu Chukwueze from AC Milan, with the Nigeria winger due in London for a medical.""",
        links={("Samu Chukwueze", "Fulham"): "AC Milan"},
        no_links_to=(("Samu Chukwueze", "AC Milan"),),
    ),
]

# A transfer with an explicit year older than the previous window is background: no link, and
# its figure is neither the player's fee nor anyone else's.
OLD_HISTORY = [
    Case(
        "old_move_with_year_is_background",
        """Date: 2025-07-08

Real Betis want to bring Antony back on loan from Manchester United. The Brazil winger has never justified his £86m move from Ajax in 2022, and United are ready to let him go.""",
        links={("Antony", "Real Betis"): "Manchester United"},
        no_links_to=(("Antony", "Manchester United"),),
        fees=[],
    ),
    Case(
        "signed_from_club_in_old_year",
        """Date: 2025-06-18

Bayern Munich are weighing up a €40m bid for Mohammed Kudus. West Ham United signed the Ghana winger from Ajax in 2023 for £38m, and he scored in his last three games of the season.""",
        links={("Mohammed Kudus", "Bayern Munich"): None},
        no_links_to=(("Mohammed Kudus", "West Ham United"), ("Mohammed Kudus", "Ajax")),
        fees=[("Mohammed Kudus", 40_000_000, "EUR", "bid")],
    ),
    Case(
        "appositive_old_move",
        """Date: 2025-08-01

Aston Villa have asked about Joao Felix. The Portugal forward, who joined Atletico Madrid from Benfica in 2019 for €126m, has also been offered to clubs in Saudi Arabia by Chelsea.""",
        links={("Joao Felix", "Aston Villa"): None},
        no_links_to=(("Joao Felix", "Atletico Madrid"),),
        fees=[],
    ),
]

# A hyphenated adjective opening a bullet is not a name; a figure inside an appositive
# ("X, signed from Y for £Nm, and Z") belongs to the player the appositive describes.
BULLETS_AND_APPOSITIVES = [
    Case(
        "hyphenated_adjective_opens_bullet",
        """Date: 2025-07-01

Transfer round-up:
- Club-record outlay: Arsenal pay Real Sociedad £55m for Martin Zubimendi after the midfielder passed his medical.
- Long-awaited switch: Chelsea complete a £55m move for Jamie Gittens from Borussia Dortmund.""",
        links={
            ("Martin Zubimendi", "Arsenal"): "Real Sociedad",
            ("Jamie Gittens", "Chelsea"): "Borussia Dortmund",
        },
        fees=[
            ("Martin Zubimendi", 55_000_000, "GBP", None),
            ("Jamie Gittens", 55_000_000, "GBP", None),
        ],
        not_players=("Club-record", "Long-awaited"),
    ),
    Case(
        "fee_inside_appositive_belongs_to_its_player",
        """Date: 2025-08-25

Liverpool's summer arrivals Florian Wirtz, bought from Bayer Leverkusen for £116m, and Hugo Ekitike have started the season well. Arne Slot still wants a centre-back before the deadline.""",
        fees=[("Florian Wirtz", 116_000_000, "GBP", None)],
        not_players=("Arne Slot",),
    ),
    Case(
        "fee_inside_appositive_second_player",
        """Date: 2025-08-28

Napoli have added Kevin De Bruyne on a free and Sam Beukema, signed from Bologna for €31m, to a squad that won the title. Antonio Conte is now chasing a winger.""",
        fees=[("Sam Beukema", 31_000_000, "EUR", None)],
        not_players=("Antonio Conte",),
    ),
]

# A city after a travel verb is the place, not its club.
CITY_NOT_CLUB = [
    Case(
        "travelled_to_city_for_medical",
        """Date: 2025-08-29

Aston Villa have agreed a £20m fee with Paris Saint-Germain for Marco Asensio, and the Spain forward travelled to Birmingham on Friday to undergo a medical.""",
        links={("Marco Asensio", "Aston Villa"): "Paris Saint-Germain"},
        no_links_to=(("Marco Asensio", "Birmingham City"),),
        fees=[("Marco Asensio", 20_000_000, "GBP", None)],
    ),
    Case(
        "flew_to_city_to_finalise",
        """Date: 2025-07-10

Nottingham Forest have agreed terms with Wolves for Pablo Sarabia. The midfielder flew to Nottingham this morning to finalise his move.""",
        links={("Pablo Sarabia", "Nottingham Forest"): None},
        no_links_to=(("Pablo Sarabia", "Notts County"),),
    ),
]


def _check(extractor: Extractor, case: Case) -> None:
    result = extractor.extract(case.text)
    links = {(fold(lk.player), lk.to_club): lk for lk in result.links}
    got = [(lk.player, lk.to_club, str(lk.status)) for lk in result.links]
    for (player, club), from_club in case.links.items():
        link = links.get((fold(player), club))
        assert link is not None, (player, club, got)
        if from_club is not None:
            assert link.from_club == from_club, (player, club, link.from_club)
    for (player, club), status in case.statuses.items():
        assert str(links[(fold(player), club)].status) == status, (player, club, got)
    for player, club in case.no_links_to:
        assert (fold(player), club) not in links, (player, club, got)
    fees = {(fold(f.player), f.amount, f.currency): f for f in result.fees}
    for player, amount, currency, kind in case.fees:
        fee = fees.get((fold(player), amount, currency))
        assert fee is not None, (player, amount, currency, result.fees)
        if kind is not None:
            assert str(fee.kind) == kind, (player, amount, fee.kind)
    assert len(fees) == len(case.fees), result.fees
    players = {fold(p.name) for p in result.players} | {fold(lk.player) for lk in result.links}
    for person in case.not_players:
        assert fold(person) not in players, (person, got)

# A staff role names the person right after it ("Sevilla head coach X"), not a player earlier in
# the sentence: "Y, though [club] head coach X wants to keep Y" leaves Y a player with his link.
STAFF_NEAR_PLAYER = [
    Case(
        "player_before_though_club_head_coach",
        """Date: 2025-07-14

Fulham have made a €10m bid to Sevilla for Mexican forward Chucky Lozano, though Sevilla head coach Xavier Garcia Pimienta has said he wants to keep Chucky for the new season.""",
        links={("Chucky Lozano", "Fulham"): "Sevilla"},
        fees=[("Chucky Lozano", 10_000_000, "EUR", "bid")],
        not_players=("Xavier Garcia Pimienta",),
    ),
    Case(
        "player_before_but_club_coach",
        """Date: 2025-07-02

Fenerbahce have submitted a €15m offer to Bayer Leverkusen for Brazilian winger Pipo Soares, but Leverkusen coach Erik ten Hag wants Pipo to stay.""",
        links={("Pipo Soares", "Fenerbahce"): "Bayer Leverkusen"},
        fees=[("Pipo Soares", 15_000_000, "EUR", "bid")],
        not_players=("Erik ten Hag",),
    ),
    Case(
        "player_before_while_club_boss",
        """Date: 2025-06-18

Tottenham have opened talks with Brentford over Kevin Schade, while Brentford boss Keith Andrews is reluctant to lose the German winger.""",
        links={("Kevin Schade", "Tottenham Hotspur"): "Brentford"},
        not_players=("Keith Andrews",),
    ),
]

# "City" alone is the "... City" club the article has named (Manchester City, Leicester City),
# like "United" or "Villa"; never a club the article has not named.
CITY_SHORT_NAME = [
    Case(
        "city_two_paragraphs_after_manchester_city",
        """Date: 2025-06-12

Manchester City have completed the signing of Tijjani Reijnders from AC Milan.

Elsewhere, Arsenal are in talks with Real Sociedad over Martin Zubimendi.

City are also preparing a bid for Rayan Cherki, with Lyon holding out for €40m.""",
        links={
            ("Tijjani Reijnders", "Manchester City"): "AC Milan",
            ("Martin Zubimendi", "Arsenal"): "Real Sociedad",
            ("Rayan Cherki", "Manchester City"): "Lyon",
        },
        no_links_to=(("Rayan Cherki", "Arsenal"),),
        fees=[("Rayan Cherki", 40_000_000, "EUR", "asking")],
    ),
    Case(
        "city_is_the_club_written_with_city",
        """Date: 2025-08-26

Leicester City have completed the signing of Bobby De Cordova-Reid from Fulham.

Norwich are close to a deal with Sunderland for Jack Clarke.

City have now made an enquiry to Hull for Abdulkadir Omur.""",
        links={
            ("Jack Clarke", "Norwich City"): "Sunderland",
            ("Abdulkadir Omur", "Leicester City"): "Hull City",
        },
        no_links_to=(("Abdulkadir Omur", "Norwich City"), ("Abdulkadir Omur", "Manchester City")),
    ),
    Case(
        "united_is_the_club_written_with_united",
        """Date: 2025-07-30

Manchester United have agreed personal terms with Benjamin Sesko.

Newcastle are still weighing up a move for Yoane Wissa, with Brentford holding firm.

United are now ready to submit an opening bid to RB Leipzig for the Slovenian striker.""",
        links={
            ("Benjamin Sesko", "Manchester United"): None,
            ("Yoane Wissa", "Newcastle United"): "Brentford",
        },
        no_links_to=(("Benjamin Sesko", "Newcastle United"),),
    ),
]

# A sentence opening with "They ..." or "Their move/bid/pursuit ..." continues the previous
# sentence's subject club; "[club] refused to sanction/let/release" makes that club the seller.
SUBJECT_CLUB_PRONOUN = [
    Case(
        "their_move_collapsed",
        """Date: 2025-08-20

Aston Villa are searching for a new central midfielder before the deadline. Their move for Conor Gallagher collapsed on Tuesday when Atletico Madrid refused to sanction a loan.""",
        links={("Conor Gallagher", "Aston Villa"): "Atletico Madrid"},
        statuses={("Conor Gallagher", "Aston Villa"): "collapsed"},
        no_links_to=(("Conor Gallagher", "Atletico Madrid"),),
    ),
    Case(
        "they_have_opened_talks",
        """Date: 2025-06-04

Bayern Munich remain in the market for a left winger after missing out on their first choice. They have opened talks with Stuttgart over Chris Fuhrich, who has two years left on his contract.""",
        links={("Chris Fuhrich", "Bayern Munich"): "Stuttgart"},
        no_links_to=(("Chris Fuhrich", "Stuttgart"),),
    ),
    Case(
        "their_pursuit_revived",
        """Date: 2025-08-12

Fulham were knocked back in June but have not given up on a new attacking midfielder. Their pursuit of Harvey Elliott has been revived after Liverpool lowered their asking price to £35m.""",
        links={("Harvey Elliott", "Fulham"): "Liverpool"},
        fees=[("Harvey Elliott", 35_000_000, "GBP", "asking")],
    ),
]

# A bid or approach whose only club in the sentence is the seller ("Manchester City rejected an
# approach for Savinho") was made by the club the story is about: the subject of its opening.
IMPLIED_BIDDER = [
    Case(
        "seller_rejected_approach_in_story_about_buyer",
        """Date: 2025-08-14

Tottenham are stepping up their search for a new winger after Mohammed Kudus arrived from West Ham.

Manchester City rejected an approach for Savinho last week, with the Brazilian considered part of Pep Guardiola's plans.

Spurs are now weighing up other options before the deadline.""",
        links={("Savinho", "Tottenham Hotspur"): "Manchester City"},
        statuses={("Savinho", "Tottenham Hotspur"): "bid_rejected"},
        no_links_to=(("Savinho", "Manchester City"),),
        not_players=("Pep Guardiola",),
    ),
    Case(
        "seller_turned_down_offer_in_story_about_buyer",
        """Date: 2025-08-18

Newcastle United are running out of time to land a new striker.

Brentford turned down a £40m offer for Yoane Wissa on Monday. The Bees value the forward at closer to £60m.""",
        links={("Yoane Wissa", "Newcastle United"): "Brentford"},
        fees=[
            ("Yoane Wissa", 40_000_000, "GBP", "bid"),
            ("Yoane Wissa", 60_000_000, "GBP", "asking"),
        ],
    ),
    Case(
        "seller_rejected_bid_then_buyer_returns",
        """Date: 2025-07-09

Chelsea have made a late push to sign a goalkeeper this summer.

AC Milan have rejected a bid worth €30m for Mike Maignan, who has a year left on his deal. The Blues are expected to return with an improved offer.""",
        links={("Mike Maignan", "Chelsea"): "AC Milan"},
        fees=[("Mike Maignan", 30_000_000, "EUR", "bid")],
    ),
    Case(
        "story_about_the_seller_has_no_implied_bidder",
        """Date: 2025-08-18

Brentford are determined to keep Yoane Wissa this summer.

Brentford turned down a £40m offer for the striker on Monday, and the club insist he is not for sale.""",
        no_links_to=(("Yoane Wissa", "Brentford"),),
        fees=[("Yoane Wissa", 40_000_000, "GBP", "bid")],
    ),
]

# A manager as subject stands for his club as the article names it ("Brighton head coach
# Fabian Hurzeler ... Hurzeler has held talks about X"); "talks about X with [club]" names the
# seller; "coached/worked with X at [club]" is a shared past, not a destination; "X's team-mate
# Y" points at Y only; a country name ("reports in Portugal") is not part of a club's name.
MANAGER_AS_SUBJECT = [
    Case(
        "manager_held_talks_with_seller",
        """Date: 2025-06-22

Brighton head coach Fabian Hurzeler wants Igor Thiago, and the club have opened talks with Brentford. Hurzeler has also held talks about Jobe Bellingham with Sunderland.""",
        links={
            ("Igor Thiago", "Brighton & Hove Albion"): "Brentford",
            ("Jobe Bellingham", "Brighton & Hove Albion"): "Sunderland",
        },
        no_links_to=(("Jobe Bellingham", "Sunderland"),),
        not_players=("Fabian Hurzeler",),
    ),
    Case(
        "manager_club_named_later_and_shared_past_club",
        """Date: 2025-01-15

Ruben Amorim has held talks about signing Nuno Mendes from Paris Saint-Germain, according to reports in Portugal. Manchester United boss Amorim coached the left-back at Sporting.""",
        links={("Nuno Mendes", "Manchester United"): "Paris Saint-Germain"},
        no_links_to=(("Nuno Mendes", "Sporting CP"),),
        not_players=("Ruben Amorim",),
    ),
    Case(
        "manager_keen_on_team_mate_of_another_player",
        """Date: 2025-06-10

Wolves boss Vitor Pereira is keen on Joao Gomes's former team-mate Andre Trindade. Pereira has held talks about the midfielder with Fluminense.""",
        links={("Andre Trindade", "Wolverhampton Wanderers"): "Fluminense"},
        no_links_to=(("Joao Gomes", "Wolverhampton Wanderers"), ("Andre Trindade", "Fluminense")),
        not_players=("Vitor Pereira",),
    ),
    Case(
        "coach_worked_with_player_at_old_club",
        """Date: 2025-07-08

Al Nassr coach Jorge Jesus worked with Joao Felix at Benfica and wants a reunion in Riyadh. Al Nassr have opened talks with Chelsea over the forward.""",
        links={("Joao Felix", "Al Nassr"): "Chelsea"},
        no_links_to=(("Joao Felix", "Benfica"),),
        not_players=("Jorge Jesus",),
    ),
]

# Two players sharing a surname: a bare surname is the one the story is about (the most
# mentioned, then one named in the same sentence, then the one named first), not simply the
# most recent; a "new deal in [club]" is a renewal at his own club.
SHARED_SURNAME = [
    Case(
        "brothers_bare_surname_is_the_target",
        """Date: 2025-06-05

Barcelona step up pursuit of Nico Williams

Barcelona have opened talks with Athletic Club over Nico Williams, who has a release clause of €58m. The winger's brother Inaki Williams has signed a new deal in Bilbao. Barcelona are ready to offer Williams a salary of €7m a year.""",
        links={("Nico Williams", "Barcelona"): "Athletic Bilbao"},
        no_links_to=(("Inaki Williams", "Barcelona"), ("Inaki Williams", "Athletic Bilbao")),
        fees=[
            ("Nico Williams", 58_000_000, "EUR", "release_clause"),
            ("Nico Williams", 7_000_000, "EUR", "wage"),
        ],
    ),
    Case(
        "relative_in_passing_does_not_take_the_surname",
        """Date: 2025-07-11

Fulham are in talks with Aston Villa over a loan for Jaden Philogene. The winger's older cousin Kevin Philogene is a youth coach at Villa Park. Fulham hope to finalise a deal for Philogene this week.""",
        links={("Jaden Philogene", "Fulham"): "Aston Villa"},
        no_links_to=(("Kevin Philogene", "Fulham"),),
    ),
    Case(
        "namesake_alternative_does_not_take_the_fee",
        """Date: 2025-07-20

Bayern Munich are in talks with Liverpool over Luis Diaz. Diaz has told Liverpool he wants to leave this summer. Real Madrid forward Brahim Diaz has been mentioned as an alternative, but Bayern are prepared to pay €70m for Diaz.""",
        links={("Luis Diaz", "Bayern Munich"): "Liverpool"},
        fees=[("Luis Diaz", 70_000_000, "EUR", "bid")],
    ),
]

# A description ("the Frenchman", "the 27-year-old", "the England right-back") goes to the most
# recent player it fits: not one whose nationality/age the article gives otherwise; one whose
# nationality/age it matches wins; a player named only for an injury yields to the story's one.
DESCRIPTION_FIT = [
    Case(
        "description_skips_player_mentioned_for_an_injury",
        """Date: 2025-06-01

Real Madrid have agreed a fee with Liverpool for Trent Alexander-Arnold, who was expected to leave on a free. Dani Carvajal is still recovering from a knee injury. Madrid will pay €20m for the England right-back.""",
        links={("Trent Alexander-Arnold", "Real Madrid"): "Liverpool"},
        no_links_to=(("Dani Carvajal", "Real Madrid"),),
        fees=[("Trent Alexander-Arnold", 20_000_000, "EUR", "bid")],
    ),
    Case(
        "description_nationality_contradicts_recent_player",
        """Date: 2025-07-18

Newcastle United have opened talks with Eintracht Frankfurt over French striker Hugo Ekitike. Frankfurt signed Germany international Jonathan Burkardt from Mainz earlier this summer. Newcastle are prepared to pay €80m for the Frenchman.""",
        links={("Hugo Ekitike", "Newcastle United"): "Eintracht Frankfurt"},
        no_links_to=(("Jonathan Burkardt", "Newcastle United"),),
        fees=[("Hugo Ekitike", 80_000_000, "EUR", "bid")],
    ),
    Case(
        "description_age_matches_earlier_player",
        """Date: 2025-08-01

Tottenham are in talks with Crystal Palace over Eberechi Eze, 27. Palace have already lost Marc Guehi to a hamstring injury for the start of the season. Spurs have offered £55m for the 27-year-old.""",
        links={("Eberechi Eze", "Tottenham Hotspur"): "Crystal Palace"},
        no_links_to=(("Marc Guehi", "Tottenham Hotspur"),),
        fees=[("Eberechi Eze", 55_000_000, "GBP", "bid")],
    ),
]

# Nickname first names ("Cucho Hernandez", "Chucho Mora", "Vinicius Jr.") are player names,
# the bare nickname later is the same player; "[club] are weighing/considering an offer from
# [buyer] for X" makes the subject the seller.
NICKNAMES_AND_OFFERS_FROM = [
    Case(
        "nickname_first_name_weighing_offer_from",
        """Date: 2025-07-14

Porto are weighing a €15m offer from Wolves for Colombian winger Chucho Mora, though Porto head coach Martin Anselmi has said publicly he wants to keep Chucho for the new season.""",
        links={("Chucho Mora", "Wolverhampton Wanderers"): "Porto"},
        no_links_to=(("Chucho Mora", "Porto"),),
        fees=[("Chucho Mora", 15_000_000, "EUR", "bid")],
        not_players=("Martin Anselmi",),
    ),
    Case(
        "considering_bid_from_buyer",
        """Date: 2025-08-05

Lyon are considering a £28m bid from Fulham for Ernest Nuamah, with the Ghana winger keen to return to the Premier League.""",
        links={("Ernest Nuamah", "Fulham"): "Lyon"},
        no_links_to=(("Ernest Nuamah", "Lyon"),),
        fees=[("Ernest Nuamah", 28_000_000, "GBP", "bid")],
    ),
    Case(
        "nickname_alone_later_is_the_same_player",
        """Date: 2025-07-14

Cucho Hernandez has agreed personal terms with Real Betis, who are in talks with Columbus Crew over a $12m fee. Cucho scored 19 goals in MLS last season.""",
        links={("Cucho Hernandez", "Real Betis"): "Columbus Crew"},
        fees=[("Cucho Hernandez", 12_000_000, "USD", None)],
    ),
    Case(
        "junior_suffix_with_full_stop",
        """Date: 2025-08-02

Al Hilal want Vinicius Jr. and have made a €200m offer to Real Madrid for the Brazilian, according to reports in Spain.""",
        links={("Vinicius Jr", "Al Hilal"): "Real Madrid"},
        fees=[("Vinicius Jr", 200_000_000, "EUR", "bid")],
    ),
]

# "[club]'s third signing of the window" after an arrival names the buying club and a done
# deal; "would be [club]'s third signing" stays a prospect (see written_articles).
NTH_SIGNING = [
    Case(
        "making_him_city_third_signing",
        """Date: 2025-01-24

Manchester City are having a busy January window.

Vitor Reis has arrived from Palmeiras for £30m, making the Brazilian defender City's third signing of the month.""",
        links={("Vitor Reis", "Manchester City"): "Palmeiras"},
        statuses={("Vitor Reis", "Manchester City"): "done"},
        fees=[("Vitor Reis", 30_000_000, "GBP", "fee")],
    ),
    Case(
        "arrived_as_fourth_signing",
        """Date: 2025-08-12

Everton have been busy in the final weeks of the window.

Jack Grealish arrived from Manchester City on Tuesday as Everton's fourth signing of the summer.""",
        links={("Jack Grealish", "Everton"): "Manchester City"},
        statuses={("Jack Grealish", "Everton"): "done"},
    ),
    Case(
        "became_first_signing",
        """Date: 2025-07-01

Newcastle United moved quickly once the window opened.

Goalkeeper Aaron Ramsdale arrived from Southampton for £18m, and he became Newcastle's first signing of the summer.""",
        links={("Aaron Ramsdale", "Newcastle United"): "Southampton"},
        fees=[("Aaron Ramsdale", 18_000_000, "GBP", None)],
    ),
]

# "the club's third signing" is the club the previous sentence is about.
CLUB_NTH_SIGNING = [
    Case(
        "is_the_club_third_signing",
        """Date: 2025-07-03

Liverpool have been busy this summer.

Milos Kerkez is the club's third signing of the window, having arrived from Bournemouth.""",
        links={("Milos Kerkez", "Liverpool"): "Bournemouth"},
        statuses={("Milos Kerkez", "Liverpool"): "done"},
    ),
    Case(
        "became_the_club_eighth_signing",
        """Date: 2025-08-12

Sunderland have spent heavily since promotion.

Granit Xhaka, who arrived from Bayer Leverkusen on Monday, became the club's eighth signing of the summer.""",
        links={("Granit Xhaka", "Sunderland"): "Bayer Leverkusen"},
        statuses={("Granit Xhaka", "Sunderland"): "done"},
    ),
    Case(
        "would_be_the_club_first_signing_stays_talks",
        """Date: 2025-06-20

Fulham are in talks with Lyon over Ernest Nuamah.

The Ghana winger would be the club's first signing of the summer.""",
        links={("Ernest Nuamah", "Fulham"): "Lyon"},
        statuses={("Ernest Nuamah", "Fulham"): "talks"},
    ),
]

# "City" right after another capitalised word is part of that name ("Mexico City"), not a club.
CITY_IN_PLACE_NAMES = [
    Case(
        "mexico_city_is_not_manchester_city",
        """Date: 2025-07-11

Manchester City have sold Kyle Walker to AC Milan.

Club America want Hirving Lozano, and the winger is keen to return to Mexico City this summer.""",
        links={("Hirving Lozano", "Club America"): None},
        no_links_to=(("Hirving Lozano", "Manchester City"),),
    ),
    Case(
        "mexico_city_in_a_move_sentence",
        """Date: 2025-07-02

Manchester City have agreed a fee with Wolves for Rayan Ait-Nouri.

Sergio Canales is in talks over a move to Mexico City, with Monterrey holding firm.""",
        links={("Rayan Ait-Nouri", "Manchester City"): "Wolverhampton Wanderers"},
        no_links_to=(("Sergio Canales", "Manchester City"),),
    ),
]


ALL = HEADLINE_BREAK + SELLER_FRAMES + REJECTED_BIDS + STAGE_CUES + OLD_HISTORY + BULLETS_AND_APPOSITIVES + CITY_NOT_CLUB + STAFF_NEAR_PLAYER + CITY_SHORT_NAME + SUBJECT_CLUB_PRONOUN + IMPLIED_BIDDER + MANAGER_AS_SUBJECT + SHARED_SURNAME + DESCRIPTION_FIT + NICKNAMES_AND_OFFERS_FROM + NTH_SIGNING + CLUB_NTH_SIGNING + CITY_IN_PLACE_NAMES


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_general_rule(extractor: Extractor, case: Case) -> None:
    _check(extractor, case)


def test_old_signing_club_is_not_the_current_club(extractor: Extractor) -> None:
    case = next(c for c in OLD_HISTORY if c.name == "signed_from_club_in_old_year")
    links = extractor.extract(case.text).links
    assert [lk.from_club for lk in links] == [None], links

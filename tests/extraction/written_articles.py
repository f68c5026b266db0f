"""Short transfer reports written for these tests, in the style of real ones, each with the
facts a correct extraction finds. Written by the project; no text copied from elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    links: dict[tuple[str, str], str | None] = field(default_factory=dict)  # -> from_club
    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    fees: list[tuple[str, int, str, str | None]] = field(default_factory=list)  # kind or None
    not_players: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    no_links_to: tuple[tuple[str, str], ...] = ()
    published: str | None = None


CASES: list[Case] = [
    Case(
        "surname_typo_possessive_description",
        """Date: 2024-07-02

Arsenal have made contact with Bologna over a deal for Riccardo Calafiori, according to
Sky Sports.

The Gunners were impressed by Calafiori’s displays at the European Championship and see the
22-year-old as an ideal fit for Mikel Arteta's back line. The Italian defender, who has a
contract until 2027, would cost around €50m.

Juventus have also been keeping tabs on Califiori, but the Bologna star is understood to
favour a move to north London.""",
        links={
            ("Riccardo Calafiori", "Arsenal"): "Bologna",
            ("Riccardo Calafiori", "Juventus"): "Bologna",
        },
        statuses={
            ("Riccardo Calafiori", "Arsenal"): "contact",
            ("Riccardo Calafiori", "Juventus"): "monitoring",
        },
        fees=[("Riccardo Calafiori", 50_000_000, "EUR", None)],
        not_players=("Mikel Arteta",),
        outlets=("Sky Sports",),
        published="2024-07-02",
    ),
    Case(
        "managers_are_not_players",
        """Bayern Munich head coach Vincent Kompany wants to bring Jonathan Tah to the Allianz
Arena this summer, as per Kicker.

Kompany's side have already opened talks with Tah's representatives, while Bayer Leverkusen
boss Xabi Alonso admitted he expects the centre-back to leave. Sporting director Max Eberl
is leading the negotiations.""",
        links={("Jonathan Tah", "Bayern Munich"): "Bayer Leverkusen"},
        statuses={("Jonathan Tah", "Bayern Munich"): "talks"},
        not_players=("Vincent Kompany", "Xabi Alonso", "Max Eberl"),
        outlets=("Kicker",),
        no_links_to=(("Jonathan Tah", "Bayer Leverkusen"),),
    ),
    Case(
        "blues_means_everton_here",
        """Everton are weighing up a January move for Burnley striker Lyle Foster.

The Blues have sent scouts to watch the South Africa international several times this
season and Sean Dyche is a big admirer of the forward. Burnley are thought to value Foster at
£20 million, with the Toffees unlikely to go that high.""",
        links={("Lyle Foster", "Everton"): "Burnley"},
        fees=[("Lyle Foster", 20_000_000, "GBP", "asking")],
        not_players=("Sean Dyche",),
        no_links_to=(("Lyle Foster", "Chelsea"), ("Lyle Foster", "Burnley")),
    ),
    Case(
        "blues_means_chelsea_here",
        """Chelsea have had an opening offer of £35m rejected by Napoli for Victor Osimhen, reports
The Athletic.

The Blues are ready to return with an improved proposal rising to £45m with add-ons, but the
Serie A side want at least £55m for the Nigerian. Osimhen earns around £200,000-a-week in
Naples.""",
        links={("Victor Osimhen", "Chelsea"): "Napoli"},
        statuses={("Victor Osimhen", "Chelsea"): "bid_rejected"},
        fees=[
            ("Victor Osimhen", 35_000_000, "GBP", "bid"),
            ("Victor Osimhen", 45_000_000, "GBP", "other"),
            ("Victor Osimhen", 55_000_000, "GBP", "asking"),
            ("Victor Osimhen", 200_000, "GBP", "wage"),
        ],
        outlets=("The Athletic",),
        no_links_to=(("Victor Osimhen", "Napoli"), ("Victor Osimhen", "Everton")),
    ),
    Case(
        "release_clause_two_currencies",
        """ date 2024-06-20 Newcastle United are considering triggering the release clause of
Lille defender Bafode Diakite.

The 23-year-old has a clause of €35m (£30m) in his contract and the Magpies have been
monitoring him for months, according to L'Equipe.""",
        links={("Bafode Diakite", "Newcastle United"): "Lille"},
        fees=[("Bafode Diakite", 35_000_000, "EUR", "release_clause")],
        outlets=("L'Equipe",),
        published="2024-06-20",
    ),
    Case(
        "agreement_and_medical",
        """Manchester United have reached an agreement with Bologna for Joshua Zirkzee, as
exclusively revealed by Fabrizio Romano.

The Dutch forward will undergo a medical on Friday before signing a five-year contract. United
will pay the €40 million release clause in instalments.""",
        links={("Joshua Zirkzee", "Manchester United"): "Bologna"},
        statuses={("Joshua Zirkzee", "Manchester United"): "medical"},
        fees=[("Joshua Zirkzee", 40_000_000, "EUR", "release_clause")],
        outlets=("Fabrizio Romano",),
        not_players=("Fabrizio Romano",),
    ),
    Case(
        "done_deal_loan_fee",
        """Crystal Palace have completed the signing of Eddie Nketiah from Arsenal on a
season-long loan. Palace will pay a loan fee of £2m, with an option to buy for £25m next
summer.""",
        links={("Eddie Nketiah", "Crystal Palace"): "Arsenal"},
        statuses={("Eddie Nketiah", "Crystal Palace"): "done"},
        fees=[
            ("Eddie Nketiah", 2_000_000, "GBP", "loan_fee"),
            ("Eddie Nketiah", 25_000_000, "GBP", "other"),
        ],
        no_links_to=(("Eddie Nketiah", "Arsenal"),),
    ),
    Case(
        "denial_is_not_a_link",
        """Tottenham Hotspur have denied any interest in Brentford forward Ivan Toney.

Spurs boss Ange Postecoglou said on Friday: "There is nothing in it." Meanwhile, Al Ahli are
in talks with Toney over a move to the Saudi Pro League, via TalkSPORT. The Saudi Pro League
club are prepared to offer the striker wages of £400,000 per week.""",
        links={("Ivan Toney", "Al Ahli"): "Brentford"},
        statuses={("Ivan Toney", "Al Ahli"): "talks"},
        fees=[("Ivan Toney", 400_000, "GBP", "wage")],
        not_players=("Ange Postecoglou",),
        no_links_to=(("Ivan Toney", "Tottenham Hotspur"),),
    ),
    Case(
        "collapsed_move",
        """Aston Villa's move for Chelsea midfielder Conor Gallagher has collapsed after the clubs
failed to agree a fee. Villa had offered fifty million pounds, reported by the Telegraph.""",
        links={("Conor Gallagher", "Aston Villa"): "Chelsea"},
        statuses={("Conor Gallagher", "Aston Villa"): "collapsed"},
        fees=[("Conor Gallagher", 50_000_000, "GBP", "bid")],
        no_links_to=(("Conor Gallagher", "Chelsea"),),
    ),
    Case(
        "range_and_journalist",
        """Liverpool are tracking Real Sociedad midfielder Martin Zubimendi, reports David
Ornstein.

The Reds could launch a bid in the region of €50m-€60m, with the Spaniard's release clause set
at €60m. Arne Slot sees Zubimendi as the ideal anchor for his midfield.""",
        links={("Martin Zubimendi", "Liverpool"): "Real Sociedad"},
        fees=[
            ("Martin Zubimendi", 50_000_000, "EUR", None),
            ("Martin Zubimendi", 60_000_000, "EUR", None),
        ],
        not_players=("Arne Slot", "David Ornstein"),
        outlets=("David Ornstein",),
    ),
    Case(
        "place_description_and_left_the_club",
        """Joel Matip has left the club after eight years, and Liverpool are now looking at Bayer
Leverkusen's Edmond Tapsoba as a replacement. The Merseyside club have asked about the
Burkina Faso international, who is also wanted by the Bergamo club Atalanta.""",
        links={
            ("Edmond Tapsoba", "Liverpool"): "Bayer Leverkusen",
            ("Edmond Tapsoba", "Atalanta"): "Bayer Leverkusen",
        },
        statuses={("Edmond Tapsoba", "Liverpool"): "contact"},
        no_links_to=(("Joel Matip", "Liverpool"),),
    ),
    Case(
        "two_players_one_sentence",
        """Barcelona want Athletic Club winger Nico Williams, while Arsenal are monitoring
Bournemouth's Antoine Semenyo. Williams has a release clause of €58m.""",
        links={
            ("Nico Williams", "Barcelona"): "Athletic Bilbao",
            ("Antoine Semenyo", "Arsenal"): "Bournemouth",
        },
        fees=[("Nico Williams", 58_000_000, "EUR", "release_clause")],
        no_links_to=(("Nico Williams", "Arsenal"), ("Antoine Semenyo", "Barcelona")),
    ),
    Case(
        "headline_and_amount_words",
        """Nottingham Forest reject £30m Newcastle offer for Murillo

Nottingham Forest have turned down a £30 million offer from Newcastle United for defender
Murillo, per The Guardian. Forest value the Brazilian at £60m.""",
        links={("Murillo", "Newcastle United"): "Nottingham Forest"},
        statuses={("Murillo", "Newcastle United"): "bid_rejected"},
        fees=[("Murillo", 30_000_000, "GBP", "bid"), ("Murillo", 60_000_000, "GBP", "asking")],
        outlets=("The Guardian",),
        no_links_to=(("Murillo", "Nottingham Forest"),),
    ),
    Case(
        "history_is_not_news",
        """Inter Milan are keen on Fulham's Joao Palhinha. The Portuguese midfielder joined Fulham
from Sporting CP in 2022 for £20m and nearly moved to Bayern Munich last summer.""",
        links={("Joao Palhinha", "Inter Milan"): "Fulham"},
        no_links_to=(("Joao Palhinha", "Sporting CP"),),
        published=None,
    ),
]

# A second set, written after the engine's rules were in place, in other house styles (gossip
# columns with ages, agency copy, fan sites, US soccer sites), to check that the rules carry over.
CASES_2: list[Case] = [
    Case(
        "gossip_column_ages",
        """Manchester City are preparing a £60m bid for Crystal Palace midfielder Adam Wharton, 20.
(Times - subscription required)

Juventus are ready to offer Brazilian winger Douglas Luiz, 26, to Aston Villa in a swap deal for
Belgium striker Youri Tielemans, 27. (Tuttosport - in Italian)

Newcastle United have been told they must pay at least £70m for Ipswich Town's Liam Delap, 21.
(Mail)""",
        links={
            ("Adam Wharton", "Manchester City"): "Crystal Palace",
            ("Douglas Luiz", "Aston Villa"): "Juventus",
            ("Youri Tielemans", "Juventus"): None,
            ("Liam Delap", "Newcastle United"): "Ipswich Town",
        },
        fees=[("Adam Wharton", 60_000_000, "GBP", "bid"), ("Liam Delap", 70_000_000, "GBP", None)],
        no_links_to=(("Adam Wharton", "Crystal Palace"), ("Liam Delap", "Ipswich Town")),
    ),
    Case(
        "here_we_go_done_deal",
        """Bayern Munich have completed the signing of Michael Olise from Crystal Palace for a fee
of around €60m, Fabrizio Romano reports. The France Under-21 international has signed a contract
until 2029 at the Allianz Arena.

Olise had also been wanted by Chelsea, who held talks with Palace in June before turning their
attention elsewhere.""",
        links={
            ("Michael Olise", "Bayern Munich"): "Crystal Palace",
            ("Michael Olise", "Chelsea"): "Crystal Palace",
        },
        statuses={("Michael Olise", "Bayern Munich"): "done"},
        fees=[("Michael Olise", 60_000_000, "EUR", "fee")],
        outlets=("Fabrizio Romano",),
        no_links_to=(("Michael Olise", "Crystal Palace"),),
    ),
    Case(
        "agent_and_president",
        """Napoli president Aurelio De Laurentiis has told Khvicha Kvaratskhelia's agent, Mamuka
Jugeli, that the Georgian is not for sale, despite Paris Saint-Germain preparing an offer worth
€80m. According to L'Equipe, PSG have made contact with the winger's entourage.""",
        links={("Khvicha Kvaratskhelia", "Paris Saint-Germain"): "Napoli"},
        statuses={("Khvicha Kvaratskhelia", "Paris Saint-Germain"): "contact"},
        fees=[("Khvicha Kvaratskhelia", 80_000_000, "EUR", "bid")],
        not_players=("Aurelio De Laurentiis", "Mamuka Jugeli"),
        outlets=("L'Equipe",),
        no_links_to=(("Khvicha Kvaratskhelia", "Napoli"),),
    ),
    Case(
        "manager_not_in_reference",
        """West Ham United boss Julen Lopetegui wants to be reunited with Wolves striker Raul
Jimenez, per The Athletic. Lopetegui's side have already had a loan offer turned down, and
Jimenez is understood to be keen on the move.""",
        links={("Raul Jimenez", "West Ham United"): "Wolverhampton Wanderers"},
        statuses={("Raul Jimenez", "West Ham United"): "bid_rejected"},
        not_players=("Julen Lopetegui",),
        outlets=("The Athletic",),
    ),
    Case(
        "fan_site_rumour_with_quote",
        """Tottenham Hotspur are eyeing a January move for Brentford's Bryan Mbeumo, as per
football.london.

The Cameroon international has 12 goals this season and Spurs see him as the ideal successor
to Son Heung-min. Brentford boss Thomas Frank said: "Bryan is not for sale."

Mbeumo would cost in excess of £50m, with Brentford not keen to sell mid-season.""",
        links={("Bryan Mbeumo", "Tottenham Hotspur"): "Brentford"},
        fees=[("Bryan Mbeumo", 50_000_000, "GBP", None)],
        not_players=("Thomas Frank",),
        no_links_to=(("Son Heung-min", "Tottenham Hotspur"), ("Bryan Mbeumo", "Brentford")),
    ),
    Case(
        "us_soccer_cash_deal",
        """Sporting Kansas City forward Alan Pulido has joined LAFC for $1.5 million in a
cash-for-player trade, the clubs announced on Tuesday. Sporting could receive a further $500,000
in performance bonuses.""",
        links={("Alan Pulido", "Los Angeles FC"): "Sporting Kansas City"},
        statuses={("Alan Pulido", "Los Angeles FC"): "done"},
        fees=[("Alan Pulido", 1_500_000, "USD", "fee"), ("Alan Pulido", 500_000, "USD", "other")],
    ),
    Case(
        "two_clubs_race_with_pronouns",
        """Arsenal and Liverpool are both chasing Real Sociedad's Mikel Merino. The Gunners have
made an opening offer of €25m for him, while the Reds are still monitoring the situation.
Real Sociedad want €30m for the 28-year-old, who has a year left on his contract.""",
        links={
            ("Mikel Merino", "Arsenal"): "Real Sociedad",
            ("Mikel Merino", "Liverpool"): "Real Sociedad",
        },
        statuses={("Mikel Merino", "Arsenal"): "bid"},
        fees=[
            ("Mikel Merino", 25_000_000, "EUR", "bid"),
            ("Mikel Merino", 30_000_000, "EUR", "asking"),
        ],
        no_links_to=(("Mikel Merino", "Real Sociedad"),),
    ),
    Case(
        "player_leaving_and_replacement_target",
        """Aston Villa are resigned to losing Jhon Duran, with Al Nassr having agreed a fee of
£64m for the Colombian. Unai Emery has identified Marcus Rashford as his replacement and Villa
have opened talks with Manchester United over a loan.""",
        links={
            ("Jhon Duran", "Al Nassr"): "Aston Villa",
            ("Marcus Rashford", "Aston Villa"): "Manchester United",
        },
        statuses={
            ("Jhon Duran", "Al Nassr"): "agreed",
            ("Marcus Rashford", "Aston Villa"): "talks",
        },
        fees=[("Jhon Duran", 64_000_000, "GBP", "fee")],
        not_players=("Unai Emery",),
        no_links_to=(("Jhon Duran", "Aston Villa"), ("Marcus Rashford", "Manchester United")),
    ),
]

# A third set: managerial moves, player quotes, ambiguous short names, HTML, lists.
CASES_3: list[Case] = [
    Case(
        "managerial_move_is_not_a_link",
        """Everton have held talks with Kieran McKenna about becoming their new manager, according
to Sky Sports. The Ipswich Town boss is also wanted by Brighton & Hove Albion.

Meanwhile, Everton have made an enquiry for Sunderland midfielder Jobe Bellingham.""",
        links={("Jobe Bellingham", "Everton"): "Sunderland"},
        not_players=("Kieran McKenna",),
        no_links_to=(("Kieran McKenna", "Everton"), ("Kieran McKenna", "Brighton & Hove Albion")),
    ),
    Case(
        "player_quote_and_country_not_club",
        """Victor Boniface has admitted he would like to play in the Premier League one day. "I
want to test myself in England," the Bayer Leverkusen striker said. The 23-year-old has also
attracted interest from Italy, with AC Milan monitoring his progress.""",
        links={("Victor Boniface", "AC Milan"): "Bayer Leverkusen"},
        statuses={("Victor Boniface", "AC Milan"): "monitoring"},
        no_links_to=(("Victor Boniface", "Bayer Leverkusen"),),
    ),
    Case(
        "city_and_united_short_names",
        """Manchester City have joined Manchester United in the race for Benfica defender Antonio
Silva. City are prepared to pay the €100m release clause, while United have sent scouts to
Lisbon.""",
        links={
            ("Antonio Silva", "Manchester City"): "Benfica",
            ("Antonio Silva", "Manchester United"): "Benfica",
        },
        fees=[("Antonio Silva", 100_000_000, "EUR", "release_clause")],
    ),
    Case(
        "html_article",
        """<html><head><title>Transfer news</title></head><body><article>
<h1>Brighton close in on Ajax defender</h1>
<p>Brighton &amp; Hove Albion are in advanced talks with Ajax over a &euro;30m deal for Jorrel
Hato, reports <a href="https://www.telegraaf.nl">De Telegraaf</a>.</p>
<p>The 18-year-old would be the Seagulls&rsquo; third signing of the summer.</p>
</article></body></html>""",
        links={("Jorrel Hato", "Brighton & Hove Albion"): "Ajax"},
        statuses={("Jorrel Hato", "Brighton & Hove Albion"): "talks"},
        fees=[("Jorrel Hato", 30_000_000, "EUR", None)],
    ),
    Case(
        "list_of_suitors_with_or",
        """Borussia Dortmund striker Serhou Guirassy has a release clause of €50m, and Arsenal,
Chelsea or Aston Villa could trigger it this summer, reports Bild.""",
        links={
            ("Serhou Guirassy", "Arsenal"): "Borussia Dortmund",
            ("Serhou Guirassy", "Chelsea"): "Borussia Dortmund",
            ("Serhou Guirassy", "Aston Villa"): "Borussia Dortmund",
        },
        fees=[("Serhou Guirassy", 50_000_000, "EUR", "release_clause")],
        outlets=("Bild",),
    ),
    Case(
        "manager_denies_and_talks_elsewhere",
        """Liverpool boss Arne Slot has played down talk of a move for Real Madrid's Rodrygo,
insisting: "We are happy with our squad." But Arsenal have opened talks with Madrid over the
Brazilian, who has a contract until 2028 and is valued at €100m.""",
        links={("Rodrygo", "Arsenal"): "Real Madrid"},
        statuses={("Rodrygo", "Arsenal"): "talks"},
        fees=[("Rodrygo", 100_000_000, "EUR", "asking")],
        not_players=("Arne Slot",),
        no_links_to=(("Rodrygo", "Liverpool"), ("Rodrygo", "Real Madrid")),
    ),
    Case(
        "wage_and_contract_length_numbers",
        """Al Ittihad have offered Mohamed Salah a two-year deal worth £1.2m a week to leave
Liverpool, according to The Sun. Salah, 32, is out of contract in June and has scored 20 goals
this season.""",
        links={("Mohamed Salah", "Al Ittihad"): "Liverpool"},
        fees=[("Mohamed Salah", 1_200_000, "GBP", "wage")],
        outlets=("The Sun",),
        no_links_to=(("Mohamed Salah", "Liverpool"),),
    ),
]

# A fourth set: loans with obligations, ambiguous nicknames with no context, players on loan,
# figures in several currencies, and a long article mixing many stories.
CASES_4: list[Case] = [
    Case(
        "loan_with_obligation_and_wages",
        """Date: 2025-01-20

Juventus have agreed a loan deal with Manchester City for Kalvin Phillips, who is currently on
loan at Ipswich Town. Juventus will pay a loan fee of €5m plus an obligation to buy worth €20m,
and the midfielder will earn €3m a year in Turin, reports Gazzetta dello Sport.""",
        links={("Kalvin Phillips", "Juventus"): "Manchester City"},
        statuses={("Kalvin Phillips", "Juventus"): "agreed"},
        fees=[
            ("Kalvin Phillips", 5_000_000, "EUR", "loan_fee"),
            ("Kalvin Phillips", 20_000_000, "EUR", "other"),
            ("Kalvin Phillips", 3_000_000, "EUR", "wage"),
        ],
        outlets=("Gazzetta dello Sport",),
        no_links_to=(("Kalvin Phillips", "Manchester City"), ("Kalvin Phillips", "Ipswich Town")),
        published="2025-01-20",
    ),
    Case(
        "ambiguous_nickname_without_context_is_dropped",
        """The Blues are keen on Joao Felix, according to reports in Portugal.""",
        links={},
    ),
    Case(
        "dollars_and_pounds_in_one_story",
        """Inter Miami have made a $15 million offer for River Plate midfielder Franco Mastantuono,
while Real Madrid are willing to pay his €45m (£38m) release clause. The Argentine teenager is
understood to prefer a move to Spain.""",
        links={
            ("Franco Mastantuono", "Inter Miami"): "River Plate",
            ("Franco Mastantuono", "Real Madrid"): "River Plate",
        },
        fees=[
            ("Franco Mastantuono", 15_000_000, "USD", "bid"),
            ("Franco Mastantuono", 45_000_000, "EUR", "release_clause"),
        ],
    ),
    Case(
        "bid_then_collapse_then_denial",
        """Newcastle United saw a £55m bid for Brentford's Ivan Toney rejected in July. Talks have
since collapsed, and Newcastle have now denied any further interest in the striker.""",
        links={("Ivan Toney", "Newcastle United"): "Brentford"},
        statuses={("Ivan Toney", "Newcastle United"): "denied"},
        fees=[("Ivan Toney", 55_000_000, "GBP", "bid")],
    ),
    Case(
        "mixed_roundup",
        """Transfer news live: Arsenal, Chelsea and Manchester United latest

Arsenal have held talks with RB Leipzig over striker Benjamin Sesko, who has a release clause of
€65m. Mikel Arteta is a long-time admirer of the Slovenian.

Chelsea, meanwhile, are close to agreeing a £40m deal for Aston Villa's Jacob Ramsey. Enzo
Maresca sees the 23-year-old as an alternative to Newcastle's Bruno Guimaraes, who is not for
sale.

Manchester United have rejected a £25m offer from Galatasaray for Alejandro Garnacho, per The
Athletic. Ruben Amorim would prefer to keep the Argentine.""",
        links={
            ("Benjamin Sesko", "Arsenal"): "RB Leipzig",
            ("Jacob Ramsey", "Chelsea"): "Aston Villa",
            ("Alejandro Garnacho", "Galatasaray"): "Manchester United",
        },
        statuses={
            ("Benjamin Sesko", "Arsenal"): "talks",
            ("Alejandro Garnacho", "Galatasaray"): "bid_rejected",
        },
        fees=[
            ("Benjamin Sesko", 65_000_000, "EUR", "release_clause"),
            ("Jacob Ramsey", 40_000_000, "GBP", None),
            ("Alejandro Garnacho", 25_000_000, "GBP", "bid"),
        ],
        not_players=("Mikel Arteta", "Enzo Maresca", "Ruben Amorim"),
        outlets=("The Athletic",),
        no_links_to=(("Bruno Guimaraes", "Chelsea"), ("Alejandro Garnacho", "Manchester United")),
    ),
]

# A fifth set: the page chrome scraped articles carry (menus, bylines, captions, related links).
CASES_5: list[Case] = [
    Case(
        "page_chrome_and_related_links",
        """Home News Transfers Arsenal Chelsea Liverpool Man Utd Tottenham More
By Jamie Hollis, Senior Reporter
Published 14 March 2025, 09:12

Newcastle United are weighing up a summer move for Bournemouth defender Dean Huijsen, who has
a £50m release clause in his contract.

Dean Huijsen has impressed since joining from Juventus. (Photo by Getty Images)

READ MORE: Arsenal plotting move for Chelsea winger | Liverpool set for talks over new deal

Share this article: Facebook Twitter WhatsApp""",
        links={("Dean Huijsen", "Newcastle United"): "Bournemouth"},
        fees=[("Dean Huijsen", 50_000_000, "GBP", "release_clause")],
        no_links_to=(("Dean Huijsen", "Juventus"),),
    ),
    Case(
        "byline_is_not_a_player",
        """By Sam Wallace

Tottenham Hotspur have made an approach to Fulham for Antonee Robinson, with the London rivals
also in talks over a fee for the American full-back.""",
        links={("Antonee Robinson", "Tottenham Hotspur"): "Fulham"},
        no_links_to=(("Sam Wallace", "Tottenham Hotspur"),),
    ),
]

CASES_5.append(
    Case(
        "gossip_column_with_bracketed_sources",
        """Manchester United are considering a move for Ipswich striker Liam Delap, 22, but face
competition from Chelsea. (Mail)

Real Madrid have opened talks with Liverpool over a January deal for England defender Trent
Alexander-Arnold, 26. (Marca - in Spanish)

Paris St-Germain are keen on Napoli's Georgia winger Khvicha Kvaratskhelia, 23. (L'Equipe - in
French)

Tottenham's South Korea forward Son Heung-min, 32, is attracting interest from Saudi Pro League
clubs. (Telegraph)

Aston Villa want £30m for Colombia forward Jhon Duran, 21. (Sun)

Bayern Munich have made contact with Bayer Leverkusen over German midfielder Florian Wirtz.
(Sky Germany)""",
        links={
            ("Liam Delap", "Manchester United"): "Ipswich Town",
            ("Liam Delap", "Chelsea"): "Ipswich Town",
            ("Trent Alexander-Arnold", "Real Madrid"): "Liverpool",
            ("Khvicha Kvaratskhelia", "Paris Saint-Germain"): "Napoli",
            ("Florian Wirtz", "Bayern Munich"): "Bayer Leverkusen",
        },
        statuses={("Florian Wirtz", "Bayern Munich"): "contact"},
        fees=[("Jhon Duran", 30_000_000, "GBP", "asking")],
        outlets=("Daily Mail", "Marca", "L'Equipe", "The Telegraph", "The Sun"),
        no_links_to=(("Son Heung-min", "Tottenham Hotspur"), ("Jhon Duran", "Aston Villa")),
    )
)

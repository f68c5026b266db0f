"""Clubs, people, coreference, sources and fee kinds, each on a sentence or two."""

from __future__ import annotations

import pytest

from bot.domain import FeeKind, Status
from bot.extraction import Extractor
from bot.extraction.fees import FeeContext, fee_kind, not_a_player_fee
from bot.extraction.money import parse_money
from bot.extraction.textutil import build_doc, clean_text
from bot.text import fold


def clubs_in(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    doc = build_doc(clean_text(text))
    return [(m.club.name, doc.text[m.start : m.end]) for m in extractor.clubs.find(doc)]


def links(extractor: Extractor, text: str) -> dict[tuple[str, str], object]:
    return {(lk.player, lk.to_club): lk for lk in extractor.extract(text).links}


# ---------------------------------------------------------------- clubs


def test_club_names_aliases_grounds(extractor: Extractor) -> None:
    found = clubs_in(extractor, "Man Utd and Spurs want him at Old Trafford, not Anfield.")
    assert [c for c, _ in found] == [
        "Manchester United",
        "Tottenham Hotspur",
        "Manchester United",
        "Liverpool",
    ]


def test_blues_by_context(extractor: Extractor) -> None:
    chelsea = clubs_in(extractor, "Chelsea are keen. The Blues have bid.")
    everton = clubs_in(extractor, "Everton are keen. The Blues have bid.")
    assert chelsea[-1][0] == "Chelsea" and everton[-1][0] == "Everton"


def test_descriptions_resolve_to_named_clubs(extractor: Extractor) -> None:
    text = (
        "Atalanta want €60m. The Serie A side and the Bergamo club are the same; the Italian "
        "outfit will not budge. Chelsea refuse; the west London side have walked away."
    )
    names = [c for c, _ in clubs_in(extractor, text)]
    assert names == ["Atalanta", "Atalanta", "Atalanta", "Atalanta", "Chelsea", "Chelsea"]


def test_city_is_not_the_club(extractor: Extractor) -> None:
    found = clubs_in(extractor, "He will arrive in Birmingham on Monday.")
    assert found == []


def test_saudi_pro_league_club(extractor: Extractor) -> None:
    text = "Al Hilal have made an offer. The Saudi Pro League club are confident."
    assert [c for c, _ in clubs_in(extractor, text)] == ["Al Hilal", "Al Hilal"]


def test_managers_side_is_his_club(extractor: Extractor) -> None:
    text = (
        "Leverkusen coach Xabi Alonso is keen on Juventus midfielder Weston McKennie, and "
        "Alonso's side have now made an enquiry."
    )
    found = links(extractor, text)
    assert ("Weston McKennie", "Bayer Leverkusen") in found


# ---------------------------------------------------------------- people


def test_titles_make_non_players(extractor: Extractor) -> None:
    text = (
        "Spurs boss Ange Postecoglou wants Jarrad Branthwaite. Everton director of football "
        "Kevin Thelwell and agent Jorge Mendes have held talks. Branthwaite is valued at "
        "£70m."
    )
    result = extractor.extract(text)
    roles = {p.name: p.role for p in result.people}
    assert roles.get("Ange Postecoglou") in ("manager", "coach")
    assert roles.get("Jorge Mendes") == "agent"
    assert "Kevin Thelwell" in roles
    assert {p.name for p in result.players} == {"Jarrad Branthwaite"}


def test_typo_of_a_known_manager_is_still_a_manager(extractor: Extractor) -> None:
    text = (
        "Arne Slot is expected to replace Jurgen Kopp at Anfield, and Liverpool want "
        "Teun Koopmeiners."
    )
    result = extractor.extract(text)
    assert all(fold(lk.player) != "jurgen kopp" for lk in result.links)
    assert "Jurgen Klopp" in {p.name for p in result.people}


def test_journalist_credit_is_not_a_player(extractor: Extractor) -> None:
    text = "According to Florian Plettenberg, Bayern are in talks with Joshua Kimmich's agents."
    result = extractor.extract(text)
    assert "Florian Plettenberg" in result.outlets
    assert "Florian Plettenberg" not in {p.name for p in result.players}


def test_unknown_journalist_from_outlet_possessive(extractor: Extractor) -> None:
    text = "Sky Sports' Kaveh Solhekol says Chelsea have made an offer for Xavi Simons."
    result = extractor.extract(text)
    assert ("Xavi Simons", "Chelsea") in {(lk.player, lk.to_club) for lk in result.links}
    assert "Kaveh Solhekol" not in {lk.player for lk in result.links}


# ---------------------------------------------------------------- coreference


def test_surname_typo_possessive_and_curly_quotes(extractor: Extractor) -> None:
    text = (
        "Juventus want Atalanta’s Teun Koopmeiners. Koopmeiners’ form has impressed, and "
        "Liverpool have also asked about Koopmeiner."
    )
    found = links(extractor, text)
    assert set(found) == {("Teun Koopmeiners", "Juventus"), ("Teun Koopmeiners", "Liverpool")}


def test_descriptions_resolve_to_the_player(extractor: Extractor) -> None:
    text = (
        "Stuttgart centre-back Waldemar Anton has a release clause. Borussia Dortmund are in "
        "the race to sign the 27-year-old. The defender is also wanted by Bayer Leverkusen."
    )
    found = links(extractor, text)
    assert ("Waldemar Anton", "Borussia Dortmund") in found
    assert ("Waldemar Anton", "Bayer Leverkusen") in found


def test_same_surname_goes_to_the_nearest_player(extractor: Extractor) -> None:
    text = (
        "Manchester United want Bruno Fernandes. Tottenham have made a loan offer for "
        "Benfica's Gedson Fernandes, and West Ham have agreed a deal for Fernandes."
    )
    found = links(extractor, text)
    assert ("Gedson Fernandes", "West Ham United") in found
    assert ("Bruno Fernandes", "West Ham United") not in found


def test_canonical_name_is_the_fullest_form(extractor: Extractor) -> None:
    text = "Kane is wanted by Bayern Munich. Harry Kane has a £100m valuation."
    assert ("Harry Kane", "Bayern Munich") in links(extractor, text)


# ---------------------------------------------------------------- current club vs linked club


def test_current_club_is_never_the_destination(extractor: Extractor) -> None:
    text = (
        "Chelsea midfielder Conor Gallagher could leave. Atletico Madrid are in talks with "
        "Chelsea over Gallagher."
    )
    found = links(extractor, text)
    assert ("Conor Gallagher", "Atletico Madrid") in found
    assert ("Conor Gallagher", "Chelsea") not in found


def test_former_club_and_opponents_are_not_links(extractor: Extractor) -> None:
    text = (
        "The former Liverpool winger impressed against Arsenal, and Aston Villa want "
        "Harvey Elliott."
    )
    assert set(links(extractor, text)) == {("Harvey Elliott", "Aston Villa")}


def test_denial_alone_is_not_a_link_but_denial_after_interest_is(extractor: Extractor) -> None:
    assert links(extractor, "Arsenal have denied any interest in Ivan Toney.") == {}
    text = (
        "Arsenal were linked with Ivan Toney last week. But Arsenal have now denied any "
        "interest in Toney."
    )
    found = links(extractor, text)
    assert found[("Ivan Toney", "Arsenal")].status is Status.DENIED  # type: ignore[attr-defined]


# ---------------------------------------------------------------- sources


def test_credit_phrases(extractor: Extractor) -> None:
    text = (
        "Liverpool are keen on Xavi Simons, according to Football Insider (via TBR Football). "
        "As per Evening Standard, Chelsea are also keen, as exclusively revealed by TEAMtalk. "
        "The interest was reported by Fabrizio Romano."
    )
    outlets = extractor.extract(text).outlets
    for name in (
        "Football Insider",
        "TBR Football",
        "Evening Standard",
        "TEAMtalk",
        "Fabrizio Romano",
    ):
        assert name in outlets


def test_unknown_outlet_in_a_credit_phrase(extractor: Extractor) -> None:
    text = "According to Calcio Planet Weekly, Napoli want Scott McTominay."
    assert "Calcio Planet Weekly" in extractor.extract(text).outlets


def test_publisher_from_source_domain(extractor: Extractor) -> None:
    outlet = extractor.outlet_for_source("https://www.skysports.com/football/news/123")
    assert outlet is not None and outlet.name == "Sky Sports"
    result = extractor.extract("Arsenal want Xavi Simons.", source="https://www.skysports.com/x")
    assert result.links[0].sources == ("Sky Sports",)


# ---------------------------------------------------------------- fee kinds


def kind(sentence: str) -> FeeKind:
    money = parse_money(sentence)[0]
    before, after = sentence[: money.start], sentence[money.end :]
    return fee_kind(money, FeeContext(before, after))


def test_fee_kinds() -> None:
    assert kind("Chelsea submitted a £51m bid") is FeeKind.BID
    assert kind("He has a release clause of €60m") is FeeKind.RELEASE_CLAUSE
    assert kind("Atalanta value him at £40m") is FeeKind.ASKING
    assert kind("Palace will pay a loan fee of £2m") is FeeKind.LOAN_FEE
    assert kind("He earns £200,000-a-week") is FeeKind.WAGE
    assert kind("an annual salary of €200m") is FeeKind.WAGE
    assert kind("plus €5m in add-ons") is FeeKind.OTHER
    assert kind("a deal worth £30m") in (FeeKind.FEE, FeeKind.ASKING)


def test_budgets_and_differences_are_not_player_fees() -> None:
    sentence = "Mourinho could spend as much as £120m on defenders next summer"
    money = parse_money(sentence)[0]
    assert not_a_player_fee(FeeContext(sentence[: money.start], sentence[money.end :]))
    sentence = "He cost £9m less than Arthur"
    money = parse_money(sentence)[0]
    assert not_a_player_fee(FeeContext(sentence[: money.start], sentence[money.end :]))


def test_appointed_or_hired_staff_are_not_players(extractor: Extractor) -> None:
    text = (
        "Everton have held talks with Paolo Rossiter about becoming their new manager. "
        "Leeds United have appointed Dieter Vandenberg as head coach. Vandenberg wants to sign "
        "Brentford's Keane Lewis-Potter."
    )
    result = extractor.extract(text)
    assert {(lk.player, lk.to_club) for lk in result.links} == {
        ("Keane Lewis-Potter", "Leeds United")
    }
    roles = {p.name: p.role for p in result.people}
    assert roles.get("Paolo Rossiter") == "manager"
    assert roles.get("Dieter Vandenberg") == "manager"


def test_the_club_as_subject_is_the_named_club(extractor: Extractor) -> None:
    text = (
        "Bayern Munich sporting director Max Eberl confirmed the club are in talks with "
        "Stuttgart over Hiroki Ito."
    )
    [link] = extractor.extract(text).links
    assert (link.player, link.to_club, link.from_club) == (
        "Hiroki Ito",
        "Bayern Munich",
        "Stuttgart",
    )
    assert link.status is Status.TALKS


def test_negated_move_is_not_a_link(extractor: Extractor) -> None:
    assert extractor.extract("Sources say Kylian Mbappe will not join Liverpool.").links == []


def test_link_sources_follow_the_story(extractor: Extractor) -> None:
    text = (
        "Liverpool want Atalanta's Teun Koopmeiners, according to Calciomercato (via TBR "
        "Football).\n\nChelsea midfielder Conor Gallagher could leave. As per Evening Standard, "
        "the Reds have been linked with Gallagher.\n\nKoopmeiners is also wanted by Juventus."
    )
    links = {(lk.player, lk.to_club): lk.sources for lk in extractor.extract(text).links}
    assert links[("Teun Koopmeiners", "Liverpool")] == ("Calciomercato", "TBR Football")
    assert links[("Conor Gallagher", "Liverpool")] == ("Evening Standard",)
    assert "Evening Standard" not in links[("Teun Koopmeiners", "Juventus")]


def test_quote_source_is_not_credited(extractor: Extractor) -> None:
    text = (
        "Liverpool want Conor Gallagher. Jurgen Klopp praised him, saying (via Liverpool.com): "
        '"He is a really good player."'
    )
    assert "Liverpool.com" not in extractor.extract(text).outlets


@pytest.mark.parametrize(
    ("sentence", "player", "club"),
    [
        ("Arsenal are in pole position to sign Martin Zubimendi.", "Martin Zubimendi", "Arsenal"),
        (
            "Aston Villa have been credited with an interest in Dominic Solanke.",
            "Dominic Solanke",
            "Aston Villa",
        ),
        (
            "Brighton have identified Sunderland's Chris Rigg as a top target.",
            "Chris Rigg",
            "Brighton & Hove Albion",
        ),
        (
            "Jarrad Branthwaite is on the radar of Manchester United.",
            "Jarrad Branthwaite",
            "Manchester United",
        ),
        ("Jonathan David has emerged as a target for Napoli.", "Jonathan David", "Napoli"),
        ("Kevin De Bruyne could be set for a move to Napoli.", "Kevin De Bruyne", "Napoli"),
        ("Bayern Munich have joined the race for Florian Wirtz.", "Florian Wirtz", "Bayern Munich"),
        (
            "Manchester United have been put on alert over Ivan Toney's availability.",
            "Ivan Toney",
            "Manchester United",
        ),
        (
            "Everton are plotting a swoop for Leeds United winger Wilfried Gnonto.",
            "Wilfried Gnonto",
            "Everton",
        ),
        ("Leicester City striker Jamie Vardy is wanted by Wrexham.", "Jamie Vardy", "Wrexham"),
        ("Osimhen, who is out of favour at Napoli, is wanted by Al Hilal.", "Osimhen", "Al Hilal"),
        (
            "West Ham are favourites to sign Niclas Fullkrug from Borussia Dortmund.",
            "Niclas Fullkrug",
            "West Ham United",
        ),
    ],
)
def test_common_phrasings(extractor: Extractor, sentence: str, player: str, club: str) -> None:
    assert [(lk.player, lk.to_club) for lk in extractor.extract(sentence).links] == [(player, club)]


def test_seller_holding_out_is_not_a_suitor(extractor: Extractor) -> None:
    text = (
        "Chelsea have opened talks over a deal for Jamie Gittens, with Borussia Dortmund "
        "holding out for €65m."
    )
    result = extractor.extract(text)
    assert [(lk.to_club, lk.from_club) for lk in result.links] == [("Chelsea", "Borussia Dortmund")]
    assert result.fees[0].kind is FeeKind.ASKING


def test_sentence_initial_words_are_not_people(extractor: Extractor) -> None:
    result = extractor.extract(
        "Nothing is agreed yet. Given how things stand, Liverpool are keen on Rayan Cherki."
    )
    assert [p.name for p in result.players] == ["Rayan Cherki"]

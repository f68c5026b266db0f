"""The table of tricky queries, written before the resolver.

R(name)      resolve() must pick exactly this entity.
A(*names)    resolve() must refuse to guess and offer (at least) these candidates.
N(*names)    resolve() finds nothing close; the suggestions must include these names.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.names import Ambiguous, NameIndex, NotFound, Resolved


@dataclass(frozen=True)
class Expect:
    outcome: str  # "resolved" | "ambiguous" | "not_found"
    names: tuple[str, ...]


def R(name: str) -> Expect:
    return Expect("resolved", (name,))


def A(*names: str) -> Expect:
    return Expect("ambiguous", names)


def N(*names: str) -> Expect:
    return Expect("not_found", names)


PLAYER_TABLE: list[tuple[str, Expect]] = [
    # the examples
    ("koopmeiner", R("Teun Koopmeiners")),
    ("KOOPMEINERS", R("Teun Koopmeiners")),
    ("Koopmeiners'", R("Teun Koopmeiners")),
    ("Koopmeiners's", R("Teun Koopmeiners")),
    ("T. Koopmeiners", R("Teun Koopmeiners")),
    ("teun koopmeiners", R("Teun Koopmeiners")),
    ("koopmeinerz", R("Teun Koopmeiners")),
    ("Ødegaard", R("Martin Ødegaard")),
    ("odegaard", R("Martin Ødegaard")),
    ("odegard", R("Martin Ødegaard")),
    ("oedegaard", R("Martin Ødegaard")),
    ("van dijk", R("Virgil van Dijk")),
    ("Van Dijk", R("Virgil van Dijk")),
    ("vandijk", R("Virgil van Dijk")),
    ("Virgil", R("Virgil van Dijk")),
    ("virgil van dijk", R("Virgil van Dijk")),
    ("gallager", R("Conor Gallagher")),
    ("conor gallager", R("Conor Gallagher")),
    ("Mbappé", R("Kylian Mbappé")),
    ("mbappe", R("Kylian Mbappé")),
    ("mbape", R("Kylian Mbappé")),
    ("Gvardiol", R("Joško Gvardiol")),
    ("josko gvardiol", R("Joško Gvardiol")),
    ("szobozlai", R("Dominik Szoboszlai")),
    ("soboszlai", R("Dominik Szoboszlai")),
    ("szoboslai", R("Dominik Szoboszlai")),
    ("kvaratskelia", R("Khvicha Kvaratskhelia")),
    ("kvaratshkelia", R("Khvicha Kvaratskhelia")),
    ("kvaradona", N("Khvicha Kvaratskhelia")),
    ("kvara", R("Khvicha Kvaratskhelia")),
    ("Alexander-Arnold", R("Trent Alexander-Arnold")),
    ("alexander arnold", R("Trent Alexander-Arnold")),
    ("alexanderarnold", R("Trent Alexander-Arnold")),
    ("trent", R("Trent Alexander-Arnold")),
    ("TAA", R("Trent Alexander-Arnold")),
    # ambiguous surnames and given names
    ("Silva", A("Bernardo Silva", "Thiago Silva", "André Silva", "Rafa Silva", "Fábio Silva")),
    ("bernardo silva", R("Bernardo Silva")),
    ("Gabriel", A("Gabriel Magalhães", "Gabriel Jesus", "Gabriel Martinelli")),
    ("gabriel jesus", R("Gabriel Jesus")),
    ("Fernandes", A("Bruno Fernandes", "Mateus Fernandes")),
    ("bruno fernandes", R("Bruno Fernandes")),
    ("fernandez", R("Enzo Fernández")),
    ("bruno", A("Bruno Fernandes", "Bruno Guimarães")),
    ("dos Santos", A("Giovani dos Santos", "Jonathan dos Santos")),
    ("giovani dos santos", R("Giovani dos Santos")),
    ("de Jong", A("Frenkie de Jong", "Luuk de Jong")),
    ("frenkie de jong", R("Frenkie de Jong")),
    ("dejong", A("Frenkie de Jong", "Luuk de Jong")),
    ("martinez", A("Lautaro Martínez", "Lisandro Martínez", "Emiliano Martínez", "Íñigo Martínez")),
    ("lautaro", R("Lautaro Martínez")),
    ("dibu martinez", R("Emiliano Martínez")),
    ("hernandez", A("Theo Hernández", "Lucas Hernández")),
    ("theo", R("Theo Hernández")),
    ("williams", A("Nico Williams", "Iñaki Williams")),
    ("nico williams", R("Nico Williams")),
    ("alvarez", A("Julián Álvarez", "Edson Álvarez")),
    ("julian alvarez", R("Julián Álvarez")),
    ("james", A("Reece James", "Daniel James", "James Maddison", "James Rodríguez")),
    ("harry", A("Harry Kane", "Harry Maguire")),
    ("kane", R("Harry Kane")),
    ("pedro", A("Pedro Neto", "Pedro Porro", "João Pedro")),
    ("joao pedro", R("João Pedro")),
    ("rodrigo", A("Rodrigo Bentancur", "Rodrigo De Paul")),
    ("rodri", R("Rodri")),
    ("rodrygo", R("Rodrygo")),
    ("de paul", R("Rodrigo De Paul")),
    # special letters
    ("Großkreutz", R("Kevin Großkreutz")),
    ("grosskreutz", R("Kevin Großkreutz")),
    ("groskreutz", R("Kevin Großkreutz")),
    ("Łukasz Fabiański", R("Łukasz Fabiański")),
    ("lukasz fabianski", R("Łukasz Fabiański")),
    ("fabianski", R("Łukasz Fabiański")),
    ("Kerem Aktürkoğlu", R("Kerem Aktürkoğlu")),
    ("akturkoglu", R("Kerem Aktürkoğlu")),
    ("Kjær", R("Simon Kjær")),
    ("kjaer", R("Simon Kjær")),
    ("yildiz", R("Kenan Yıldız")),
    ("gundogan", R("İlkay Gündoğan")),
    ("muller", R("Thomas Müller")),
    ("mueller", R("Thomas Müller")),
    ("hojlund", R("Rasmus Højlund")),
    ("hoejlund", R("Rasmus Højlund")),
    ("bayindir", R("Altay Bayındır")),
    ("sesko", R("Benjamin Šeško")),
    ("calhanoglu", R("Hakan Çalhanoğlu")),
    # particles, hyphens, initials, aliases
    ("ter stegen", R("Marc-André ter Stegen")),
    ("marc andre ter stegen", R("Marc-André ter Stegen")),
    ("mac allister", R("Alexis Mac Allister")),
    ("macallister", R("Alexis Mac Allister")),
    ("di maria", R("Ángel Di María")),
    ("van de ven", R("Micky van de Ven")),
    ("ward prowse", R("James Ward-Prowse")),
    ("j. maddison", R("James Maddison")),
    ("zaire emery", R("Warren Zaïre-Emery")),
    ("calvert-lewin", R("Dominic Calvert-Lewin")),
    ("son", R("Son Heung-min")),
    ("heung-min son", R("Son Heung-min")),
    ("de bruyne", R("Kevin De Bruyne")),
    ("KDB", R("Kevin De Bruyne")),
    ("vini jr", R("Vinícius Júnior")),
    ("vinicius", R("Vinícius Júnior")),
    ("cr7", R("Cristiano Ronaldo")),
    ("mo salah", R("Mohamed Salah")),
    ("salah's", R("Mohamed Salah")),
    ("messi", R("Lionel Messi")),
    ("haalland", R("Erling Haaland")),
    ("isak", R("Alexander Isak")),
    ("eze", R("Eberechi Eze")),
    ("xyzzy", N()),
    ("j. koopmeiners", N("Teun Koopmeiners")),
]

CLUB_TABLE: list[tuple[str, Expect]] = [
    ("spurs", R("Tottenham Hotspur")),
    ("Spurs'", R("Tottenham Hotspur")),
    ("tottenham", R("Tottenham Hotspur")),
    ("man utd", R("Manchester United")),
    ("Man Utd", R("Manchester United")),
    ("man united", R("Manchester United")),
    ("manchester united", R("Manchester United")),
    ("man city", R("Manchester City")),
    ("manchester", A("Manchester United", "Manchester City")),
    ("united", A("Manchester United", "Newcastle United", "West Ham United")),
    ("PSG", R("Paris Saint-Germain")),
    ("paris", R("Paris Saint-Germain")),
    ("paris saint germain", R("Paris Saint-Germain")),
    ("inter", R("Inter Milan")),
    ("inter miami", R("Inter Miami")),
    ("milan", R("AC Milan")),
    ("ac milan", R("AC Milan")),
    ("juve", R("Juventus")),
    ("juventas", R("Juventus")),
    ("barca", R("Barcelona")),
    ("Barça", R("Barcelona")),
    ("atleti", R("Atlético Madrid")),
    ("Atlético", R("Atlético Madrid")),
    ("atletico", R("Atlético Madrid")),
    ("atletico madrid", R("Atlético Madrid")),
    ("athletic", R("Athletic Club")),
    ("real", A("Real Madrid", "Real Sociedad", "Real Betis")),
    ("real madrid", R("Real Madrid")),
    ("sociedad", R("Real Sociedad")),
    ("bayern", R("Bayern Munich")),
    ("bayern munchen", R("Bayern Munich")),
    ("bayer", R("Bayer Leverkusen")),
    ("leverkusen", R("Bayer Leverkusen")),
    ("bvb", R("Borussia Dortmund")),
    ("borussia", A("Borussia Dortmund", "Borussia Mönchengladbach")),
    ("Borussia Mönchengladbach", R("Borussia Mönchengladbach")),
    ("gladbach", R("Borussia Mönchengladbach")),
    ("monchengladbach", R("Borussia Mönchengladbach")),
    ("moenchengladbach", R("Borussia Mönchengladbach")),
    ("wolves", R("Wolverhampton Wanderers")),
    ("wolverhampton", R("Wolverhampton Wanderers")),
    ("brighton", R("Brighton & Hove Albion")),
    ("the reds", A("Liverpool", "Nottingham Forest")),
    ("the blues", A("Chelsea", "Everton")),
    ("the gunners", R("Arsenal")),
    ("arsenal's", R("Arsenal")),
    ("hammers", R("West Ham United")),
    ("west ham", R("West Ham United")),
    ("olympique", A("Marseille", "Lyon")),
    ("sporting", R("Sporting CP")),
    ("fenerbahce", R("Fenerbahçe")),
    ("galatasary", R("Galatasaray")),
    ("psv", R("PSV Eindhoven")),
    ("atalanta", R("Atalanta")),
    ("liverpool", R("Liverpool")),
    ("newcastle", R("Newcastle United")),
    ("zzzz fc", N()),
]


def _check(index: NameIndex, query: str, expect: Expect) -> None:
    result = index.resolve(query)
    if expect.outcome == "resolved":
        assert isinstance(result, Resolved), f"{query!r}: expected {expect.names[0]}, got {result}"
        assert result.candidate.name == expect.names[0], f"{query!r}: got {result.candidate}"
    elif expect.outcome == "ambiguous":
        assert isinstance(result, Ambiguous), f"{query!r}: expected ambiguity, got {result}"
        offered = {candidate.name for candidate in result.candidates}
        missing = set(expect.names) - offered
        assert not missing, f"{query!r}: candidates {sorted(offered)} lack {sorted(missing)}"
        assert len(result.candidates) <= 25
    else:
        assert isinstance(result, NotFound), f"{query!r}: expected nothing, got {result}"
        suggested = {candidate.name for candidate in result.suggestions}
        missing = set(expect.names) - suggested
        assert not missing, f"{query!r}: suggestions {sorted(suggested)} lack {sorted(missing)}"
    assert result.message  # every outcome has something to show the user


@pytest.mark.parametrize(("query", "expect"), PLAYER_TABLE, ids=[q for q, _ in PLAYER_TABLE])
def test_player_query(players: NameIndex, query: str, expect: Expect) -> None:
    _check(players, query, expect)


@pytest.mark.parametrize(("query", "expect"), CLUB_TABLE, ids=[q for q, _ in CLUB_TABLE])
def test_club_query(clubs: NameIndex, query: str, expect: Expect) -> None:
    _check(clubs, query, expect)


def test_table_size() -> None:
    assert len(PLAYER_TABLE) + len(CLUB_TABLE) >= 60
    assert len(CLUB_TABLE) >= 20

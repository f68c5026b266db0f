"""When ingestion may take a differently written name for a stored player (labelled pairs)."""

from __future__ import annotations

import pytest

from bot.names.identity import same_player

SAME = [
    ("Koopmeiner", "Teun Koopmeiners"),
    ("T. Koopmeiners", "Teun Koopmeiners"),
    ("Koopmeiners", "Teun Koopmeiners"),
    ("Martin Odegaard", "Martin Ødegaard"),
    ("Virgil Van Dijk", "Virgil van Dijk"),
    ("Conor Gallager", "Conor Gallagher"),
    ("Joao Felix", "João Félix"),
    ("Dusan Vlahovic", "Dušan Vlahović"),
    ("Khvicha Kvaratskelia", "Khvicha Kvaratskhelia"),
]
DIFFERENT = [
    ("Jack Grealish", "Jack Greenwood"),
    ("Gabriel Jesus", "Gabriel Martinelli"),
    ("Mason Mount", "Mason Holgate"),
    ("Ben White", "Ben Whyte"),
    ("Thiago Silva", "Bernardo Silva"),
    ("Rodri", "Rodrigo"),
    ("Kyle Walker", "Kyle Walker-Peters"),
    ("Lucas Hernandez", "Theo Hernandez"),
    ("Pedro Neto", "Pedri"),
    ("Frenkie de Jong", "Luuk de Jong"),
    ("Player Number 01 Name", "Player Number 00 Name"),
    ("Gabriel Fernando Jesus", "Gabriel Jesus"),
]


@pytest.mark.parametrize(("new", "stored"), SAME)
def test_same_player(new: str, stored: str) -> None:
    assert same_player(new, stored)


@pytest.mark.parametrize(("new", "stored"), DIFFERENT)
def test_different_players(new: str, stored: str) -> None:
    assert not same_player(new, stored)


def test_clubs_must_agree_when_both_known() -> None:
    assert same_player("Koopmeiner", "Teun Koopmeiners", 1, 1)
    assert same_player("Koopmeiner", "Teun Koopmeiners", None, 1)
    assert not same_player("Koopmeiner", "Teun Koopmeiners", 2, 1)

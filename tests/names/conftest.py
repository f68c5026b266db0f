from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from names_fixture_data import CLUBS, PLAYERS

from bot.names import NameIndex

REFERENCE_DATE = datetime(2025, 6, 1, tzinfo=UTC)


def build_player_index() -> NameIndex:
    index = NameIndex(kind="player")
    for person in PLAYERS:
        last_seen = None if person.days_ago is None else REFERENCE_DATE - timedelta(person.days_ago)
        index.add(
            person.entity_id,
            person.name,
            person.aliases,
            label_suffix=person.club,
            last_seen=last_seen,
            mentions=person.mentions,
        )
    return index


def build_club_index() -> NameIndex:
    index = NameIndex(kind="club")
    for club in CLUBS:
        index.add(club.entity_id, club.name, (*club.aliases, *club.nicknames))
    return index


@pytest.fixture(scope="module")
def players() -> NameIndex:
    return build_player_index()


@pytest.fixture(scope="module")
def clubs() -> NameIndex:
    return build_club_index()

"""Reference data the bot starts with: clubs, outlets and known non-players.

Loaded from TOML files in ``seeds/reference/`` (data, not code) so admins and contributors can
extend them without touching Python. Python's own ``tomllib`` reads them: no extra dependency.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.text import fold

DEFAULT_REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


@dataclass(frozen=True)
class ClubRef:
    name: str  # common English name, e.g. "Manchester United"
    country: str
    league: str
    aliases: tuple[str, ...] = ()  # short and official names: "Man Utd", "Manchester United FC"
    nicknames: tuple[str, ...] = ()  # "the Red Devils"; may be shared by several clubs
    places: tuple[str, ...] = ()  # city / area words used as "the Bergamo club"
    grounds: tuple[str, ...] = ()  # stadiums used as metonyms: "a move to Anfield"


@dataclass(frozen=True)
class OutletRef:
    name: str
    kind: str  # "outlet" or "journalist"
    tier: int  # 1 = most reliable ... 4 = aggregator / unreliable
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonRef:
    name: str
    role: str  # manager, coach, director, president, owner, executive, agent, journalist
    club: str | None = None  # the club the person works for, if any
    aliases: tuple[str, ...] = ()
    # last year a former player played: in articles up to then he may be a player
    player_until: int | None = None


@dataclass
class ReferenceData:
    clubs: list[ClubRef] = field(default_factory=list)
    outlets: list[OutletRef] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)

    @cached_property
    def clubs_by_name(self) -> dict[str, ClubRef]:
        return {fold(club.name): club for club in self.clubs}

    @cached_property
    def outlets_by_name(self) -> dict[str, OutletRef]:
        table: dict[str, OutletRef] = {}
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                table[fold(name)] = outlet
        return table

    def club(self, name: str) -> ClubRef | None:
        return self.clubs_by_name.get(fold(name))

    def outlet(self, name: str) -> OutletRef | None:
        return self.outlets_by_name.get(fold(name))


def _tuple(entry: dict[str, object], key: str) -> tuple[str, ...]:
    value = entry.get(key, ())
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)  # type: ignore[attr-defined]


def load_reference(directory: Path = DEFAULT_REFERENCE_DIR) -> ReferenceData:
    """Read clubs.toml, outlets.toml and people.toml; a missing file means an empty list."""
    data = ReferenceData()

    def read(name: str) -> dict[str, list[dict[str, object]]]:
        path = directory / name
        if not path.exists():
            return {}
        with path.open("rb") as handle:
            return tomllib.load(handle)  # type: ignore[return-value]

    for entry in read("clubs.toml").get("club", []):
        data.clubs.append(
            ClubRef(
                name=str(entry["name"]),
                country=str(entry.get("country", "")),
                league=str(entry.get("league", "")),
                aliases=_tuple(entry, "aliases"),
                nicknames=_tuple(entry, "nicknames"),
                places=_tuple(entry, "places"),
                grounds=_tuple(entry, "grounds"),
            )
        )
    for entry in read("outlets.toml").get("outlet", []):
        data.outlets.append(
            OutletRef(
                name=str(entry["name"]),
                kind=str(entry.get("kind", "outlet")),
                tier=int(entry.get("tier", 3)),  # type: ignore[call-overload]
                aliases=_tuple(entry, "aliases"),
                domains=_tuple(entry, "domains"),
            )
        )
    for entry in read("people.toml").get("person", []):
        club = entry.get("club")
        data.people.append(
            PersonRef(
                name=str(entry["name"]),
                role=str(entry.get("role", "manager")),
                club=str(club) if club else None,
                aliases=_tuple(entry, "aliases"),
                player_until=_year(entry.get("player_until")),
            )
        )
    return data


def _year(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None

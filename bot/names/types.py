"""Result types of name search and resolution (plain data, no Discord, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

DISCORD_MAX_CHOICES = 25
DISCORD_MAX_LABEL = 100
_MESSAGE_LISTED = 10
_QUERY_SHOWN = 80


@dataclass(frozen=True)
class Candidate:
    """One entity that matches a query.

    ``score`` is the match quality (0-100; 100 = every query word matched exactly; 103 = the query
    *is* the name or one alias). Popularity never enters ``score``: it only orders candidates of
    equal quality. ``matched`` is the name or alias the query matched.
    """

    entity_id: int
    name: str
    label: str  # "Teun Koopmeiners — Atalanta"
    score: float
    matched: str
    exact: bool = False  # the query is exactly this name or alias (particles aside)


@dataclass(frozen=True)
class NameRecord:
    """What the index needs to know about an entity; rows of the start-up rebuild."""

    entity_id: int
    name: str
    aliases: tuple[str, ...] = ()
    label_suffix: str | None = None
    last_seen: datetime | None = None
    mentions: int = 0


def _shown(query: str) -> str:
    query = " ".join(query.split())
    return query if len(query) <= _QUERY_SHOWN else query[: _QUERY_SHOWN - 1] + "…"


@dataclass(frozen=True)
class Resolved:
    query: str
    candidate: Candidate
    kind: str = "player"

    @property
    def message(self) -> str:
        return self.candidate.label


@dataclass(frozen=True)
class Ambiguous:
    """Several entities fit equally well: the user has to choose (never guessed)."""

    query: str
    candidates: list[Candidate] = field(default_factory=list)
    kind: str = "player"

    @property
    def message(self) -> str:
        listed = "\n".join(f"• {c.label}" for c in self.candidates[:_MESSAGE_LISTED])
        more = len(self.candidates) - _MESSAGE_LISTED
        tail = f"\n… and {more} more" if more > 0 else ""
        return (
            f'"{_shown(self.query)}" matches several {self.kind}s, which one do you mean?\n'
            f"{listed}{tail}"
        )


@dataclass(frozen=True)
class NotFound:
    query: str
    suggestions: list[Candidate] = field(default_factory=list)
    kind: str = "player"

    @property
    def message(self) -> str:
        text = f'No {self.kind} matching "{_shown(self.query)}".'
        if self.suggestions:
            text += " Did you mean: " + ", ".join(c.label for c in self.suggestions) + "?"
        return text


Resolution = Resolved | Ambiguous | NotFound

"""Vocabulary shared by every layer: link statuses, fee kinds, currencies, and the facts that
extraction produces. Plain data, no Discord and no database imports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """How far a (player, club) link has gone. Order of declaration = strength."""

    INTEREST = "interest"
    MONITORING = "monitoring"
    CONTACT = "contact"
    TALKS = "talks"
    BID = "bid"
    BID_REJECTED = "bid_rejected"
    AGREED = "agreed"
    MEDICAL = "medical"
    DONE = "done"
    # Terminal outcomes: they win over any earlier stage reported in the same article.
    DENIED = "denied"
    COLLAPSED = "collapsed"

    @property
    def rank(self) -> int:
        return _STATUS_ORDER.index(self)

    @classmethod
    def strongest(cls, statuses: list[Status]) -> Status:
        return max(statuses, key=lambda status: status.rank)


_STATUS_ORDER: list[Status] = list(Status)


class FeeKind(StrEnum):
    BID = "bid"
    ASKING = "asking"
    RELEASE_CLAUSE = "release_clause"
    FEE = "fee"
    LOAN_FEE = "loan_fee"
    WAGE = "wage"
    OTHER = "other"  # add-ons and figures that are none of the above


# Fixed conversion table so stored EUR amounts are reproducible; the version is stored with
# every fee so a later table change can be told apart.
EUR_RATES_VERSION = "2024-06-01"
EUR_PER_UNIT: dict[str, float] = {"EUR": 1.0, "GBP": 1.17, "USD": 0.92}


def to_eur(amount: float, currency: str) -> int:
    return round(amount * EUR_PER_UNIT[currency])


@dataclass(frozen=True)
class LinkFact:
    player: str
    to_club: str
    from_club: str | None
    status: Status
    confidence: float
    evidence: str
    sources: tuple[str, ...] = ()  # outlets/journalists credited for this link in the article

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
        data["sources"] = list(self.sources)
        return data


@dataclass(frozen=True)
class FeeFact:
    player: str
    to_club: str | None
    amount: int
    currency: str  # ISO 4217: GBP, EUR, USD
    kind: FeeKind
    evidence: str = ""

    @property
    def amount_eur(self) -> int:
        return to_eur(self.amount, self.currency)

    def to_json(self) -> dict[str, Any]:
        return {
            "player": self.player,
            "to_club": self.to_club,
            "amount": self.amount,
            "currency": self.currency,
            "kind": str(self.kind),
            "amount_eur": self.amount_eur,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class PersonFact:
    name: str
    role: str  # manager, coach, director, agent, journalist, president, owner, executive


@dataclass(frozen=True)
class PlayerFact:
    name: str
    current_club: str | None


@dataclass
class Extraction:
    published: date | None = None
    links: list[LinkFact] = field(default_factory=list)
    fees: list[FeeFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    players: list[PlayerFact] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `extract --json` contract of DESIGN.md (plus extra keys, never fewer)."""
        return {
            "published": self.published.isoformat() if self.published else None,
            "links": [link.to_json() for link in self.links],
            "fees": [fee.to_json() for fee in self.fees],
            "people": [{"name": p.name, "role": p.role} for p in self.people],
            "outlets": list(self.outlets),
            "players": [{"name": p.name, "current_club": p.current_club} for p in self.players],
            "eur_rates": {"version": EUR_RATES_VERSION, "eur_per_unit": EUR_PER_UNIT},
        }

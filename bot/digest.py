"""Digest composition: change events grouped by player, one line per club saying what changed.

Pure: takes plain change rows, returns a Digest the CLI prints and the bot posts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ChangeRow:
    player: str
    club: str | None
    kind: str  # new_link, new_fee, status_change
    created_at: datetime
    old_status: str | None = None
    new_status: str | None = None
    fee: str | None = None  # "£51m bid"
    previous_fee: str | None = None  # "£40m": the figure this one replaces
    sources: int = 0
    best_tier: int | None = None
    player_id: int | None = None
    event_id: int | None = None


@dataclass
class DigestLine:
    club: str | None
    parts: list[str] = field(default_factory=list)
    sources: int = 0
    best_tier: int | None = None

    def text(self) -> str:
        target = f"→ {self.club}" if self.club else "fee"
        trust = []
        if self.sources:
            trust.append(f"{self.sources} source{'s' if self.sources != 1 else ''}")
        if self.best_tier:
            trust.append(f"best tier {self.best_tier}")
        return f"{target}: {'; '.join([*self.parts, *([', '.join(trust)] if trust else [])])}"


@dataclass
class Digest:
    since: datetime
    until: datetime
    players: dict[str, list[DigestLine]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.players

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(), "until": self.until.isoformat(),
            "players": [{"player": player, "changes": [
                {"club": line.club, "changes": line.parts, "sources": line.sources,
                 "best_tier": line.best_tier} for line in lines]}
                for player, lines in self.players.items()],
        }

    def render_text(self) -> str:
        if self.empty:
            return f"nothing new since {self.since:%Y-%m-%d %H:%M} UTC"
        out = [f"Transfer digest, {self.since:%Y-%m-%d %H:%M} → {self.until:%Y-%m-%d %H:%M} UTC"]
        for player, lines in self.players.items():
            out.append(player)
            out.extend(f"  {line.text()}" for line in lines)
        return "\n".join(out)


def _describe(row: ChangeRow) -> str:
    if row.kind == "new_link":
        return f"new link ({(row.new_status or 'interest').replace('_', ' ')})"
    if row.kind == "status_change":
        return f"{row.old_status} → {row.new_status}".replace("_", " ")
    if row.previous_fee:
        return f"{row.previous_fee} → {row.fee}"
    return f"new fee {row.fee}"


def compose_digest(rows: list[ChangeRow], since: datetime, until: datetime) -> Digest:
    digest = Digest(since=since, until=until)
    for row in sorted(rows, key=lambda r: r.created_at):
        lines = digest.players.setdefault(row.player, [])
        line = next((line for line in lines if line.club == row.club), None)
        if line is None:
            line = DigestLine(club=row.club)
            lines.append(line)
        line.parts.append(_describe(row))
        line.sources = max(line.sources, row.sources)
        line.best_tier = row.best_tier if line.best_tier is None or row.best_tier is None \
            else min(line.best_tier, row.best_tier)
    return digest

"""Fuzzy resolution of player and club names (pure Python: no Discord, no database).

>>> index = NameIndex(kind="player")
>>> index.add(7, "Teun Koopmeiners", label_suffix="Atalanta")
>>> index.resolve("koopmeiner").message
'Teun Koopmeiners — Atalanta'
"""

from bot.names.index import NameIndex
from bot.names.normalize import (
    CLUB_PARTICLES,
    PLAYER_PARTICLES,
    alternative_spelling,
    compound_tokens,
    name_variants,
    tokens,
)
from bot.names.types import (
    DISCORD_MAX_CHOICES,
    DISCORD_MAX_LABEL,
    Ambiguous,
    Candidate,
    NameRecord,
    NotFound,
    Resolution,
    Resolved,
)

__all__ = [
    "CLUB_PARTICLES",
    "DISCORD_MAX_CHOICES",
    "DISCORD_MAX_LABEL",
    "PLAYER_PARTICLES",
    "Ambiguous",
    "Candidate",
    "NameIndex",
    "NameRecord",
    "NotFound",
    "Resolution",
    "Resolved",
    "alternative_spelling",
    "compound_tokens",
    "name_variants",
    "tokens",
]

"""Is a name seen in a new article the same person as a stored player?

Ingestion meets the same player written differently across articles: a dropped letter
("Koopmeiner"), an initial ("T. Koopmeiners"), the surname alone, a missing accent. Merging
them keeps one player with all his links; merging two different players would be worse than
a duplicate, so the rule is strict: the surnames must be near-identical, the given names
compatible, and the clubs (when both are known) the same.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from bot.names.normalize import PLAYER_PARTICLES, tokens


def _split(name: str) -> tuple[list[str], str]:
    words = [w for w in tokens(name) if w not in PLAYER_PARTICLES]
    if not words:
        return [], ""
    return words[:-1], words[-1]


def _word_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "T." fits "Teun"
        return a[0] == b[0]
    if any(ch.isdigit() for ch in a + b):
        return False
    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def _given_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True  # "Koopmeiners" alone fits "Teun Koopmeiners"
    return len(a) == len(b) and all(map(_word_compatible, a, b))


def surname_typo_budget(surname: str) -> int:
    return 0 if len(surname) < 6 else 1 if len(surname) < 10 else 2


def same_player(new: str, stored: str, new_club: int | None = None,
                stored_club: int | None = None) -> bool:
    if new_club is not None and stored_club is not None and new_club != stored_club:
        return False
    given_new, surname_new = _split(new)
    given_stored, surname_stored = _split(stored)
    if not surname_new or not surname_stored:
        return False
    if not given_new and not given_stored:
        return False  # two bare mononyms/surnames: nothing to confirm the match with
    budget = surname_typo_budget(max(surname_new, surname_stored, key=len))
    if any(ch.isdigit() for ch in surname_new + surname_stored):
        budget = 0
    if Levenshtein.distance(surname_new, surname_stored) > budget:
        return False
    return _given_compatible(given_new, given_stored)

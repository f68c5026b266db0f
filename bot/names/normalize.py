"""Name normalisation for fuzzy resolution.

Everything is built on :func:`bot.text.fold` (lower-case ASCII, accents and special letters
transliterated by anyascii: ø→o, ß→ss, ł→l, ı→i, æ→ae; possessives, punctuation and hyphens
removed). On top of it this module knows about:

* particles ("van", "de", "dos", "ter", "mac" for players; "the", "fc", "ac" for clubs): they are
  kept as tokens but are optional when matching, and never decide a match on their own;
* compounds: "Alexander-Arnold" and "van Dijk" are also indexed as "alexanderarnold" and
  "vandijk", because fans type them that way;
* the German/Scandinavian spelling of umlauts: "Müller" is also "mueller", "Højlund" is also
  "hoejlund" (anyascii only gives "muller", "hojlund");
* initials: a one-letter query token ("T. Koopmeiners" → "t koopmeiners") is matched as a prefix
  of another name token, which is what an initial is.
"""

from __future__ import annotations

import re

from bot.text import fold

PLAYER_PARTICLES: frozenset[str] = frozenset(
    {
        "van", "von", "de", "der", "den", "del", "della", "dei", "di", "da", "das", "dos", "do",
        "du", "le", "la", "ter", "ten", "el", "al", "bin", "ibn", "mac", "mc", "y", "e",
    }
)  # fmt: skip
"""Lower-case particles of player names. Optional when matching; joined into compounds."""

CLUB_PARTICLES: frozenset[str] = frozenset(
    {
        "the", "fc", "cf", "afc", "ac", "as", "ss", "ssc", "sc", "sl", "cd", "club", "de",
        "of", "and", "1", "calcio",
    }
)  # fmt: skip
"""Words that do not identify a club by themselves: "the Reds" is "reds", "AC Milan" is "milan"."""

# Spellings that anyascii does not produce but that people type: "Mueller", "Hoejlund".
_ALTERNATIVE_LETTERS = str.maketrans(
    {
        "ä": "ae", "Ä": "Ae", "ö": "oe", "Ö": "Oe", "ü": "ue", "Ü": "Ue",
        "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa",
    }
)  # fmt: skip
_HYPHENS = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014]")


def particles_for(kind: str) -> frozenset[str]:
    """The particle list for an entity kind ("player" or "club"; anything else: players')."""
    return CLUB_PARTICLES if kind == "club" else PLAYER_PARTICLES


def tokens(text: str) -> list[str]:
    """Folded tokens of ``text``: ``"T. Koopmeiners'"`` → ``["t", "koopmeiners"]``."""
    return fold(text).split()


def alternative_spelling(text: str) -> str | None:
    """The umlaut-as-digraph spelling ("Müller" → "mueller") when it differs from fold()."""
    translated = text.translate(_ALTERNATIVE_LETTERS)
    if translated == text:
        return None
    folded = fold(translated)
    return None if folded == fold(text) else folded


def compound_tokens(text: str, particles: frozenset[str]) -> list[str] | None:
    """Tokens with hyphenated parts and particle runs glued: "Marc-André ter Stegen" →
    ``["marcandre", "terstegen"]``; ``None`` when the name has neither."""
    glued: list[str] = []
    changed = False
    for chunk in text.split():
        parts = [fold(part) for part in _HYPHENS.split(chunk)]
        parts = [part.replace(" ", "") for part in parts if part]
        if len(parts) > 1:
            changed = True
            glued.append("".join(parts))
        elif parts:
            glued.extend(fold(chunk).split())
    out: list[str] = []
    pending: list[str] = []
    for token in glued:
        if token in particles:
            pending.append(token)
            continue
        if pending:
            changed = True
            out.append("".join(pending) + token)
            pending = []
        else:
            out.append(token)
    out.extend(pending)
    return out if changed and out else None


def name_variants(text: str, particles: frozenset[str]) -> list[list[str]]:
    """Token lists under which one name (or alias) is indexed, the folded form first.

    >>> name_variants("Trent Alexander-Arnold", PLAYER_PARTICLES)
    [['trent', 'alexander', 'arnold'], ['trent', 'alexanderarnold']]
    """
    variants: list[list[str]] = []
    primary = tokens(text)
    if primary:
        variants.append(primary)
    compound = compound_tokens(text, particles)
    if compound and compound not in variants:
        variants.append(compound)
    alternative = alternative_spelling(text)
    if alternative:
        alt_tokens = alternative.split()
        if alt_tokens and alt_tokens not in variants:
            variants.append(alt_tokens)
    return variants

"""Text folding shared by extraction, name resolution and storage.

rapidfuzz's default processor keeps accents and letters such as "ø", so names are folded to
plain lower-case ASCII first: "Ødegaard" and "odegaard" must compare equal.
"""

from __future__ import annotations

import re
from typing import Final

from anyascii import anyascii

_APOSTROPHES: Final = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
)
_POSSESSIVE: Final = re.compile(r"(?<=\w)'s?\b")
_NON_WORD: Final = re.compile(r"[^a-z0-9]+")
# text -> fold(text) for names: extraction folds the same club, outlet and person names for
# every article; bounded (count and length), since storage folds arbitrary strings
_FOLDED: Final[dict[str, str]] = {}
_FOLDED_MAX: Final = 50_000
_FOLDED_LONGEST: Final = 100


def fold(text: str) -> str:
    """Lower-case ASCII with possessives, punctuation and hyphens turned into single spaces."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _fold(text)
        if len(text) <= _FOLDED_LONGEST and len(_FOLDED) < _FOLDED_MAX:
            _FOLDED[text] = folded
    return folded


def _fold(text: str) -> str:
    ascii_text = anyascii(text.translate(_APOSTROPHES)).lower()
    ascii_text = _POSSESSIVE.sub("", ascii_text)
    return _NON_WORD.sub(" ", ascii_text).strip()

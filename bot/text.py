"""Text folding shared by extraction, name resolution and storage.

rapidfuzz's default processor keeps accents and letters such as "ø", so names are folded to
plain lower-case ASCII first: "Ødegaard" and "odegaard" must compare equal.
"""

from __future__ import annotations

import re

from anyascii import anyascii

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII with possessives, punctuation and hyphens turned into single spaces."""
    ascii_text = anyascii(text.translate(_APOSTROPHES)).lower()
    ascii_text = _POSSESSIVE.sub("", ascii_text)
    return _NON_WORD.sub(" ", ascii_text).strip()

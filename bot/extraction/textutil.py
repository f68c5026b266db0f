"""Cleaning, sentence splitting and tokenising: the document model every other step reads.

All offsets refer to the cleaned document string (``Doc.text``), never to the raw input.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import accumulate, repeat
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Final

import ftfy
from anyascii import anyascii

MAX_SENTENCE = 1_000  # real sentences stay well under this; see _cut_long
MAX_CHARS = 300_000  # longest real article bodies are ~60 kB; beyond this is not an article

_QUOTES: Final = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\t": " ",
        "\r": "",
    }
)
_QUOTE_PAIRS = tuple((chr(code), repl) for code, repl in _QUOTES.items())
_TAG: Final = re.compile(
    r"<(script|style)\b[^>]{0,2000}>.*?</\1\s*>|<!--.*?-->|<[^<>]{0,2000}>", re.S | re.I
)
_BLOCK_TAG: Final = re.compile(
    r"</?(p|div|br|h[1-6]|li|tr|article|section|header|footer)\b[^<>]{0,2000}>", re.I
)
_LOOKS_HTML: Final = re.compile(
    r"</?(p|div|span|a|br|html|body|h[1-6]|li|article)\b[^<>]{0,500}>", re.I
)
_SEED_DATE: Final = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\s*")
_HEADER_LINE: Final = re.compile(r"^(source|date|title|url|published|author)\s*:\s*(.*)$", re.I)
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACES: Final = re.compile(r"[ ]{2,}")
# the lead bytes of UTF-8 seen as cp1252/Latin-1 characters, followed by a continuation byte
_MOJIBAKE: Final = re.compile(
    "[\u00c2-\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
_MOJIBAKE_LEADS: Final = ("\u00c2", "\u00c3", "\u00c4", "\u00c5", "\u00e2")


def clean_text(text: str) -> str:
    """Unify quotes, dashes and spaces; reduce HTML to text. Length is capped at MAX_CHARS."""
    text = text[: MAX_CHARS * 2]
    if "<" in text and _LOOKS_HTML.search(text[:20000]):
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
        text = html.unescape(text)
    elif "&" in text:
        text = html.unescape(text)
    # (its lead characters looked for first: a scan for one character is far cheaper)
    if not text.isascii() and _has_mojibake_lead(text) and _MOJIBAKE.search(text):
        # UTF-8 read as Latin-1/cp1252 ("Liverpoolâ€™s", "ManÃ©", "Â£20m"): ftfy undoes it
        text = ftfy.fix_encoding(text)
    if text.isascii():  # nothing to unify but tabs, carriage returns and backticks
        if "\t" in text or "\r" in text or "`" in text:
            text = text.replace("\r", "").replace("\t", " ").replace("`", "'")
    else:
        # str.replace per character present is much faster than str.translate with a dict;
        # no replacement creates another listed character, so the order does not matter
        for char, repl in _QUOTE_PAIRS:
            if char in text:
                text = text.replace(char, repl)
    if " | " in text:  # "Juve close on Asamoah | Inter: Stramaccioni wants Palacio": separate items
        text = text.replace(" | ", "\n\n")
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return unwrap_lines(text[:MAX_CHARS])


def _has_mojibake_lead(text: str) -> bool:
    return any(lead in text for lead in _MOJIBAKE_LEADS)


def split_header(text: str) -> tuple[date | None, str | None, str]:
    """Strip a `` date YYYY-MM-DD`` prefix or ``Source:/Date:`` header lines if present."""
    seed = _SEED_DATE.match(text)
    if seed:
        return _mkdate(seed.group(1), seed.group(2), seed.group(3)), None, text[seed.end() :]
    published: date | None = None
    source: str | None = None
    lines = text.split("\n")
    consumed = 0
    for line in lines[:8]:
        match = _HEADER_LINE.match(line.strip())
        if not match:
            break
        consumed += 1
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in ("date", "published"):
            iso = _ISO_DATE.search(value)
            if iso:
                published = _mkdate(iso.group(1), iso.group(2), iso.group(3))
        elif key in ("source", "url"):
            source = value or None
    if consumed:
        return published, source, "\n".join(lines[consumed:])
    return None, None, text


def _mkdate(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


# ---------------------------------------------------------------- tokens

# words (N'Golo, Hans-Joachim, 27-year-old; a web domain is one word), or one other character;
# a trailing possessive "'s" is split off afterwards
_WORD: Final = re.compile(
    r"[^\W_]+(?:['-][^\W_]+)*(?:\.(?:com|co\.uk|co|net|org|uk|it|es|de|fr)\b)*|[^\w\s]"
)


_WORD_SPLIT: Final = re.compile(f"({_WORD.pattern})")
# The same split for ASCII text, twice as fast: the Unicode classes ([^\W_], \w, \s) cost a
# character-database lookup per character. On ASCII text it makes the same pieces: [^\W_] is
# [A-Za-z0-9], \b depends on \w alike, and [^\w\s] is spelt out (Unicode \s also holds
# \x1c-\x1f, re.ASCII's does not). Other text is split as an ASCII stand-in of it (see
# _ascii_shadow).
_WORD_SPLIT_ASCII: Final = re.compile(
    _WORD_SPLIT.pattern.replace(r"[^\W_]", "[A-Za-z0-9]").replace(
        r"[^\w\s]", r"[^A-Za-z0-9_\t\n\x0b\x0c\r\x1c-\x1f ]"
    ),
    re.ASCII,
)
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


# token -> (its key ``fold_token(token)``, starts with an upper-case letter, the key starts
# with a letter), filled on a miss (up to 200,000 entries): one lookup per token instead of
# three calls (compiled, str.isupper and str.isalpha are generic method calls)
_TOKEN_INFO: Final[dict[str, tuple[str, bool, bool]]] = {}


def _token_info(token: str) -> tuple[str, bool, bool]:
    key = fold_token(token)
    info = (key, token[0].isupper(), key[:1].isalpha())
    if len(_TOKEN_INFO) < 200_000:
        _TOKEN_INFO[token] = info
    return info
_ASCII_LOWER: Final = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def ascii_lower(text: str) -> str:
    """Lower-case A-Z only: same length as the input, so offsets stay valid (str.lower() can
    change the length of some non-ASCII text). Lets hot regexes run without re.IGNORECASE."""
    lowered = text.lower()  # fast C path; equal length means every offset still lines up
    if len(lowered) == len(text):
        return lowered
    return text.translate(_ASCII_LOWER)


def _caseless_safe(items: list[tuple[object, object]]) -> bool:
    """No literal, class or range of the parsed pattern holds an upper-case ASCII letter or a
    non-ASCII letter with case, and no back-reference: on lower-cased ASCII text it matches the
    same without re.IGNORECASE as with it."""
    ok = (_C.AT, _C.ANY, _C.CATEGORY, _C.NEGATE, _C.FAILURE)
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            c: int = av  # type: ignore[assignment]
            if 65 <= c <= 90 or (c >= 128 and chr(c).lower() + chr(c).upper() != chr(c) * 2):
                return False
        elif op is _C.RANGE:
            bounds: tuple[int, int] = av  # type: ignore[assignment]
            lo, hi = bounds
            if hi >= 128 or (lo <= 90 and hi >= 65):
                return False
        elif op is _C.IN:
            if not _caseless_safe(av):  # type: ignore[arg-type]
                return False
        elif op is _C.SUBPATTERN:
            if not _caseless_safe(list(av[-1])):  # type: ignore[index]
                return False
        elif op is _C.BRANCH:
            if not all(_caseless_safe(list(b)) for b in av[1]):  # type: ignore[index]
                return False
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            if not _caseless_safe(list(av[2])):  # type: ignore[index]
                return False
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            if not _caseless_safe(list(av[1])):  # type: ignore[index]
                return False
        elif op is _C.ATOMIC_GROUP:
            if not _caseless_safe(list(av)):  # type: ignore[call-overload]
                return False
        elif op not in ok:
            return False
    return True


class Caseless:
    """A re.IGNORECASE pattern run without re.IGNORECASE (several times faster) on the
    lower-cased text: it finds the same matches at the same offsets, provided the pattern
    itself is lower-case (checked on the parsed pattern; if not, the pattern always runs as it
    is) and the text holds none of the four characters case-insensitive matching equates with
    an ASCII letter (see _FOLDS_TO_ASCII). Matched text is then lower-case: use positions."""

    __slots__ = ("_lower", "_words", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._lower: re.Pattern[str] | None = None
        # a few words one of which every match holds: most texts hold none, and testing for
        # them costs far less than a regex call (with many words, the regex is as quick)
        self._words: tuple[str, ...] = ()
        if _caseless_safe(list(_sre_parser.parse(pattern.pattern, pattern.flags))):
            self._lower = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
            from bot.extraction.status import required_words  # (status imports this module)

            words = required_words(self._lower)
            if words is not None and len(words) <= _MOST_GATE_WORDS:
                self._words = tuple(words)

    def search(self, text: str) -> re.Match[str] | None:
        if self._lower is not None and (text.isascii() or not holds_any(text, _FOLDS_TO_ASCII)):
            lowered = text.lower()
            if self._words and not holds_any(lowered, self._words):
                return None
            return self._lower.search(lowered)
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        if self._lower is not None and (text.isascii() or not holds_any(text, _FOLDS_TO_ASCII)):
            lowered = text.lower()
            if self._words and not holds_any(lowered, self._words):
                return None
            return self._lower.match(lowered)
        return self.pattern.match(text)


# The non-ASCII characters that re.IGNORECASE equates with an ASCII letter (dotted capital I,
# dotless i, long s, Kelvin sign; the first is also the one whose lower case is two
# characters). Without them, str.lower() keeps every offset, leaves every other non-ASCII
# character non-ASCII and in its class (\w, \s, \d), and a lower-case pattern matches the
# lowered text as the re.IGNORECASE pattern matches the text.
_FOLDS_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f", "\u212a")


_MOST_GATE_WORDS: Final = 6


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` contain one of ``words``?"""
    return any(word in text for word in words)


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    return anyascii(token).lower()


# (hand-written __init__s: compiled with mypyc, a dataclass-made __init__ runs as interpreted
# Python, and these are built by the thousand per article)
@dataclass(slots=True, init=False)
class Token:
    text: str
    start: int
    end: int
    key: str
    cap: bool  # starts with an upper-case letter
    index: int
    sent: int

    def __init__(
        self, text: str, start: int, end: int, key: str, cap: bool, index: int = 0, sent: int = 0
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.key = key
        self.cap = cap
        self.index = index
        self.sent = sent


@dataclass(slots=True, init=False)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    para: int
    headline: bool
    tok_start: int
    tok_end: int  # exclusive

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        text: str,
        para: int,
        headline: bool,
        tok_start: int = 0,
        tok_end: int = 0,
    ) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.para = para
        self.headline = headline
        self.tok_start = tok_start
        self.tok_end = tok_end


@dataclass
class Doc:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    _lower: str | None = None
    by_key: dict[str, list[int]] = field(default_factory=dict)  # token key -> token indices
    tok_starts: list[int] = field(default_factory=list)  # tokens[i].start
    tok_words: list[bool] = field(default_factory=list)  # tokens[i].key starts with a letter

    def positions(self, keys: Collection[str]) -> list[int]:
        """Sorted indices of the tokens whose key is one of ``keys``."""
        found: list[int] = []
        by_key = self.by_key
        if len(by_key) < len(keys):
            for key, indices in by_key.items():
                if key in keys:
                    found.extend(indices)
        else:
            for key in keys:
                hits = by_key.get(key)
                if hits:
                    found.extend(hits)
        found.sort()
        return found

    @property
    def lower(self) -> str:
        """The text with A-Z lower-cased (same offsets)."""
        if self._lower is None:
            self._lower = ascii_lower(self.text)
        return self._lower

    def sent_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.tok_start : sent.tok_end]


_ABBREV: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "vs",
        "v",
        "jr",
        "sr",
        "fc",
        "approx",
        "c",
        "ca",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "u.s",
    ]
)
# (one leading character class, so the regex engine skips ahead to candidates quickly)
_SENT_END: Final = re.compile(r"[.!?][.!?]*[\"')\]]*(?:\s+|$)")


def _split_paragraph(para: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENT_END.finditer(para):
        end = match.end()
        before = para[max(start, match.start() - 6) : match.start()]
        word = before.rsplit(" ", 1)[-1].lower().lstrip("(\"'")
        nxt = para[end : end + 1]
        if match.group(0).startswith(".") and (
            word in _ABBREV or (len(word) == 1 and word.isalpha()) or (nxt and nxt.islower())
        ):
            continue
        if nxt and nxt.isdigit() and before[-1:].isdigit():
            continue
        spans.append((base + start, base + end))
        start = end
    if start < len(para):
        spans.append((base + start, base + len(para)))
    if any(e - s > MAX_SENTENCE for s, e in spans):
        spans = [piece for span in spans for piece in _cut_long(para, base, span)]
    return spans


def _cut_long(para: str, base: int, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A "sentence" longer than any real one (a page without full stops, a list run together)
    is cut at a comma or space near MAX_SENTENCE: the rules look at whole sentences, and one
    unbounded sentence would make them quadratic."""
    s, e = span
    pieces: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE:
        window = para[s - base : s - base + MAX_SENTENCE]
        cut = max(window.rfind(", "), window.rfind("; "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE - 1
        pieces.append((s, s + cut + 1))
        s += cut + 1
    pieces.append((s, e))
    return pieces


_FUNCTION_END: Final = re.compile(
    r"(?:,|\b(?:to|the|of|a|an|and|or|for|with|by|as|in|at|on|from|that|his|her|their|its|is|are"
    r"|was|were|has|have|had|will|would|could|be|been|per|via|than|into|over|under|after)|-)$",
    re.I,
)


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines of one paragraph; a line that ends a sentence, a short line
    (a headline) or a blank line keeps its break."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    # a long line is a wrapped one only in hard-wrapped text (lines of 60-120 characters, next
    # to none longer); where paragraphs are single long lines, a long line without a stop is a
    # headline
    mid = long = 0
    for line in lines:
        n = len(line)
        if n > 120:
            long += 1
        elif n >= 60:
            mid += 1
    wrapped = mid >= 4 * long
    out: list[str] = [lines[0]]
    for line in lines[1:]:
        prev = out[-1].rstrip()
        stripped = line.strip()
        if (
            prev
            and stripped
            and not prev.endswith((".", "!", "?", ":", '"', "'", ")", "]"))
            and (
                stripped[:1].islower()
                # the last word and the character before it are enough for the pattern
                or _FUNCTION_END.search(prev[-8:]) is not None
                or (wrapped and len(prev) >= 75 and stripped[:1] not in "-*#>|<")
            )
        ):
            out[-1] = prev + " " + stripped
        else:
            out.append(line)
    return "\n".join(out)


def build_doc(text: str) -> Doc:
    doc = Doc(text=text)
    pos = 0
    para = 0
    for raw_para in text.split("\n"):
        stripped = raw_para.strip()
        if stripped:
            offset = pos + raw_para.index(stripped[0])
            for s, e in _split_paragraph(stripped, offset):
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e <= s:
                    continue
                sent_text = text[s:e]
                headline = not sent_text.rstrip("\"' )").endswith((".", "!", "?", ":")) and (
                    len(sent_text) < 140
                )
                doc.sentences.append(Sentence(len(doc.sentences), s, e, sent_text, para, headline))
            para += 1
        pos += len(raw_para) + 1
    _tokenise(doc)
    return doc


def _ascii_shadow(text: str) -> tuple[str, list[int]]:
    """``text`` with each non-ASCII character replaced by an ASCII one of the same class for
    the token pattern (a letter or digit by "x", a space by " ", anything else by "#": none
    of these is a literal of the pattern), and the positions replaced. Splitting it gives
    pieces of the same lengths as splitting ``text``."""
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for match in _NON_ASCII.finditer(text):
        q = match.start()
        char = text[q]
        pieces.append(text[last:q])
        pieces.append("x" if char.isalnum() else " " if char.isspace() else "#")
        positions.append(q)
        last = q + 1
    pieces.append(text[last:])
    return "".join(pieces), positions


def _tokenise(doc: Doc) -> None:
    """Tokens of the whole text in one regex pass, the same as tokenising sentence by sentence:
    tokens hold no whitespace and every sentence boundary is at whitespace. Offsets come from
    the lengths of the split pieces (summed by ``accumulate``, not one by one)."""
    text = doc.text
    if text.isascii():
        parts = _WORD_SPLIT_ASCII.split(text)
        stand_ins: list[int] = []
    else:
        shadow, stand_ins = _ascii_shadow(text)
        parts = _WORD_SPLIT_ASCII.split(shadow)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts), initial=0))
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    for q in stand_ins:  # the tokens holding a stand-in character take the real text
        i = bisect.bisect_right(starts, q) - 1
        if i >= 0 and q < ends[i]:
            words[i] = text[starts[i] : ends[i]]
    # a possessive "'s" is a token of its own: "Atalanta's" -> "Atalanta" + "'s"
    if "'s" in text:
        split: list[int] = []
        q = text.find("'s")
        while q >= 0:
            i = bisect.bisect_left(ends, q + 2)
            if i < len(ends) and ends[i] == q + 2 and starts[i] < q and words[i][-2:] == "'s":
                split.append(i)
            q = text.find("'s", q + 2)
        for i in reversed(split):
            s, e = starts[i], ends[i]
            words[i : i + 1] = [words[i][:-2], "'s"]
            starts[i : i + 1] = [s, e - 2]
            ends[i : i + 1] = [e - 2, e]
    sent_of: list[int] = []
    for sent in doc.sentences:
        sent.tok_start = bisect.bisect_left(starts, sent.start)
        sent.tok_end = bisect.bisect_left(starts, sent.end, sent.tok_start)
        sent_of.extend(repeat(sent.index, sent.tok_end - sent.tok_start))
    if len(sent_of) != len(words):
        raise AssertionError("a token outside every sentence")
    # one loop builds the tokens, their keys and the key index (compiled, it runs natively:
    # per-token ``map`` calls would be generic calls)
    tokens: list[Token] = []
    tok_words: list[bool] = []
    by_key = doc.by_key
    known = _TOKEN_INFO
    for i, word in enumerate(words):
        info = known.get(word)
        if info is None:
            info = _token_info(word)
        key, cap, is_word = info
        tokens.append(Token(word, starts[i], ends[i], key, cap, i, sent_of[i]))
        tok_words.append(is_word)
        slot = by_key.get(key)
        if slot is None:
            by_key[key] = [i]
        else:
            slot.append(i)
    doc.tokens = tokens
    doc.tok_starts = starts
    doc.tok_words = tok_words

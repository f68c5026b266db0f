"""Money in transfer prose: "£51m", "€22.5 million (£19m)", "70m euros", "fifty million pounds",
"£30m-£35m", "rising to £60m with add-ons", "£200,000-a-week".

``parse_money(text)`` returns one ``Money`` per figure written, in order. A figure restated in
another currency in brackets straight after it ("€22.5m (£19m)") is one ``Money`` with the
restatement in ``alternates``; the first currency written wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.extraction.textutil import _FOLDS_TO_ASCII, Caseless, ascii_lower, holds_any

_SYMBOL = {
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}
_WORD_CURRENCY = {
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "quid": "GBP",
    "gbp": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
}
_MULT = {
    "k": 1_000,
    "thousand": 1_000,
    "grand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mil": 1_000_000,
    "mill": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "half": 0.5,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT_RE = r"bn|billion|b|mn|mill|mil|million|millions|m|k|thousand|grand"
_SYM_RE = r"us\$|£|€|\$|(?:usd|eur|gbp)(?=\s?\d)"
_WORDNUM = (
    r"(?:(?:one|a|an)\s+hundred(?:\s+and)?\s+)?"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred"
    r"|one\s+hundred|half\s+a|a|an)"
)
_CUR_WORD_RE = r"pounds?|sterling|quid|euros?|dollars?|(?:gbp|eur|usd)\b"

# One figure: symbol form, number + currency word form, or spelt-out number form.
_FIGURE: Final = re.compile(
    rf"(?P<sym>{_SYM_RE})\s?(?P<num>{_NUM})(?:\s?-?\s?(?P<mult>{_MULT_RE})\b)?"
    rf"(?:\s+(?P<cw1>{_CUR_WORD_RE}))?"
    rf"|(?<![\w£€$.,])(?P<num2>{_NUM})(?:\s?-?\s?(?P<mult2>{_MULT_RE}))?\s?(?P<cw2>{_CUR_WORD_RE})"
)
# Spelt-out figures ("fifty million pounds") are looked for only before the word "million"
# (or billion/thousand): trying the number words at every position would be slow.
_WORD_FIGURE: Final = re.compile(
    rf"(?P<sym3>{_SYM_RE})?(?<![\w-])(?P<words>{_WORDNUM})[\s-]+(?P<mult3>million|billion|thousand)"
    rf"(?:\s+(?P<cw3>{_CUR_WORD_RE}))?",
)
_MULT_WORD: Final = re.compile(r"(?<=[a-z])[\s-]+(?:million|billion|thousand)\b")
# "£30-35m", "€40-50 million": the first number borrows the second's multiplier.
_SHORT_RANGE: Final = re.compile(
    rf"(?P<sym>{_SYM_RE})\s?(?P<a>{_NUM})\s?(?:-|to)\s?(?P<b>{_NUM})\s?(?P<mult>{_MULT_RE})\b"
    rf"(?:\s+(?P<cw>{_CUR_WORD_RE}))?",
)
_PER_WEEK: Final = re.compile(
    r"^\s?(?:-|\s)?(?:a|per|each|every|/)[\s-]?(?:week|wk)\b|^\s?(?:p/?w|pw)\b|^\s?weekly\b"
    r"|^\s?-?a-week\b",
    re.I,
)
_PER_WEEK_FAST: Final = Caseless(_PER_WEEK)
_PER_YEAR: Final = re.compile(
    r"^\s?(?:-|\s)?(?:a|per|each|every|/)[\s-]?(?:year|yr|season|annum)\b|^\s?(?:p/?a)\b"
    r"|^\s?(?:annual|annually|yearly)\b|^\s?-?a-year\b",
    re.I,
)
_ALT_OPEN: Final = re.compile(
    r"^\s?[(\[]\s?(?:approx(?:imately)?\.?|around|about|c\.|roughly|~|or)?\s?", re.I
)
_ALT_SEP: Final = re.compile(r"^\s?(?:,|/|or|and)\s?", re.I)


_ANY_MONEY: Final = re.compile(r"[£€$]|(?i:pound|euro|dollar|sterling|quid|gbp|eur|usd)")


@dataclass(unsafe_hash=True, init=False)
class Money:
    amount: int
    currency: str  # GBP, EUR, USD
    start: int
    end: int
    text: str
    period: str | None  # "week" or "year" for wages
    alternates: tuple[tuple[int, str], ...]  # the same figure restated in other currencies
    range_with: int | None  # index of the other end of a written range

    def __init__(
        self,
        amount: int,
        currency: str,
        start: int,
        end: int,
        text: str,
        period: str | None = None,
        alternates: tuple[tuple[int, str], ...] = (),
        range_with: int | None = None,
    ) -> None:
        self.amount = amount
        self.currency = currency
        self.start = start
        self.end = end
        self.text = text
        self.period = period
        self.alternates = alternates
        self.range_with = range_with


def _num_value(num: str) -> float:
    return float(num.replace(",", ""))


def _words_value(words: str) -> float | None:
    total = 0.0
    for part in re.split(r"[\s-]+", words.lower()):
        if part in ("and", ""):
            continue
        if part == "hundred":
            total = (total or 1) * 100
        elif part in _TENS:
            total += _TENS[part]
        elif part in _UNITS:
            total += _UNITS[part]
        else:
            return None
    return total


def _currency_of(sym: str | None, word: str | None) -> str | None:
    if sym:
        return _SYMBOL.get(sym.lower())
    if word:
        return _WORD_CURRENCY.get(word.lower())
    return None


def _scale(value: float, mult: str | None) -> int | None:
    if mult:
        factor = _MULT.get(mult.lower())
        if factor is None:
            return None
        value *= factor
    if value <= 0 or value > 5e12:
        return None
    return round(value)


def _period(text: str, end: int) -> str | None:
    tail = text[end : end + 20]
    if _PER_WEEK_FAST.match(tail):
        return "week"
    if _PER_YEAR.match(tail):
        return "year"
    return None


_DIGIT_RUN: Final = re.compile(r"\d\d*")  # starts with a character class: scanned fast
_MULT_HINT: Final = re.compile(r"million|billion|thousand")


def _matches_at(pattern: re.Pattern[str], text: str, candidates: list[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern that can only match at ``candidates``
    (sorted): the same leftmost, non-overlapping matches."""
    found: list[re.Match[str]] = []
    pos = 0
    match_at = pattern.match
    for p in candidates:
        if p < pos:
            continue
        match = match_at(text, p)
        if match is not None:
            found.append(match)
            pos = match.end()
    return found


def _mult_words(text: str) -> list[re.Match[str]]:
    """``list(_MULT_WORD.finditer(text))``: a match is the run of spaces and hyphens before a
    multiplier word, so it is tried only at the start of such runs."""
    found: list[re.Match[str]] = []
    pos = 0
    for hint in _MULT_HINT.finditer(text):
        q = hint.start()
        r = q
        while r > pos and (text[r - 1] == "-" or text[r - 1].isspace()):
            r -= 1
        if r == q:
            continue
        match = _MULT_WORD.match(text, r)
        if match is not None:
            found.append(match)
            pos = match.end()
    return found


# the first characters of a match of _FIGURE (a symbol, "us$"/"usd", "eur", "gbp", a digit)
# and of _SHORT_RANGE (a symbol or code only), in lower-cased text
_FIGURE_STARTS: Final = frozenset("£€$ueg0123456789")
_RANGE_STARTS: Final = frozenset("£€$ueg")


def _raw_figures(original: str, digit_runs: list[int], text: str) -> list[Money]:
    """The figures of ``original``; ``digit_runs``: where its runs of digits start; ``text``:
    ``ascii_lower(original)`` (the patterns are lower-case: much faster than re.IGNORECASE)."""
    found: list[Money] = []
    taken_until = -1
    # every figure has a digit within four characters of its start (a symbol, a space, then
    # the number): the patterns are tried only there, not at every position of the text
    # (and only where the character can begin one: a symbol, a currency code or a digit)
    candidates = sorted(
        {p for d in digit_runs for p in range(max(0, d - 4), d + 1) if text[p] in _FIGURE_STARTS}
    )
    range_candidates = [p for p in candidates if text[p] in _RANGE_STARTS]
    for match in _matches_at(_SHORT_RANGE, text, range_candidates):
        currency = _currency_of(match.group("sym"), match.group("cw"))
        a = _scale(_num_value(match.group("a")), match.group("mult"))
        b = _scale(_num_value(match.group("b")), match.group("mult"))
        if currency and a and b and a < b:
            mid = match.start("b")
            a_end = match.end("a")
            found.append(Money(a, currency, match.start(), a_end, original[match.start() : a_end]))
            found.append(
                Money(
                    b,
                    currency,
                    mid,
                    match.end(),
                    original[mid : match.end()],
                    _period(text, match.end()),
                )
            )
    ranges = [(m.start, m.end) for m in found]
    matches = _matches_at(_FIGURE, text, candidates)
    for word in _mult_words(text):
        for match in _WORD_FIGURE.finditer(text, max(0, word.start() - 45), word.end() + 12):
            if match.start("mult3") == word.end() - len(match.group("mult3")):
                matches.append(match)
                break
    matches.sort(key=lambda m: m.start())
    for match in matches:
        if match.start() < taken_until or any(s <= match.start() < e for s, e in ranges):
            continue
        groups = match.groupdict()
        if groups.get("num") is not None:
            sym, num, mult, cw = (
                match.group("sym"),
                match.group("num"),
                match.group("mult"),
                match.group("cw1"),
            )
            value = _scale(_num_value(num), mult)
        elif groups.get("num2") is not None:
            sym, mult, cw = None, match.group("mult2"), match.group("cw2")
            value = _scale(_num_value(match.group("num2")), mult)
        else:
            sym, mult, cw = match.group("sym3"), match.group("mult3"), match.group("cw3")
            if not sym and not cw:
                continue
            words_value = _words_value(match.group("words").replace("half a", "half"))
            value = _scale(words_value, mult) if words_value else None
        currency = _currency_of(sym, cw)
        if not currency or not value:
            continue
        # a bare "£5" or "$20" with no multiplier is only money if it is a plausible amount
        if not mult and value < 1000 and not cw:
            continue
        end = match.end()
        found.append(
            Money(
                value,
                currency,
                match.start(),
                end,
                original[match.start() : end],
                _period(text, end),
            )
        )
        taken_until = end
    found.sort(key=lambda m: m.start)
    return found


# "an opening bid of 58 million" after "66 million euros": the currency is the one just used
_BARE_AMOUNT: Final = re.compile(
    r"(?<![\w£€$.,])(\d{1,3}(?:\.\d{1,2})?)\s*(million|m|mln|bn|billion)\b(?!\s*(?:euros?|pounds?"
    r"|dollars?|eur|gbp|usd|\())",
    re.I,
)
_BARE_CONTEXT: Final = re.compile(
    r"\b(?:bid|bids|offer|offers|fee|of|worth|for|at|to|valuation|price|clause|offered|offering"
    r"|ask|asks|asking|pay|pays|paid|paying|cost|costs|want|wants|demand|demands)\s+"
    r"(?:(?:around|about|up\s+to|just|some|over|under|nearly|almost)\s+)?$",
    re.I,
)


def _with_bare_amounts(text: str, figures: list[Money], digit_runs: list[int]) -> list[Money]:
    """Add amounts written without a currency that follow a figure with one in the same
    paragraph, in a money phrase ("bid of 58 million")."""
    taken = [(m.start, m.end) for m in figures]
    single_currency = len({m.currency for m in figures}) == 1
    extra: list[Money] = []
    # a bare amount starts a run of digits (its look-behind refuses a digit before it): tried
    # only there, the same matches as a scan from the first figure on
    starts = [p for p in digit_runs if p >= figures[0].end]
    for match in _matches_at(_BARE_AMOUNT, text, starts):
        start, end = match.span()
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue
        if not _BARE_CONTEXT.search(text, max(0, start - 30), start):
            continue
        before = [m for m in figures if m.end <= start]
        if not before:
            continue
        # an article that writes one currency throughout (a translated Italian report: "65
        # million euros" once, then "Roma ask 20 million") means it for every bare amount
        near = "\n" not in text[before[-1].end : start] and start - before[-1].end <= 400
        if not near and not single_currency:
            continue
        amount = _scale(_num_value(match.group(1)), match.group(2).lower())
        if amount:
            extra.append(Money(amount, before[-1].currency, start, end, text[start:end]))
    if not extra:
        return figures
    return sorted(figures + extra, key=lambda m: m.start)


_RANGE_GAP: Final = re.compile(r"\s?(?:-|to|and)\s?", re.I)


_MONEY_WORDS: Final = ("pound", "eur", "dollar", "sterling", "quid", "gbp", "usd")


def _names_money(text: str, lowered: str) -> bool:
    """``_ANY_MONEY.search(text)`` by substring tests (a scan of the whole text by a
    case-insensitive alternation cost as much as the rest of a moneyless article's parsing)."""
    if "£" in text or "€" in text or "$" in text:
        return True
    if not text.isascii() and holds_any(text, _FOLDS_TO_ASCII):
        return _ANY_MONEY.search(text) is not None  # "ſ" is an "s" to re.IGNORECASE
    return holds_any(lowered, _MONEY_WORDS)


def parse_money(text: str, lowered: str | None = None) -> list[Money]:
    """Every money figure in ``text`` with restatements in other currencies folded in.
    ``lowered``: ``ascii_lower(text)`` if the caller has it."""
    lowered = ascii_lower(text) if lowered is None else lowered
    if not _names_money(text, lowered):
        return []
    digit_runs = [run.start() for run in _DIGIT_RUN.finditer(text)]
    raw = _raw_figures(text, digit_runs, lowered)
    result: list[Money] = []
    i = 0
    while i < len(raw):
        money = raw[i]
        alternates: list[tuple[int, str]] = []
        j = i + 1
        cursor = money.end
        # skip a period ("-a-week") written after the figure before looking for the bracket
        opener = _ALT_OPEN.match(text[cursor : cursor + 30])
        while opener and j < len(raw):
            gap_start = cursor + opener.end()
            if raw[j].start != gap_start or (raw[j].currency == money.currency and not alternates):
                break
            alternates.append((raw[j].amount, raw[j].currency))
            cursor = raw[j].end
            j += 1
            tail = text[cursor : cursor + 25]
            per = _PER_WEEK_FAST.match(tail) or _PER_YEAR.match(tail)
            if per:
                cursor += per.end()
            opener = _ALT_SEP.match(text[cursor : cursor + 10])
        if alternates:
            money = Money(
                money.amount,
                money.currency,
                money.start,
                money.end,
                money.text,
                money.period,
                tuple(alternates),
            )
        result.append(money)
        i = j if alternates else i + 1
    if result:
        result = _with_bare_amounts(text, result, digit_runs)
    # link the two ends of written ranges: "£30m-£35m", "between €40m and €50m", "£30-35m"
    linked: list[Money] = []
    for k, money in enumerate(result):
        partner = None
        if k + 1 < len(result):
            nxt = result[k + 1]
            gap = text[money.end : nxt.start]
            if nxt.currency == money.currency and _RANGE_GAP.fullmatch(gap):
                partner = k + 1
        if partner is None and k > 0 and linked and linked[k - 1].range_with == k:
            partner = k - 1
        linked.append(
            Money(
                money.amount,
                money.currency,
                money.start,
                money.end,
                money.text,
                money.period,
                money.alternates,
                partner,
            )
        )
    return linked

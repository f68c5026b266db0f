"""How far a link has gone, from the words of the sentence that reports it.

``find_cues(text)`` returns every status cue in a sentence with its position, so a link can take
the cue nearest to its club. ``strongest`` picks the strongest status (terminal outcomes,
denied and collapsed, win over stages, as ``Status`` is ordered).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any, Final

from bot.domain import Status
from bot.extraction.textutil import ascii_lower

_W = r"(?:\s+\S+){0,3}?"  # up to three words in between

_PATTERNS: list[tuple[Status, str]] = [
    # an offer of a contract or wages to the player is negotiation, not a bid to his club
    (
        Status.TALKS,
        r"\b(?:offer(?:ed|ing|s)?|table[ds]?|hand(?:ed)?)\s+(?:\S+\s+){0,3}?(?:a\s+)?"
        r"(?:(?:\S+-year|long-term|lucrative|new|bumper|improved)\s+)?(?:contract|deal\s+worth"
        r"|wages|salary|terms|personal\s+terms)\b",
    ),
    (
        Status.COLLAPSED,
        r"\b(?:collaps(?:e|ed|es|ing)|fell\s+through|falls?\s+through|broke\s+down"
        r"|breaks?\s+down|broken\s+down|called\s+off|pulled\s+out|pull\s+out|walked\s+away"
        r"|walk\s+away|deal\s+(?:is|was)\s+off|abandon(?:ed|s)?|scrapp?ed|hijack(?:ed)?"
        r"|failed\s+(?:move|transfer|switch|deal)|(?:move|deal|transfer)\s+(?:has\s+)?failed"
        r"|off\s+the\s+table|ended\s+(?:their|its)\s+interest|cool(?:ed)?\s+(?:their|its)\s+interest"
        r"|turn(?:ed)?\s+(?:their|its)\s+attention\s+elsewhere|(?:to\s+)?fall\s+in\s+the\s+late)",
    ),
    # before DENIED: "dismissed a bid" is a rejected bid, not a denial of interest
    (
        Status.BID_REJECTED,
        r"\b(?:(?:bid|offer|proposal|approach)s?(?:\s+\S+){0,9}?\s+"
        r"(?:rejected|turned\s+down|knocked\s+back|rebuffed|snubbed|refused|dismissed)"
        r"|(?:reject(?:ed|s)?|turn(?:ed|s)?\s+down|knock(?:ed|s)?\s+back|rebuff(?:ed|s)?"
        r"|snub(?:bed|s)?|refus(?:ed|es)|dismissed)(?:\s+\S+){0,5}?\s+(?:bid|offer|proposal"
        r"|approach)|failed\s+(?:bid|offer|approach)|(?:bid|offer)s?\s+(?:\S+\s+){0,3}?(?:was|were"
        r"|has\s+been|have\s+been)\s+(?:rejected|turned\s+down|knocked\s+back|rebuffed|snubbed)"
        r"|(?:been|were|was|being)\s+(?:rebuffed|snubbed|knocked\s+back|turned\s+down|rejected)\s+by)",
    ),
    (
        Status.DENIED,
        r"\b(?:den(?:y|ied|ies|ying)|denial|(?:no|zero)\s+(?:interest|intention|plans?"
        r"|contact|truth)|not\s+interested|never\s+(?:made|been\s+in)\s+contact|never\s+(?:been\s+)?"
        r"(?:interested|approached)|rul(?:ed|es|ing)\s+out|dismiss(?:ed|es)?|played\s+down"
        r"|plays?\s+down|(?:is|are|was|were)\s+not\s+for\s+sale|fake\s+news|wide\s+of\s+the\s+mark"
        r"|categorically|no\s+bid\s+has|has\s+not\s+(?:made|submitted)\s+(?:a|any)\s+(?:bid|offer))",
    ),
    (
        Status.DONE,
        # "completed/completes the sale of": done; the bare "complete" is often intent ("in London
        # to complete the deal"), so only the headline form "complete the signing of" counts
        r"\b(?:(?:complet(?:ed|es)|did\s+complete)\s+(?:a|the|his|their|one)?\s*(?:[a-z-]+\s+){0,2}?"
        r"(?:move|transfer|sale"
        r"|signing|switch|deal|loan)|complete\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:signing|loan)\s+of"
        r"|has\s+(?:officially\s+)?(?:joined|signed\s+for|completed)|have\s+completed"
        r"|officially\s+(?:joined|signed|unveiled|announced|confirmed)|unveil(?:ed|s)?|seal(?:ed|s)"
        r"|(?:was|were|been|finally)\s+presented"
        r"\s+(?:a|his|the)?\s*(?:move|switch|transfer)|completes?\s+(?:move|switch|transfer)"
        r"|joins?\s+(?:on\s+(?:a\s+)?(?:loan|permanent))|(?:signed|joined)\s+(?:for|on)\b"
        r"|confirm(?:ed|s)?\s+the\s+(?:signing|arrival|capture|transfer)|here\s+we\s+go"
        r"|bought|sold|has\s+joined|(?:have|has)\s+(?:now\s+|finally\s+|officially\s+)?signed|signs\s+for|(?:is|was)\s+announced"
        r"|returned\s+to|rejoined|(?:has|have)\s+(?:already\s+)?(?:lured|snapped\s+up|poached|landed|captured|brought\s+in"
        r"|recruited)"
        r"|put\s+pen\s+to\s+paper|done\s+deal|deal\s+is\s+(?:now\s+)?done|now\s+official"
        # "becomes City's third signing of the window" (not "would be ... third signing")
        r"|(?:is|becomes|became|was|as|making\s+(?:\S+\s+){1,4}?)\s*(?:\S+\s+){0,3}?"
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|newest)"
        r"\s+(?:summer\s+|january\s+|winter\s+)?(?:signing|arrival|addition)\s+(?:of|since|this))",
    ),
    (Status.MEDICAL, r"\b(?:medical|medicals|undergo(?:ing|es)?\s+(?:a\s+)?(?:medical|tests))"),
    (
        Status.AGREED,
        r"\b(?:agree(?:d|s)?|agreement|accept(?:ed|s)?\s+(?:a|an|the|their|his)?"
        r"\s*(?:\S+\s+)?(?:bid|offer|proposal)|personal\s+terms|(?:struck|reached|strike|reach)"
        r"\s+(?:a|an)\s+(?:\S+\s+)?(?:deal|agreement|accord)|deal\s+in\s+place|green\s+light"
        r"|verbal\s+(?:agreement|yes|green)|terms\s+(?:have\s+been\s+)?agreed|fee\s+agreed"
        r"|verge\s+of\s+(?:an?\s+)?(?:\S+\s+)?(?:move|switch|transfer|deal)"
        r"|set\s+to\s+(?:join|sign|complete|be\s+(?:confirmed|completed|finali[sz]ed|announced"
        r"|made\s+official|rubber-stamped))|(?:on\s+the\s+)?verge\s+of\s+(?:joining|signing)"
        r"|close\s+to\s+(?:completing|finali[sz]ing|joining)|given\s+the\s+go-ahead)",
    ),
    (
        Status.BID,
        r"\b(?:bids?|offers?|offered|tabled?|lodged?\s+(?:a|an)\s+(?:bid|offer|official)"
        r"|submit(?:ted|s)?|proposal|bidding|(?:make|made|makes|making)\s+(?:a|an)\s+(?:\S+\s+){0,3}?"
        r"(?:bid|offer|approach\s+with)|(?:make|made|makes|making)\s+(?:a|an)\s+[£€$]\S+\s+move|launch(?:ed|es)?\s+(?:a|an)\s+(?:\S+\s+)?(?:bid|offer)"
        r"|propos(?:ed|es|ing)\s+(?:an?\s+)?(?:\S+\s+){0,2}?(?:[£€$\d]|fee|deal|bid|offer|package)"
        r"|(?:met|meet|meets|meeting|matched|match)\s+(?:\S+\s+){0,2}?(?:asking\s+price|valuation"
        r"|demands|release\s+clause|buy-?out)"
        r"|(?:willing|ready|prepared)\s+to\s+(?:pay|spend|meet|fork)|(?:trigger|activat|pa(?=y|id))(?:ed|es|e|s|y|ys|id|ying"
        r"|ing)?\s+(?:the|his|a|(?:\S+\s+){0,2}?\S+'s?)\s+(?:\S+\s+)?(?:release|buy-out|buyout)|loan\s+offer)",
    ),
    (
        Status.TALKS,
        r"\b(?:talks|negotiat(?:e|es|ed|ing|ions?)|in\s+discussions?|discuss(?:ing|ions)"
        r"|closing\s+in|close\s+in|closing\s+to|close\s+to\s+(?:an?\s+)?(?:\S+\s+){0,2}?(?:deal|agreement|sign|move|switch|transfer)"
        r"|advanced\s+(?:talks|stage)|(?:nearing|near)\s+(?:a\s+)?(?:deal|agreement|move)"
        r"|(?:working|pushing|push)\s+(?:on|ahead|to\s+(?:complete|finalise|get))|finali[sz]"
        r"(?:e|ing|es)|opened\s+(?:talks|dialogue)|dialogue|meeting|met\s+with|(?:to\s+)?meet\s+"
        r"(?:the|his|with))",
    ),
    (
        Status.CONTACT,
        r"\b(?:contact(?:ed|s)?|enquir(?:y|ies|ed|e)|inquir(?:y|ies|ed|e)|approach"
        r"(?:ed|es)?|asked\s+about|request(?:ed)?\s+(?:information|details)|sounded\s+out"
        # "Marseille have asked Lyon for Aouar" (not the interview's "Asked about ...")
        r"|(?:have|has|had)\s+(?:already\s+)?asked\s+(?:\S+\s+){1,3}?(?:about|for)\b"
        r"|calls?\s+(?:between|with)|phone\s+call|made\s+(?:a\s+)?call|checked\s+on)",
    ),
    (
        Status.MONITORING,
        r"\b(?:monitor(?:ing|ed|s)?|track(?:ing|ed|s)?|watch(?:ing|ed)?|scout(?:ed|ing|s)?"
        r"|keep(?:ing)?\s+(?:tabs|an\s+eye)|kept\s+(?:tabs|an\s+eye)|following\s+(?:closely|the)"
        r"|on\s+(?:their|the|its)\s+radar|assess(?:ing|ed)?|observ(?:ing|ed))",
    ),
    (
        Status.INTEREST,
        r"\b(?:interest(?:ed)?|keen|linked|links?\s+with|targets?|targeting|targeted|want"
        r"(?:s|ed|ing)?|eye(?:s|ing|d)?|admir(?:e|ers?|ed|ing)|race\s+(?:to|for)|pursu(?:e|it|ing)"
        r"|chas(?:e|ing|ers?)|(?:move|swoop|bid)\s+for|(?:to\s+)?sign(?:ing)?\b(?!\s+of\b)|consider(?:ing|ed)?"
        r"|shortlist(?:ed)?|list\s+of|attention|like\s+to|hoping\s+to|hope\s+to|plans?\s+to"
        r"|sights|swoop|poach|lure|land|snap\s+up|bring(?:ing)?\s+\S+\s+to|move\s+to|switch\s+to"
        r"|join(?:ing)?\b|tempt|suitors?|favou?rites\s+to|in\s+for|coveted"
        r"|courting|circling|sniff(?:s|ed|ing)?\s+around|tipped|associated|alerted|candidate|preference|pole\s+position"
        r"|looking\s+at|look\s+at|weighing\s+up|weigh\s+up|open\s+to\s+signing|admirer"
        r"|pay\s+(?:\S+\s+){0,3}?[£€$\d]|trigger"
        r"|driving\s+seat|front[\s-]runners?|out\s+in\s+front|leading\s+the\s+race|battle\s+for"
        r"|on\s+(?:red\s+)?alert|availability"
        r"|on\s+(?:his|their)\s+way\s+to|return\s+to|loan\s+(?:move|deal|switch)|inquire"
        r"|explor(?:e|es|ed|ing)|loan\s+for|deal\s+for"
        r"|(?:choos(?:e|es|ing)|chose)(?!\s+to\s+(?:stay|remain|extend|renew|sign\s+a\s+new))"
        r"|opt(?:s|ed|ing)?\s+for|prefer(?:s|red|ring)?\b"
        r"|head-to-head|rival(?:s|ling)?\s+(?:\S+\s+){1,3}?for|compet(?:e|es|ing)\s+(?:with|for)"
        r"|(?:fight|scrap|tussle)\s+for|attentive|alert\b|(?:big|main|top|first|number\s+one|biggest)\s+(?:wish|priority|choice)"
        r"|priority\s+(?:target|signing)|dream\s+(?:target|signing|move)|request(?:ed)?\s+(?:the\s+)?signing"
        r")",
    ),
    # "on Bayern's list" (a possessive must come just before: checked in find_cues)
    (
        Status.INTEREST,
        r"\b(?:(?:transfer|summer|january)\s+)?(?:list|shortlist|wishlist|radar|agenda|wish)\b",
    ),
]

# Patterns are lower-case and run on ASCII-lower-cased text without re.IGNORECASE, and start
# with a look-behind instead of \b: both several times faster in Python's re.
_COMPILED = [
    (status, re.compile(pattern.replace(r"\b(?:", r"(?<![a-z])(?:", 1)))
    for status, pattern in _PATTERNS
]
_LIST_INDEX = len(_COMPILED) - 1
_POSSESSIVE_BEFORE: Final = re.compile(r"(?:'s|\btheir|\bhis|\bits)\s+$")
# "preparing an offer", "could launch a bid": a bid being considered is not yet a bid
_PREPARED_BID: Final = re.compile(
    r"(?:preparing|plotting|readying|considering|weighing\s+up|mulling|planning"
    r"|(?:could|may|might|will|would|set\s+to|ready\s+to|poised\s+to|expected\s+to)\s+"
    r"(?:make|launch|submit|table|lodge|return\s+with))\s+(?:a|an)\s+(?:\S+\s+){0,4}?"
    r"(?:bids?|offers?|approach|proposals?)$"
)
_NEGATION: Final = re.compile(
    r"(?:\bnot|\bno|n't|\bnever|\byet\s+to|\bwithout|\bunlikely\s+to|\bfailed\s+to)(?:\s+\S+){0,2}\s*$"
)
_PREPARED_WORDS = (
    "prepar",
    "plot",
    "ready",
    "consider",
    "weigh",
    "mull",
    "plan",
    "could",
    "may",
    "might",
    "will",
    "would",
    "set to",
    "poised",
    "expected",
)


@dataclass(unsafe_hash=True, init=False)
class Cue:
    status: Status
    start: int
    end: int
    negated: bool

    def __init__(self, status: Status, start: int, end: int, negated: bool = False) -> None:
        self.status = status
        self.start = start
        self.end = end
        self.negated = negated


def find_cues(text: str, regions: list[tuple[int, int]] | None = None) -> list[Cue]:
    """All status cues in ``text`` (positions relative to it), negated stages marked.

    ``regions`` limits the search to those (start, end) spans of the text. This scans with every
    pattern; ``find_cues_at`` gives the same answer faster when word starts are known."""
    low = ascii_lower(text)
    spans = regions if regions is not None else [(0, len(low))]
    found = [
        (index, match.start(), match.end())
        for index, (_status, pattern) in enumerate(_COMPILED)
        for rs, re_ in spans
        for match in pattern.finditer(low, rs, re_)
    ]
    return _settle(low, found)


def find_cues_at(
    text: str, starts: list[tuple[int, int]], lowered: str | None = None
) -> list[Cue]:
    """``find_cues`` for a text whose candidate word starts are known: ``starts`` holds
    (position, end of its sentence). Each pattern is tried only where the text there can begin
    it (literal prefixes of up to ``_PREFIX_LEN`` characters, worked out from the patterns
    themselves), so most positions cost one dictionary lookup. ``lowered``: ``ascii_lower(text)``
    if the caller has it."""
    low = ascii_lower(text) if lowered is None else lowered
    found: list[tuple[int, int, int]] = []
    candidates = _CANDIDATES
    k = _PREFIX_LEN
    for pos, end in starts:
        for index, alternatives in candidates[low[pos : pos + k]]:
            # the first alternative that matches is the one the whole pattern would take
            for alternative in alternatives:
                match = alternative.match(low, pos, end)
                if match is not None:
                    found.append((index, pos, match.end()))
                    break
    return _settle(low, found)


def _settle(text: str, found: list[tuple[int, int, int]]) -> list[Cue]:
    """Stronger patterns claim their words first; then negation and special cases."""
    cues: list[Cue] = []
    taken = bytearray(len(text) + 1)  # characters already claimed by a stronger pattern
    for index, s, e in sorted(found):
        status = _COMPILED[index][0]
        if taken[s] or taken[e - 1] or 1 in taken[s:e]:
            continue
        if index == _LIST_INDEX and not _POSSESSIVE_BEFORE.search(text[max(0, s - 8) : s]):
            continue
        stated = status
        if status is Status.BID:
            window = text[max(0, e - 90) : e]
            if any(w in window for w in _PREPARED_WORDS) and _PREPARED_BID.search(window):
                stated = Status.INTEREST
        negated = False
        if status not in (Status.DENIED, Status.COLLAPSED):
            before = text[max(0, s - 25) : s]
            negated = (
                "no" in before
                or "n't" in before
                or "yet" in before
                or "without" in before
                or "unlikely" in before
                or "failed" in before
            ) and bool(_NEGATION.search(before))
        cues.append(Cue(stated, s, e, negated))
        taken[s:e] = b"\x01" * (e - s)
    cues.sort(key=lambda cue: cue.start)
    return cues


_PREFIX_LEN = 6


def _literal_prefixes(pattern: str | list[tuple[object, object]], k: int = _PREFIX_LEN) -> set[str]:
    """Strings of up to ``k`` characters such that every match of ``pattern`` starts with one
    of them: literal characters are followed until ``k`` of them, the end of the pattern or
    anything that is not a literal (a class such as ``\\s``, ``.``): there the prefix stops
    short. An empty prefix means the pattern can start anywhere."""
    out: set[str] = set()

    def walk(seq: list[tuple[object, object]], prefix: str, depth: int) -> None:
        if len(prefix) >= k or not seq or depth > 200:
            out.add(prefix[:k])
            return
        op, av = seq[0]
        rest = seq[1:]
        if op is _C.LITERAL:
            walk(rest, prefix + chr(av), depth + 1)  # type: ignore[arg-type]
        elif op is _C.IN:
            chars: list[str] = []
            for o, a in av:  # type: ignore[attr-defined]
                if o is _C.LITERAL:
                    chars.append(chr(a))
                elif o is _C.RANGE and a[1] - a[0] < 40:
                    chars.extend(chr(c) for c in range(a[0], a[1] + 1))
                else:  # a category, a negation, a wide range: the prefix stops here
                    out.add(prefix)
                    return
            for ch in chars:
                walk(rest, prefix + ch, depth + 1)
        elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            walk(rest, prefix, depth + 1)  # zero-width
        elif op is _C.SUBPATTERN:
            walk(list(av[-1]) + rest, prefix, depth + 1)  # type: ignore[index]
        elif op is _C.BRANCH:
            for branch in av[1]:  # type: ignore[index]
                walk(list(branch) + rest, prefix, depth + 1)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            repeat: Any = av
            lo, hi, sub = repeat
            if lo == 0:
                walk(rest, prefix, depth + 1)
            if hi != 0:
                nhi = hi if hi == _C.MAXREPEAT else hi - 1
                more = [(op, (max(lo - 1, 0), nhi, sub))] if nhi else []
                walk(list(sub) + more + rest, prefix, depth + 1)
        else:  # anything else: the prefix stops here
            out.add(prefix)

    walk(list(_sre_parser.parse(pattern) if isinstance(pattern, str) else pattern), "", 0)
    return out


def _required_literals(seq: list[tuple[object, object]]) -> set[str] | None:
    """Strings one of which every match of the parsed ``seq`` contains (the literal prefixes of
    some position in it, or of every branch of an alternation), the longest such choice; None
    if there is none."""
    options: list[set[str]] = []
    for i, (op, av) in enumerate(seq):
        prefixes = _literal_prefixes(seq[i:])
        if "" not in prefixes:
            options.append(prefixes)
        found: set[str] | None = None
        if op is _C.SUBPATTERN:
            found = _required_literals(list(av[-1]))  # type: ignore[index]
        elif op is _C.BRANCH:
            each = [_required_literals(list(branch)) for branch in av[1]]  # type: ignore[index]
            if all(each):
                found = set().union(*each)  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:  # type: ignore[index]
            found = _required_literals(list(av[2]))  # type: ignore[index]
        if found:
            options.append(found)
    if not options:
        return None
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` (none a prefix of another) branching one character at a
    time, so the regex engine tries one branch per character."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    alternatives = []
    for first, rests in sorted(groups.items()):
        if len(rests) == 1:
            alternatives.append(re.escape(first + rests[0]))
        else:
            alternatives.append(re.escape(first) + "(?:" + _trie(rests) + ")")
    return "|".join(alternatives)


def _always(_text: str) -> bool:
    return True


def literal_gate(pattern: re.Pattern[str]) -> Callable[[str], object]:
    """A cheap necessary test for ``pattern`` matching in (or at the start of) a text: the
    search for the literals one of which every match contains, worked out from the pattern
    itself, so it follows edits of the pattern. Always true where none can be worked out."""
    words = required_words(pattern)
    return _always if words is None else re.compile(_trie(words)).search


def required_words(pattern: re.Pattern[str]) -> list[str] | None:
    """Strings one of which every match of ``pattern`` contains (None where none can be worked
    out, or the pattern ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return None
    required = _required_literals(list(_sre_parser.parse(pattern.pattern, pattern.flags)))
    if not required:
        return None
    # a word that begins with another is found whenever that one is
    return sorted(w for w in required if not any(v != w and w.startswith(v) for v in required))


def _alternatives(pattern: re.Pattern[str]) -> list[tuple[re.Pattern[str], set[str]]]:
    """A pattern that is zero-width assertions and then one alternation, split into one compiled
    pattern per alternative (the assertions kept in front of each), with the literal prefixes of
    each: trying the alternatives in order, the first that matches is the match of the whole
    pattern, since nothing follows the alternation. Any other pattern stays whole."""
    parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    items = list(parsed)
    *lead, last = items
    if last[0] is not _C.BRANCH or any(
        op not in (_C.AT, _C.ASSERT, _C.ASSERT_NOT) for op, _ in lead
    ):
        return [(pattern, _literal_prefixes(pattern.pattern))]
    out = []
    for branch in last[1][1]:
        sub = _sre_parser.SubPattern(parsed.state, lead + list(branch))
        out.append(
            (_sre_compiler.compile(sub, pattern.flags), _literal_prefixes(lead + list(branch)))
        )
    return out


_PATTERN_ALTERNATIVES = [_alternatives(pattern) for _status, pattern in _COMPILED]
# (pattern index, position of the alternative, the alternative, its prefixes), by the first
# character of a prefix ("" for an empty prefix)
_ALL_ROWS = [
    (index, position, alternative, prefixes)
    for index, alternatives in enumerate(_PATTERN_ALTERNATIVES)
    for position, (alternative, prefixes) in enumerate(alternatives)
]
_BY_FIRST: dict[str, list[tuple[int, int, re.Pattern[str], set[str]]]] = {}
for _row in _ALL_ROWS:
    for _first in {p[:1] for p in _row[3]}:
        _BY_FIRST.setdefault(_first, []).append(_row)


# the first characters of the text at a word start -> the patterns that can match there, each
# with those of its alternatives that can
class _Candidates(dict[str, tuple[tuple[int, tuple[re.Pattern[str], ...]], ...]]):
    def __missing__(self, head: str) -> tuple[tuple[int, tuple[re.Pattern[str], ...]], ...]:
        return _candidates_for(head)


_CANDIDATES = _Candidates()


def _candidates_for(head: str) -> tuple[tuple[int, tuple[re.Pattern[str], ...]], ...]:
    """The patterns one of whose prefixes agrees with ``head`` (as far as both go), each with
    its alternatives that have such a prefix, in order."""
    rows = _BY_FIRST.get(head[:1], []) + _BY_FIRST.get("", []) if head else _ALL_ROWS
    fitting = {
        (index, position): alternative
        for index, position, alternative, prefixes in rows
        if any(p[: len(head)] == head[: len(p)] for p in prefixes)
    }
    entries: list[tuple[int, tuple[re.Pattern[str], ...]]] = []
    for (index, _position), alternative in sorted(fitting.items(), key=itemgetter(0)):
        if entries and entries[-1][0] == index:
            entries[-1] = (index, (*entries[-1][1], alternative))
        else:
            entries.append((index, (alternative,)))
    if len(_CANDIDATES) < 100_000:
        _CANDIDATES[head] = tuple(entries)
    return tuple(entries)


def effective(cue: Cue) -> Status | None:
    """The status a cue states; a negated stage ("yet to be agreed") says one step less."""
    if not cue.negated:
        return cue.status
    return None


# the order of strength (the declaration order, as Status.rank), read from a dict: compiled,
# Status.rank and Status.strongest would run as interpreted Python (bot.domain is not compiled)
_RANK: Final[dict[Status, int]] = {status: index for index, status in enumerate(Status)}


def rank(status: Status) -> int:
    return _RANK[status]


def strongest(statuses: list[Status]) -> Status:
    """``Status.strongest``: the first of the highest rank."""
    if not statuses:
        raise ValueError("strongest() of no statuses")
    best = statuses[0]
    best_rank = _RANK[best]
    for status in statuses:
        status_rank = _RANK[status]
        if status_rank > best_rank:
            best, best_rank = status, status_rank
    return best


def classify(text: str) -> Status | None:
    """The strongest status stated anywhere in ``text``, or None if it states none."""
    found = [s for s in (effective(c) for c in find_cues(text)) if s is not None]
    return strongest(found) if found else None

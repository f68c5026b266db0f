"""Club mentions: names, aliases, nicknames ("the Blues"), grounds ("a move to Anfield"),
places ("the Bergamo club", "the west London side"), descriptions ("the Serie A side",
"the Italian outfit") and partial names ("United" after "Manchester United").

Ambiguous forms are resolved by the article itself: the candidate mentioned most recently,
else the one mentioned most often, else the mention is dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from bot.extraction.lexicon import (
    CLUB_NOUNS,
    COUNTRIES,
    DESCRIPTOR_FILLERS,
    LEAGUE_WORDS,
    NAME_STOPWORDS,
    NATIONALITY_COUNTRY,
    POSITION_NOUNS,
)
from bot.extraction.textutil import Doc, Token, fold_token
from bot.reference import ClubRef, ReferenceData
from bot.text import fold

MAX_NGRAM = 6

# Tokens of a club name too generic to stand for the club on their own.
_GENERIC_PARTS: Final = frozenset(
    [
        "fc",
        "afc",
        "cf",
        "sc",
        "ac",
        "as",
        "ss",
        "ssc",
        "club",
        "de",
        "del",
        "la",
        "le",
        "the",
        "and",
        "of",
        "hove",
        "04",
        "1899",
        "1860",
        "real",
        "saint",
        "st",
        "sporting",
        "athletic",
        "atletico",
        "borussia",
        "racing",
        "olympique",
        "stade",
        "inter",
        "internazionale",
        "cd",
        "ud",
        "rc",
        "sv",
        "vfb",
        "vfl",
        "tsg",
        "fsv",
        "rb",
        "red",
        "bull",
        "hotspur",
        "county",
        "town",
        "north",
        "south",
        "west",
        "east",
        "new",
        "old",
        "manchester",
        "london",
    ]
)


@dataclass(unsafe_hash=True, init=False)
class ClubMention:
    club: ClubRef
    start: int  # character offsets in Doc.text
    end: int
    tok_start: int
    tok_end: int  # exclusive
    sent: int
    kind: str  # name, alias, nickname, ground, place, description, partial, person

    def __init__(
        self,
        club: ClubRef,
        start: int,
        end: int,
        tok_start: int,
        tok_end: int,
        sent: int,
        kind: str,
    ) -> None:
        self.club = club
        self.start = start
        self.end = end
        self.tok_start = tok_start
        self.tok_end = tok_end
        self.sent = sent
        self.kind = kind


_TRAVEL_VERBS: Final = frozenset(
    [
        "travel",
        "travels",
        "travelled",
        "traveled",
        "travelling",
        "traveling",
        "flew",
        "fly",
        "flies",
        "flying",
        "flown",
        "jetted",
        "arrived",
        "arrive",
        "arrives",
        "arriving",
        "landed",
        "land",
        "lands",
        "touched",
    ]
)


@dataclass
class _Surface:
    clubs: list[ClubRef]
    kind: str
    exact_case: str | None = None  # short all-caps aliases ("PSG") must match as written
    need_cap: bool = False


_REGION_WORDS: Final = frozenset(("saudi", "arabia", "emirates", "qatar", "gulf", "north", "south"))
# the leagues English-language transfer news covers most, most first (English nicknames are
# mostly English clubs': "the Canaries" is Norwich before Nantes)
_LEAGUE_ORDER = (
    "Premier League",
    "Championship",
    "La Liga",
    "Serie A",
    "Bundesliga",
    "Ligue 1",
)


def _best_known(clubs: list[ClubRef]) -> ClubRef | None:
    ranked = sorted(
        (_LEAGUE_ORDER.index(c.league) if c.league in _LEAGUE_ORDER else len(_LEAGUE_ORDER), i)
        for i, c in enumerate(clubs)
    )
    if not ranked or ranked[0][0] == len(_LEAGUE_ORDER):
        return None
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None  # "the Blues": Chelsea or Everton, only context can tell
    return clubs[ranked[0][1]]


def _given_name_before(
    doc: Doc, prev: Token, tok: Token, raw: list[tuple[Any, ...]], i: int
) -> bool:
    """A capitalised word right before a one-word club makes a person's name of both (a word
    that is only part of some club's longer name does not count as a club here)."""
    return (
        prev.sent == tok.sent
        and prev.cap
        and prev.key.isalpha()
        and len(prev.key) > 1
        and prev.key not in NAME_STOPWORDS
        and not (raw and raw[-1][1] == i and raw[-1][3] != "partial")
        and not _title_case_run(doc, prev.index)
    )


def _without_surname_aliases(
    tokens: list[Token], raw: list[tuple[Any, ...]], surnames: set[str]
) -> list[tuple[Any, ...]]:
    """ "Real Madrid want David Villa ... Should Villa move to the Bernabeu": once the article
    names a person with a club's short name as his surname, that word alone is the person too,
    unless the club is also written in full ("Aston Villa") somewhere in the article."""
    full = {
        club.name
        for start, end, surface, kind, clubs in raw
        if clubs and (end - start > 1 or kind == "name")
        for club in clubs
    }
    return [
        r
        for r in raw
        if not (
            r[1] - r[0] == 1
            and r[3] in ("alias", "partial")
            and tokens[r[0]].key in surnames
            and not any(club.name in full for club in r[4])
        )
    ]


def _titled_given_name(tokens: list[Token], i: int, n: int) -> bool:
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < n else None
    return (
        prev is not None
        and nxt is not None
        and prev.sent == tokens[i].sent == nxt.sent
        and not prev.cap
        and prev.key in POSITION_NOUNS
        and nxt.cap
        and nxt.key.isalpha()
        and nxt.key not in NAME_STOPWORDS
    )


def _title_case_run(doc: Doc, k: int) -> bool:
    """ "Arsenal Target Valencia Star": three capitalised words in a row is title case."""
    tokens = doc.tokens
    sent = doc.sentences[tokens[k].sent]
    before = k - 1 >= sent.tok_start and tokens[k - 1].cap and tokens[k - 1].key.isalpha()
    after = k + 2 < sent.tok_end and tokens[k + 2].cap and tokens[k + 2].key.isalpha()
    return before or after


class ClubMatcher:
    """Precompiled lookup tables for one ReferenceData; ``find(doc)`` is the per-article step."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self.surfaces: dict[tuple[str, ...], _Surface] = {}
        self.partials: dict[str, list[ClubRef]] = {}
        self.places: dict[tuple[str, ...], list[ClubRef]] = {}
        self.country_of: dict[str, str] = {}
        self.league_of: dict[str, str] = {}
        # (leagues, country, place list) -> the clubs a description can mean
        self._description_memo: dict[
            tuple[tuple[str, ...], str | None, int | None], list[ClubRef]
        ] = {}
        for club in reference.clubs:
            self.country_of[club.name] = fold(club.country)
            self.league_of[club.name] = fold(club.league)
            for name in (club.name, *club.aliases):
                self._add(name, club, "name" if name == club.name else "alias")
                for part in fold(name).split():
                    if (
                        part not in _GENERIC_PARTS
                        and part not in COUNTRIES  # "reports in Portugal" is not Sporting
                        and part not in NATIONALITY_COUNTRY
                        and part not in _REGION_WORDS  # "the Saudi Pro League" is not Al Ahli
                        and len(part) > 2
                        and not part.isdigit()
                    ):
                        bucket = self.partials.setdefault(part, [])
                        if club not in bucket:
                            bucket.append(club)
            for nick in club.nicknames:
                self._add(nick, club, "nickname")
                words = fold(nick).split()
                if words and words[0] == "the" and len(words) > 1:
                    self._add(" ".join(words[1:]), club, "nickname", need_cap=True)
            for ground in club.grounds:
                self._add(ground, club, "ground")
            for place in club.places:
                key = tuple(fold(place).split())
                if key:
                    bucket = self.places.setdefault(key, [])
                    if club not in bucket:
                        bucket.append(club)
        self.max_place = max((len(k) for k in self.places), default=1)
        # longest surface starting with each first word: most tokens start none
        self.first: dict[str, int] = {}
        lengths: dict[str, set[int]] = {}
        for key in self.surfaces:
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        self.start_keys = frozenset(self.first) | frozenset(self.partials)
        self.pairs = frozenset(key[:2] for key in self.surfaces if len(key) > 1)
        self.prefixes = frozenset(key[:k] for key in self.surfaces for k in range(1, len(key) + 1))

    def _add(self, surface: str, club: ClubRef, kind: str, need_cap: bool = False) -> None:
        key = tuple(fold_token(t) for t in _surface_tokens(surface))
        if not key or len(key) > MAX_NGRAM:
            return
        stripped = surface.replace(".", "").replace(" ", "")
        exact = surface if (len(stripped) <= 4 and stripped.isupper()) else None
        entry = self.surfaces.get(key)
        if entry is None:
            self.surfaces[key] = _Surface([club], kind, exact, need_cap)
            return
        if club not in entry.clubs:
            entry.clubs.append(club)
        # a full name or alias of one club beats a nickname shared with others
        rank = {"name": 0, "alias": 1, "ground": 2, "nickname": 3}
        if rank.get(kind, 4) < rank.get(entry.kind, 4):
            entry.kind = kind
            entry.clubs.remove(club)
            entry.clubs.insert(0, club)

    # ------------------------------------------------------------------ per article

    def find(self, doc: Doc, blocked: set[int] | None = None) -> list[ClubMention]:
        tokens = doc.tokens
        blocked = blocked or set()
        raw: list[tuple[int, int, _Surface | None, str, list[ClubRef]]] = []
        i = 0
        n = len(tokens)
        first = self.first
        partials = self.partials
        candidates = doc.positions(self.start_keys)
        surnames: set[str] = set()  # one-word club names read as a surname ("David Villa")
        for i_cand in candidates:
            if i_cand < i:
                continue
            i = i_cand
            tok = tokens[i]
            if tok.key not in first and not (tok.cap and tok.key in partials):
                continue
            if i in blocked:
                continue
            hit = self._match_at(tokens, i, n)
            if (
                hit is not None
                and i > 0
                and tokens[i - 1].key in ("in", "around", "near")
                and (tuple([t.key for t in tokens[i : i + hit[0]]]) in self.places)
            ):
                continue  # "arrive in Birmingham": the city
            if (
                hit is not None
                and hit[0] == 1
                and hit[1].kind == "alias"
                and i > 1
                and tokens[i - 1].key in ("to", "in")
                and tokens[i - 2].key in _TRAVEL_VERBS
                and hit[1].clubs
                and fold_token(hit[1].clubs[0].name.split()[0]) == tok.key
            ):
                continue  # "travelled to Birmingham for a medical": the city, not its club
            if (
                hit is not None
                and hit[0] == 1
                and i > 0
                and _given_name_before(doc, tokens[i - 1], tok, raw, i)
            ):
                surnames.add(tok.key)
                continue  # "Antonio Valencia", "Bruno Guimaraes": a surname, not the club
            if hit is not None and hit[0] == 1 and _titled_given_name(tokens, i, n):
                continue  # "Inter defender Milan Skriniar": a given name after a title
            if hit is not None:
                length, surface = hit
                raw.append((i, i + length, surface, surface.kind, list(surface.clubs)))
                i += length
                continue
            if tok.cap and tok.key in self.partials and not _titled_given_name(tokens, i, n):
                prev = tokens[i - 1] if i > 0 else None
                if (
                    prev is not None
                    and prev.sent == tok.sent
                    and prev.cap
                    and prev.key.isalpha()
                    and prev.key not in NAME_STOPWORDS
                    and not (raw and raw[-1][1] == i and raw[-1][3] != "partial")
                    and not doc.sentences[tok.sent].headline
                ):
                    continue  # "Mexico City", "Kansas City": part of another name
                raw.append((i, i + 1, None, "partial", list(self.partials[tok.key])))
        if surnames:
            raw = _without_surname_aliases(tokens, raw, surnames)
        descriptions = self._descriptions(
            doc, {p for s, e, *_ in raw for p in range(s, e)}, blocked
        )
        raw.extend(descriptions)
        raw.sort(key=lambda r: r[0])
        return self._resolve(doc, raw)

    def _match_at(self, tokens: list[Token], i: int, n: int) -> tuple[int, _Surface] | None:
        longest = self.first.get(tokens[i].key)
        if longest is None:
            return None
        sent = tokens[i].sent
        second = tokens[i + 1].key if i + 1 < n else None
        pair_ok = (tokens[i].key, second) in self.pairs
        # only as many tokens as still begin some surface
        top = 1
        if pair_ok:
            top, limit = 2, min(longest, n - i)
            keys: tuple[str | None, ...] = (tokens[i].key, second)
            while top < limit:
                keys = (*keys, tokens[i + top].key)
                if keys not in self.prefixes:
                    break
                top += 1
        for length in self.lengths[tokens[i].key]:
            if length > top:
                continue
            window = tokens[i : i + length]
            if window[-1].sent != sent:
                continue
            key = tuple([t.key for t in window])
            surface = self.surfaces.get(key)
            if surface is None:
                continue
            if surface.exact_case is not None:
                written = "".join([t.text for t in window]).replace(".", "")
                if written != surface.exact_case.replace(".", "").replace(" ", ""):
                    continue
            significant = [t for t in window if t.key not in ("the", "of", "and", "&", "de")]
            if surface.need_cap and not all(t.cap for t in significant):
                continue
            if surface.kind in ("name", "alias") and not any(
                t.cap or t.key[:1].isdigit() for t in significant
            ):
                continue  # "city", "forest" in lower case are words, not clubs
            if surface.kind == "nickname" and length > 1 and not any(t.cap for t in window[1:]):
                continue
            return length, surface
        return None

    def _descriptions(
        self, doc: Doc, taken: set[int], blocked: set[int]
    ) -> list[tuple[int, int, _Surface | None, str, list[ClubRef]]]:
        """Descriptions: "the Serie A side", "the Bergamo club", "the Italian outfit"."""
        found: list[tuple[int, int, _Surface | None, str, list[ClubRef]]] = []
        tokens = doc.tokens
        n = len(tokens)
        for i in doc.by_key.get("the", ()):
            tok = tokens[i]
            if i in taken or i in blocked:
                continue
            # cheap test first: a club noun must follow within a few words
            if not any(t.key in CLUB_NOUNS for t in tokens[i + 2 : i + 8]):
                continue
            j = i + 1
            leagues: tuple[str, ...] = ()
            country: str | None = None
            place_clubs: list[ClubRef] | None = None
            limit = min(n, i + 8)
            while j < limit and tokens[j].sent == tok.sent:
                key = tokens[j].key
                if key in CLUB_NOUNS:
                    break
                matched = False
                for length in (4, 3, 2, 1):
                    phrase = " ".join([t.key for t in tokens[j : j + length]])
                    if phrase in LEAGUE_WORDS and tokens[j].cap:
                        leagues = LEAGUE_WORDS[phrase]
                        j += length
                        matched = True
                        break
                    place = tuple([t.key for t in tokens[j : j + length]])
                    if place in self.places and length <= self.max_place:
                        place_clubs = self.places[place]
                        j += length
                        matched = True
                        break
                if matched:
                    continue
                if key in NATIONALITY_COUNTRY and tokens[j].cap:
                    country = NATIONALITY_COUNTRY[key]
                elif key in DESCRIPTOR_FILLERS or key in ("pro", "-"):
                    pass
                else:
                    break
                j += 1
            if j >= n or tokens[j].key not in CLUB_NOUNS or tokens[j].sent != tok.sent:
                continue
            if not (leagues or country or place_clubs):
                continue
            # "the Serie A side Atalanta": apposition, the name that follows is the mention
            if (
                j + 1 < n
                and tokens[j + 1].cap
                and tokens[j + 1].sent == tok.sent
                and (self._match_at(tokens, j + 1, n) is not None)
            ):
                continue
            memo_key = (leagues, country, None if place_clubs is None else id(place_clubs))
            memo = self._description_memo.get(memo_key)
            if memo is None:
                memo = [
                    club
                    for club in (place_clubs if place_clubs is not None else self.reference.clubs)
                    if (not leagues or self.league_of.get(club.name, "") in leagues)
                    and (country is None or self.country_of.get(club.name, "") == country)
                ]
                self._description_memo[memo_key] = memo
            candidates = list(memo)
            if candidates:
                found.append((i, j + 1, None, "description", candidates))
        return found

    def _resolve(
        self, doc: Doc, raw: list[tuple[int, int, _Surface | None, str, list[ClubRef]]]
    ) -> list[ClubMention]:
        tokens = doc.tokens
        definite: Counter[str] = Counter()
        for _s, _e, _surface, kind, clubs in raw:
            if len(clubs) == 1 and kind in ("name", "alias", "ground"):
                definite[clubs[0].name] += 1
        last_seen: dict[str, int] = {}
        seen_count: Counter[str] = Counter()
        mentions: list[ClubMention] = []
        for s, e, _surface, kind, clubs in raw:
            club: ClubRef | None = None
            if len(clubs) == 1 and kind not in ("partial", "description"):
                club = clubs[0]
            elif kind == "description":
                # "the German outfit": the most talked-about matching club so far
                seen = [c for c in clubs if c.name in last_seen]
                if seen:
                    club = max(seen, key=lambda c: (seen_count[c.name], last_seen[c.name]))
                else:
                    later = [c for c in clubs if definite[c.name]]
                    if len(later) == 1:
                        club = later[0]
            else:
                seen = [c for c in clubs if c.name in last_seen]
                if kind == "partial" and len(seen) > 1:
                    # "City" after "Leicester City ... Norwich ...": the club the article has
                    # written with that word
                    word = tokens[s].key
                    names = {c.name for c in seen}
                    with_word = {
                        m.club.name
                        for m in mentions
                        if m.club.name in names
                        and m.kind != "description"
                        and any(t.key == word for t in tokens[m.tok_start : m.tok_end])
                    }
                    written = [c for c in seen if c.name in with_word]
                    seen = written or seen
                if seen:
                    club = max(seen, key=lambda c: last_seen[c.name])
                else:
                    counted = [c for c in clubs if definite[c.name]]
                    if counted:
                        club = max(counted, key=lambda c: definite[c.name])
                    elif (kind != "partial" and kind != "nickname") or (
                        kind == "nickname" and len(clubs) == 1
                    ):
                        club = clubs[0]
                    elif kind == "nickname":
                        # "the Magpies" with no club named: the one from the top league, when
                        # only one club of that league has the nickname
                        club = _best_known(clubs)
            if club is None:
                continue
            last_seen[club.name] = s
            seen_count[club.name] += 1
            first, last = tokens[s], tokens[e - 1]
            mentions.append(ClubMention(club, first.start, last.end, s, e, first.sent, kind))
        return mentions


def _surface_tokens(surface: str) -> list[str]:
    from bot.extraction.textutil import _WORD

    text = surface.replace("\u2019", "'")
    out: list[str] = []
    for match in _WORD.finditer(text):
        tok = match.group(0)
        if tok.endswith("'s") and len(tok) > 2:  # as build_doc splits them
            out.extend((tok[:-2], "'s"))
        else:
            out.append(tok)
    return out

"""People: name mentions, grouping them into one entity per person (full name, surname, typo,
first name), telling players from managers, directors, agents and journalists, and resolving
descriptions ("the Dutch star", "the 27-year-old") to the player they stand for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz.fuzz import ratio

from bot.extraction.lexicon import (
    COUNTRIES,
    FORMER_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NAME_STOPWORDS,
    NATIONALITY_COUNTRY,
    PLAYER_NOUNS,
    POSITION_NOUNS,
    ROLE_NOUNS,
)
from bot.extraction.sources import credited
from bot.extraction.textutil import Doc, Sentence, Token, holds_any
from bot.reference import ClubRef, PersonRef, ReferenceData
from bot.text import fold

# Words that make a capitalised sequence an organisation, competition or place, not a person.
ORG_WORDS: Final = frozenset(
    [
        "league",
        "cup",
        "club",
        "united",
        "city",
        "fc",
        "afc",
        "academy",
        "rules",
        "index",
        "news",
        "sports",
        "sport",
        "football",
        "soccer",
        "money",
        "player",
        "players",
        "draft",
        "stadium",
        "park",
        "road",
        "arena",
        "ground",
        "university",
        "school",
        "association",
        "federation",
        "committee",
        "council",
        "group",
        "media",
        "tv",
        "radio",
        "day",
        "week",
        "award",
        "awards",
        "trophy",
        "championship",
        "premiership",
        "liga",
        "serie",
        "bundesliga",
        "division",
        "conference",
        "international",
        "national",
        "team",
        "squad",
        "window",
        "talk",
        "whispers",
        "gossip",
        "transfer",
        "transfers",
        "report",
        "podcast",
        "insider",
        "zeitung",
        "gazette",
        "times",
        "post",
        "herald",
        "journal",
        "daily",
        "weekly",
        "mail",
        "sun",
        "mirror",
        "express",
        "telegraph",
        "guardian",
        "independent",
        "standard",
        "athletic",
        "star",
        "record",
        "chronicle",
        "echo",
        "sky",
        "bbc",
        "espn",
        "uefa",
        "fifa",
        "mls",
        "pro",
        "saudi",
        "arabia",
        "foundation",
        "trust",
        "bank",
        "airlines",
        "airways",
        "holdings",
        "capital",
        "partners",
        "sporting",
        "group",
        "government",
        "ministry",
        "olympic",
        "olympics",
        "games",
        "world",
        "euro",
        "copa",
        "america",
        "africa",
        "nations",
        "rules",
        "sustainability",
        "profit",
        "fair",
        "play",
        "financial",
        "regulations",
        "agency",
        "hotel",
        "street",
        "lane",
        "avenue",
        "square",
        # institutions and places a transfer passes through ("the Court of Arbitration for
        # Sport", "a medical at the Nuffield Hospital"): never a word of a person's name
        "court",
        "tribunal",
        "arbitration",
        "commission",
        "authority",
        "board",
        "parliament",
        "police",
        "embassy",
        "medical",
        "medicals",
        "clinic",
        "hospital",
        "centre",
        "center",
        "institute",
        # the same in the languages of translated reports ("Academia de Futebol", "Ciudad
        # Deportiva", "Estadio", "Stade")
        "academia",
        "centro",
        "ciudad",
        "estadio",
        "estadi",
        "stade",
        "stadion",
        "scudetto",
        "viale",
        "piazza",
        "corso",
        "calle",
        "avenida",
        "rua",
        "strasse",
        "platz",
        "rue",
        "boulevard",
    ]
)

_NAME_EXTRA_STOP = (
    frozenset(PLAYER_NOUNS)
    | frozenset(NATIONALITY_COUNTRY)
    # countries as translated reports write them ("the Brasil squad")
    | frozenset(
        (
            *("brasil", "espana", "italia", "deutschland", "alemania", "alemanha", "francia"),
            *("inglaterra", "holanda", "nederland", "belgique", "schweiz", "suisse", "turkiye"),
            *("hrvatska", "polska", "sverige", "norge", "danmark", "suomi", "magyarorszag"),
        )
    )
    | frozenset(
        (
            *("i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", "you're", "you've"),
            *("he's", "she's", "it's", "that's", "there's", "they're", "they've", "let's"),
            *("he'd", "she'd", "they'd", "what's", "who's", "here's"),
        )
    )
    | frozenset(
        [
            "ex",
            "former",
            "current",
            "boss",
            "manager",
            "coach",
            "director",
            "chairman",
            "owner",
            "president",
            "agent",
            "striker",
            "winger",
            "midfielder",
            "defender",
            "goalkeeper",
            "keeper",
            "captain",
            "star",
            "youngster",
        ]
    )
)
_AGE: Final = re.compile(r"^\d{1,2}-year-old$")


def _is_age(key: str) -> bool:
    """ "27-year-old" (the substring test first: most keys are not ages)."""
    return "-year-old" in key and _AGE.match(key) is not None


_SIDE_WORDS: Final = frozenset(
    ["side", "team", "men", "charges", "squad", "outfit", "troops", "players", "club"]
)
STAFF_VERBS: Final = frozenset(
    (
        "appointed",
        "appoint",
        "appoints",
        "appointing",
        "sacked",
        "sack",
        "sacks",
        "sacking",
        "hired",
        "hire",
        "hires",
        "hiring",
        "fired",
        "dismissed",
        "installed",
    )
)
# "talks with X about becoming their new manager", "X as head coach", "X to take charge"
STAFF_AFTER: Final = re.compile(
    r"^\s*(?:,\s*)?(?:about|over|on|regarding)\s+(?:becoming|taking\s+(?:over|charge)|(?:their|the)"
    r"\s+(?:vacant\s+)?(?:manager|managerial|head\s+coach|coaching|dugout))"
    r"|^\s*(?:,\s*)?(?:as|to\s+become|to\s+be)\s+(?:their\s+|the\s+|new\s+|permanent\s+|interim\s+)*"
    r"(?:manager|head\s+coach|boss|coach|sporting\s+director|director\s+of\s+football)\b"
    r"|^\s*(?:,\s*)?(?:to\s+)?(?:take|took|taking|takes)\s+(?:over\s+as|charge|the\s+reins)"
)
# "Stramaccioni wants Palacio", "Rui Vitoria wants a winger": who wants a player is staff (a
# player "wants a move", "wants out", "wants to stay")
_WANTS_SIGNING: Final = re.compile(
    r"^\s+(?:still\s+|also\s+|now\s+)?(?:wants|has\s+asked\s+for|has\s+requested|is\s+targeting"
    r"|has\s+identified)\s+(?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\b(?!\s+(?:move|switch|exit|transfer))"
    r"|(?:a|an|another|two|three|new|more)\s+(?:new\s+|left-footed\s+|right-footed\s+|young\s+"
    r"|experienced\s+|central\s+|defensive\s+|attacking\s+)*(?:winger|striker|forward|defender"
    r"|centre-back|center-back|full-back|left-back|right-back|midfielder|goalkeeper|keeper|playmaker"
    r"|number\s+nine|no\s+9|reinforcements|signings|players))"
)
_OWNER_AFTER: Final = re.compile(
    r"^,?\s+(?:who\s+(?:is|was)\s+)?(?:fronting|leading|behind)\s+(?:the|a)\s+(?:\S+\s+)?takeover"
)
_PUNDIT_AFTER: Final = re.compile(
    r"^,?\s+(?:speaking|writing|talking)\s+(?:on|in|to)\s+(?:the\s+|his\s+|a\s+)?(?:[A-Z][\w']*\s+){0,5}"
    r"(?:podcast|column|show|programme|program|radio|tv|television|broadcast|punditry|co-commentary)"
    r"|^,?\s+(?:speaking|writing)\s+(?:as\s+a\s+)?(?:pundit|columnist|co-commentator)",
    re.I,
)
_OWNER_BEFORE: Final = re.compile(
    r"\btakeover\s+of\s+(?:\S+\s+){1,4}?from\s+$|\b(?:bought|sold)\s+by\s+$"
)
# A capitalised first word is a name if it behaves like one: "Osimhen, who ...", "Saka is ..."
_INITIAL_NAME_NEXT: Final = re.compile(
    r"^(?:,\s+(?:who|meanwhile|however|though|too|for\s+his\s+part|\d\d,)\b"
    r"|\s+(?:is|has|was|had|could|will|would|remains|looks|seems|wants|joined|returned|rejoined"
    r"|signed|completed|moved|arrived|joins|signs|completes|moves|arrives|returns)\b)"
)
_COMMON_STARTERS: Final = frozenset(
    (
        "nothing",
        "something",
        "everything",
        "anything",
        "nobody",
        "everyone",
        "someone",
        "anyone",
        "talks",
        "negotiations",
        "sources",
        "reports",
        "fans",
        "supporters",
        "officials",
        "insiders",
        "football",
        "transfer",
        "money",
        "time",
        "history",
        "this",
        "that",
        "there",
        "what",
        "which",
        "whoever",
        "whatever",
        "each",
        "neither",
        "either",
        "none",
        "another",
        "other",
        "today",
        "tonight",
        "recruitment",
        "business",
        "interest",
    )
)


# Korean names put the family name first and hyphenate the given name ("Son Heung-min",
# "Kim Min-jae"): that hyphenated word is a name, not an adjective like "British-record"
_KOREAN_FAMILY_NAMES: Final = frozenset(
    (
        *("kim", "lee", "park", "son", "hwang", "cho", "jung", "jeong", "choi", "kang", "yoon"),
        *("jang", "lim", "han", "oh", "seo", "shin", "kwon", "song", "hong", "paik", "baek"),
        *("ji", "nam", "ki", "koo", "ko", "bae", "yang", "ahn", "jeon", "moon", "kwak", "yoo"),
        *("ryu", "um", "eom", "jo", "ha", "byun", "seol", "cha", "go", "noh"),
    )
)


def _korean_given_name(words: list[Token], k: int) -> bool:
    return (
        k > 0
        and words[k - 1].key in _KOREAN_FAMILY_NAMES
        and words[k].text.count("-") == 1
        and words[k].text[:1].isupper()
    )


# "NorthernGoonerX", "CityTillIDie": a forum user name, not a person's (McTominay, MacAllister
# and DeAndre keep their capitals)
_CAMEL_CASE: Final = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z])[A-Z][a-z]+[A-Z]")
_LOWER_HYPHEN_PART: Final = re.compile(
    r"-(?!(?:al|el|de|da|di|du|la|le|van|von|ben|bin|ibn)-)[a-z]"
)
_GIVEN_NAME_PLACES: Final = frozenset(
    (
        *("jordan", "georgia", "chad", "israel", "kenya", "india", "roman", "victoria"),
        *("florence", "milan", "lincoln", "austin", "sydney", "orlando", "marseille"),
    )
)
_QUOTES: Final = frozenset(('"', "\u201c", "'", "\u2018", ":"))


def first_is_initial(word: Token, sent: Sentence, tokens: list[Token]) -> bool:
    return word.index == sent.tok_start or (
        word.index - 1 == sent.tok_start and not tokens[word.index - 1].key[:1].isalnum()
    )


_CREDIT_JOURNALIST: Final = re.compile(
    r"(?:according\s+to|reported\s+by|revealed\s+by|as\s+per|via|per"
    r"|,\s*(?:reports|writes|claims|says|reveals|adds))\s+(?:(?:the|de|la|el|le|il|o)\s+)?$"
)
_CREDIT_ROLE_VERBS: Final = re.compile(
    r"^(?:'s?\s+)?\s*(?:has\s+|had\s+|have\s+)?(?:reported|reports|claims|claimed|revealed"
    r"|reveals|understands|tweeted|wrote|writes|has\s+the\s+following|added|confirmed)\b",
    re.I,
)


@dataclass(init=False)
class NameMention:
    tok_start: int
    tok_end: int
    start: int
    end: int
    sent: int
    text: str
    keys: tuple[str, ...]
    possessive: bool
    entity: int
    descriptor: bool  # an anaphor ("the Dutch star"), not a name
    headline: bool
    titlecase: bool
    initial: bool  # first word of its sentence (capitalised anyway)

    def __init__(
        self,
        tok_start: int,
        tok_end: int,
        start: int,
        end: int,
        sent: int,
        text: str,
        keys: tuple[str, ...],
        possessive: bool = False,
        entity: int = -1,
        descriptor: bool = False,
        headline: bool = False,
        titlecase: bool = False,
        initial: bool = False,
    ) -> None:
        self.tok_start = tok_start
        self.tok_end = tok_end
        self.start = start
        self.end = end
        self.sent = sent
        self.text = text
        self.keys = keys
        self.possessive = possessive
        self.entity = entity
        self.descriptor = descriptor
        self.headline = headline
        self.titlecase = titlecase
        self.initial = initial


@dataclass(init=False)
class Entity:
    index: int
    keys: tuple[str, ...]
    canonical: str
    mentions: list[NameMention]
    ref: PersonRef | None
    role: str | None  # set for non-players
    role_strength: int
    player_evidence: int
    journalist_evidence: int
    current_club: ClubRef | None
    current_strength: int
    person_club: ClubRef | None  # the club a manager/director works for

    def __init__(
        self,
        index: int,
        keys: tuple[str, ...],
        canonical: str,
        mentions: list[NameMention] | None = None,
        ref: PersonRef | None = None,
        role: str | None = None,
        role_strength: int = 0,
        player_evidence: int = 0,
        journalist_evidence: int = 0,
        current_club: ClubRef | None = None,
        current_strength: int = 0,
        person_club: ClubRef | None = None,
    ) -> None:
        self.index = index
        self.keys = keys
        self.canonical = canonical
        self.mentions = [] if mentions is None else mentions
        self.ref = ref
        self.role = role
        self.role_strength = role_strength
        self.player_evidence = player_evidence
        self.journalist_evidence = journalist_evidence
        self.current_club = current_club
        self.current_strength = current_strength
        self.person_club = person_club

    @property
    def is_player(self) -> bool:
        return self.role is None

    @property
    def surname(self) -> str:
        return self.keys[-1]

    def set_current(self, club: ClubRef, strength: int) -> None:
        if strength > self.current_strength:
            self.current_club = club
            self.current_strength = strength


class PeopleIndex:
    """Reference people, precompiled once."""

    def __init__(self, reference: ReferenceData) -> None:
        self.full: dict[tuple[str, ...], PersonRef] = {}
        self.surname: dict[str, list[PersonRef]] = {}
        self.by_first: dict[str, list[tuple[tuple[str, ...], PersonRef]]] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], PersonRef]]] = {}
        self.outlet_journalists: dict[tuple[str, ...], str] = {}
        for person in reference.people:
            for name in (person.name, *person.aliases):
                keys = tuple(fold(name).split())
                if not keys:
                    continue
                self.full.setdefault(keys, person)
                if len(keys) >= 2:
                    self.by_first.setdefault(keys[0], []).append((keys, person))
                    self.by_last.setdefault(keys[-1], []).append((keys, person))
                    self.surname.setdefault(keys[-1], [])
                    if person not in self.surname[keys[-1]]:
                        self.surname[keys[-1]].append(person)
        for outlet in reference.outlets:
            if outlet.kind == "journalist":
                for name in (outlet.name, *outlet.aliases):
                    keys = tuple(fold(name).split())
                    if len(keys) >= 2:
                        self.outlet_journalists[keys] = outlet.name
                        self.by_last.setdefault(keys[-1], [])

    def lookup(self, keys: tuple[str, ...]) -> PersonRef | None:
        hit = self.full.get(keys)
        if hit is not None or len(keys) < 2:
            return hit
        # typos: "Jurgen Kopp" for Jurgen Klopp, "Jim Ractliffe" for Jim Ratcliffe
        joined = " ".join(keys)
        for cand_keys, person in self.by_first.get(keys[0], []):
            if len(cand_keys) == len(keys) and ratio(joined, " ".join(cand_keys)) >= 86:
                return person
        for cand_keys, person in self.by_last.get(keys[-1], []):
            if (
                cand_keys[-1] == keys[-1]
                and cand_keys[0][:1] == keys[0][:1]
                and ratio(joined, " ".join(cand_keys)) >= 80
            ):
                return person
        return None

    def journalist(self, keys: tuple[str, ...]) -> str | None:
        return self.outlet_journalists.get(keys)


# ---------------------------------------------------------------- name mentions


def _is_title_case_line(tokens: list[Token], blocked: set[int]) -> bool:
    """A Headline Written In Title Case: no long lower-case word outside clubs and outlets."""
    # one lower-case word decides it (fewer than three words is False as well)
    count = 0
    for t in tokens:
        key = t.key
        if len(key) > 3 and key.isalpha() and t.index not in blocked:
            if not t.cap:
                return False
            count += 1
    return count >= 3


def find_names(doc: Doc, blocked: set[int], stop_extra: frozenset[str]) -> list[NameMention]:
    tokens = doc.tokens
    mentions: list[NameMention] = []
    caps = [t.index for t in tokens if t.cap]
    pointer = 0
    for sent in doc.sentences:
        while pointer < len(caps) and caps[pointer] < sent.tok_start:
            pointer += 1
        if pointer >= len(caps) or caps[pointer] >= sent.tok_end:
            continue  # no capitalised word: no name here
        sent_tokens = doc.sent_tokens(sent)
        title_case = _is_title_case_line(sent_tokens, blocked)
        i = sent.tok_start
        end = sent.tok_end
        while i < end:
            tok = tokens[i]
            if (
                i in blocked
                or not tok.cap
                or not tok.key[:1].isalpha()
                or "." in tok.key
                or (tok.text.isupper() and len(tok.text) > 1)
            ):
                i += 1
                continue
            j = i
            parts: list[int] = []
            while j < end and j not in blocked:
                t = tokens[j]
                name_like = (
                    t.cap
                    and t.key[:1].isalpha()
                    and "." not in t.key
                    and not (t.text.isupper() and len(t.text) > 1)
                )
                particle = (
                    t.key in NAME_PARTICLES
                    and bool(parts)
                    and j + 1 < end
                    and (tokens[j + 1].cap or tokens[j + 1].key in NAME_PARTICLES)
                    and (j + 1) not in blocked
                )
                if name_like or particle:
                    parts.append(j)
                    j += 1
                else:
                    break
            if not parts:
                i += 1
                continue
            i = j
            words = [tokens[p] for p in parts]
            if any(
                w.key in ORG_WORDS
                or any(c.isdigit() for c in w.key)
                # (the regex only for a word with a capital after its first letter)
                or (w.text[1:] != w.text[1:].lower() and _CAMEL_CASE.match(w.text) is not None)
                for w in words
            ):
                continue
            # strip leading stopwords ("However", "According") and trailing months/days
            while (
                words
                # "Jordan Henderson", "Milan Skriniar": a place that is also a given name
                and not (len(words) > 1 and words[0].key in _GIVEN_NAME_PLACES)
                and (
                    words[0].key in NAME_STOPWORDS
                    or words[0].key in stop_extra
                    or words[0].key in _NAME_EXTRA_STOP
                    or words[0].key in NAME_PARTICLES
                )
            ):
                words.pop(0)
            while words and (words[-1].key in MONTHS or words[-1].key in NAME_PARTICLES):
                words.pop()
            # "British-record", "Premier-League-winning": a hyphenated word with a lower-case
            # part is an adjective ("Alexander-Arnold", "Hudson-Odoi" keep capitals)
            words = [
                w
                for k, w in enumerate(words)
                if not _LOWER_HYPHEN_PART.search(w.text) or _korean_given_name(words, k)
            ]
            if not words:
                continue
            # '"Selling Robin to United is a disaster"': a verb opening the sentence
            if (
                len(words) > 1
                and words[0].key.endswith("ing")
                and (
                    first_is_initial(words[0], sent, tokens)
                    or (words[0].index > 0 and tokens[words[0].index - 1].text in _QUOTES)
                )
            ):
                words.pop(0)
            if not words or len(words) > 5:
                continue
            keys = tuple([w.key for w in words])
            if (
                len(words) == 1
                and first_is_initial(words[0], sent, tokens)
                and _INITIAL_NAME_NEXT.match(doc.text[words[0].end : words[0].end + 20])
                and len(words[0].key) >= 4
                and words[0].key not in _COMMON_STARTERS
            ):
                initial_name = True
            else:
                initial_name = False
            if len(words) == 1 and (
                keys[0] in stop_extra or keys[0] in _NAME_EXTRA_STOP or len(keys[0]) < 3
            ):
                continue
            if all(k in NAME_STOPWORDS for k in keys) or (
                len(keys) > 1 and " ".join(keys) in stop_extra
            ):
                continue
            first, last = words[0], words[-1]
            possessive = j < end and tokens[j].key in ("'s", "'") and tokens[j].start == last.end
            mentions.append(
                NameMention(
                    first.index,
                    last.index + 1,
                    first.start,
                    last.end,
                    sent.index,
                    doc.text[first.start : last.end],
                    keys,
                    possessive,
                    headline=title_case or (sent.headline and first.index == sent.tok_start),
                    titlecase=title_case,
                    initial=not initial_name and first_is_initial(first, sent, tokens),
                )
            )
    return mentions


# ---------------------------------------------------------------- grouping


@lru_cache(maxsize=8192)
def _skeleton(word: str) -> str:
    return word[:1] + "".join(c for c in word[1:] if c not in "aeiouy")


_RATIO_CACHE: dict[tuple[str, str], float] = {}


def _ratio(a: str, b: str) -> float:
    """``rapidfuzz.fuzz.ratio``, remembered (names recur across articles)."""
    key = (a, b)
    value = _RATIO_CACHE.get(key)
    if value is None:
        value = ratio(a, b)
        if len(_RATIO_CACHE) < 200_000:
            _RATIO_CACHE[key] = value
    return value


def _match_entity(
    keys: tuple[str, ...], entities: list[Entity], sent: int = 0
) -> tuple[Entity | None, bool]:
    """(entity, upgrade): upgrade = the mention is a fuller form of the entity's name."""
    best: Entity | None = None
    best_rank = 0
    nk = len(keys)
    k0 = keys[0] if nk else ""
    klast = keys[-1] if nk else ""
    # the ranks below, tested in this order (first that holds):
    # 6 same keys; 5 surname / "van Dijk"; 4 "Harry Kane" after "Kane"; 2 first name only
    # ("Saul" for Saul Niguez); 3 a typo ("Koopmeiner"); 1 "Sol" for Saul Niguez (same
    # consonants, mentioned nearby)
    surname_matches: list[Entity] = []
    # (worked out once, not per entity: compiled, each lru_cache call is a generic call)
    k0_skeleton = _skeleton(k0) if nk == 1 and len(k0) >= 3 else ""
    for ent in reversed(entities):  # most recent first
        ek = ent.keys
        if keys == ek:
            rank = 6
        else:
            ne = len(ek)
            rank = 0
            if nk < ne:
                if ek[-nk:] == keys:
                    rank = 5
                elif nk == 1:
                    if ek[0] == k0 and len(k0) >= 3:
                        rank = 2
                    elif len(k0) >= 5 and _ratio(k0, ek[-1]) >= 87:
                        rank = 3
                    elif (
                        len(k0) >= 3
                        and len(k0_skeleton) >= 2
                        and k0_skeleton in (_skeleton(ek[0]), _skeleton(ek[-1]))
                        and any(abs(m.sent - sent) <= 6 for m in ent.mentions)
                    ):
                        rank = 1
            elif nk > ne:
                if keys[-ne:] == ek:  # mentions and entities always have keys
                    rank = 4
                elif ne == 1 and nk >= 2 and len(ek[0]) >= 5 and _ratio(klast, ek[0]) >= 87:
                    rank = 3
            elif nk == 1:
                if len(k0) >= 5 and _ratio(k0, ek[-1]) >= 87:
                    rank = 3
            elif k0 == ek[0] and len(klast) >= 4 and _ratio(klast, ek[-1]) >= 80:
                rank = 3
        if rank == 5:
            surname_matches.append(ent)
        if rank > best_rank:
            best, best_rank = ent, rank
            if rank == 6:
                break  # nothing ranks higher; the most recent exact match wins
    if best_rank == 5 and len(surname_matches) > 1:
        # brothers, namesakes: a bare surname is the player the story is about -- the most
        # mentioned so far, then one just named in the same sentence, then the one named first
        def weight(e: Entity) -> tuple[int, bool, int]:
            return (
                len(e.mentions),
                any(m.sent == sent for m in e.mentions),
                -min((m.sent for m in e.mentions), default=0),
            )

        best = max(surname_matches, key=weight)  # max keeps the first (most recent) of ties
    if best is None:
        return None, False
    return best, best_rank == 4 or (best_rank == 3 and len(keys) > len(best.keys))


def group_entities(
    mentions: list[NameMention], people: PeopleIndex, year: int | None = None
) -> list[Entity]:
    """Group name mentions into people. ``year``: the article's year, when known; a former
    player in the reference data (``player_until``) is not presumed staff in his playing days."""
    entities: list[Entity] = []

    def weak(m: NameMention) -> bool:
        return m.headline or m.titlecase or (m.initial and len(m.keys) == 1 and not m.possessive)

    # body mentions first, so that headline and sentence-initial words only join names the
    # article uses elsewhere ("Given", "Within" are not people)
    ordered = [m for m in mentions if not weak(m)] + [m for m in mentions if weak(m)]
    for mention in ordered:
        ent, upgrade = _match_entity(mention.keys, entities, mention.sent)
        if ent is None:
            # "Neymar's release clause ...": a possessive opening word is a name
            if mention.titlecase or (
                mention.initial and len(mention.keys) == 1 and not mention.possessive
            ):
                continue
            if mention.headline and len(mention.keys) < 2:
                continue
            if mention.headline and len(mention.keys) > 3:
                continue
            ent = Entity(len(entities), mention.keys, mention.text)
            entities.append(ent)
        elif upgrade:
            ent.keys = mention.keys
            ent.canonical = mention.text
        mention.entity = ent.index
        ent.mentions.append(mention)
    for ent in entities:
        ent.mentions.sort(key=lambda m: m.start)
        # the canonical name is the fullest form the article gives
        longest = max(ent.mentions, key=lambda m: (len(m.keys), -m.start))
        if len(longest.keys) >= len(ent.keys):
            ent.keys, ent.canonical = longest.keys, _clean_name(longest.text)
        ref = people.lookup(ent.keys)
        if ref is None and len(ent.keys) == 1:
            cands = people.surname.get(ent.keys[0], [])
            if len(cands) == 1:
                ref = cands[0]
        if ref is not None:
            ent.ref = ref
            playing_days = (
                ref.player_until is not None and year is not None and year <= ref.player_until
            )
            ent.role = ref.role if ref.role != "player" and not playing_days else None
            ent.role_strength = 5 if ent.role else 0
        journalist = people.journalist(ent.keys)
        if journalist and ent.role is None:
            ent.role, ent.role_strength = "journalist", 5
    return entities


def _clean_name(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- roles from context


def _role_before(doc: Doc, mention: NameMention) -> tuple[str | None, int]:
    tokens = doc.tokens
    sent = doc.sentences[mention.sent]
    i = mention.tok_start - 1
    if i < sent.tok_start:
        return None, 0
    prev = tokens[i]
    if prev.key == "sir":
        return "owner", 2
    if prev.key in ("dr", "sheikh", "prince", "lord"):
        return "owner", 3  # "Dr Sulaiman Al-Fahim", "Sheikh Mansour"
    window_start = max(sent.start, mention.start - 40)
    # (the pattern ends in "from" or "by" and spaces: tested first, without the regex)
    if doc.lower[window_start : mention.start].rstrip().endswith(("from", "by")) and (
        _OWNER_BEFORE.search(doc.lower, window_start, mention.start)
    ):
        return "owner", 3  # "completed their takeover of Manchester City from Thaksin Shinawatra"
    if prev.key in STAFF_VERBS:
        return "manager", 3  # "have appointed/sacked X": staff, not players
    if prev.key == "," and i - 1 >= sent.tok_start:
        # apposition: "Kvaratskhelia's agent, Mamuka Jugeli, ..."
        before = tokens[i - 1]
        two_back = f"{tokens[i - 2].key} {before.key}" if i - 2 >= sent.tok_start else ""
        if two_back in ROLE_NOUNS:
            return ROLE_NOUNS[two_back], 3
        if before.key in ROLE_NOUNS and before.key not in ("general", "sir", "recruitment"):
            return ROLE_NOUNS[before.key], 3
        return None, 0
    if prev.cap and prev.index == sent.tok_start and prev.key not in ROLE_NOUNS:
        return None, 0
    two = f"{tokens[i - 1].key} {prev.key}" if i - 1 >= sent.tok_start else ""
    if two in ROLE_NOUNS:
        return ROLE_NOUNS[two], 4
    if prev.key in ROLE_NOUNS and prev.key not in ("general", "sir", "recruitment"):
        return ROLE_NOUNS[prev.key], 4
    if prev.key == "general" and two.startswith("director"):
        return "director", 4
    return None, 0


# After "X," these open a new clause, so a role noun that follows is not X's title
_CLAUSE_OPENERS: Final = frozenset(
    ("though", "although", "but", "while", "whilst", "whereas", "and", "as", "with", "yet", "so")
)


def _title_of_next_name(tokens: list[Token], k: int, end: int) -> bool:
    """A role noun followed by a capitalised word ("head coach Xavier ...") titles that name."""
    return k < end and tokens[k].cap and tokens[k].key not in ROLE_NOUNS


_WANTS_SIGNING_WORDS: Final = ("wants", "asked", "requested", "targeting", "identified")
_PUNDIT_WORDS: Final = ("speaking", "writing", "talking")


def _role_after(doc: Doc, mention: NameMention) -> tuple[str | None, int]:
    tokens = doc.tokens
    sent = doc.sentences[mention.sent]
    j = mention.tok_end
    if j >= sent.tok_end:
        return None, 0
    staff = STAFF_AFTER.match(doc.lower[mention.end : min(sent.end, mention.end + 60)])
    if staff:
        return ("director" if "director" in staff.group(0) else "manager"), 3
    window = doc.text[mention.end : min(sent.end, mention.end + 60)]
    # (each regex behind a test for a word it needs: most windows have none)
    if holds_any(window, _WANTS_SIGNING_WORDS) and _WANTS_SIGNING.match(window):
        return "manager", 2  # "Stramaccioni wants Palacio", "Rui Vitoria wants a winger"
    if "takeover" in window and _OWNER_AFTER.match(window):
        return "owner", 3  # "X, who is fronting the takeover"
    # (re.I: the word test only for ASCII, where no other letter folds to these)
    if (not window.isascii() or holds_any(window.lower(), _PUNDIT_WORDS)) and _PUNDIT_AFTER.match(
        window
    ):
        return "pundit", 3  # "Alan Shearer, speaking on The Rest Is Football podcast"
    if tokens[j].key in ("'s", "'") and j + 1 < sent.tok_end and tokens[j + 1].key in _SIDE_WORDS:
        if tokens[j + 1].key == "players" or tokens[j + 1].key == "club":
            return None, 0
        return "manager", 3
    if tokens[j].key == ",":
        # ", the Liverpool manager," / ", Chelsea's sporting director,"
        k = j + 1
        limit = min(sent.tok_end, j + 7)
        if k < limit and tokens[k].key in _CLAUSE_OPENERS:
            return None, 0  # ", though Sevilla head coach X ...": a new clause, not apposition
        while k < limit and tokens[k].key not in (",", ".", "(", ")"):
            key = tokens[k].key
            nxt = tokens[k + 1].key if k + 1 < sent.tok_end else ""
            if key == "free" and nxt in ("agent", "transfer"):
                return None, 0  # ", a free agent after leaving Newcastle,": a player
            if f"{key} {nxt}" in ROLE_NOUNS:
                if _title_of_next_name(tokens, k + 2, sent.tok_end):
                    return None, 0
                return ROLE_NOUNS[f"{key} {nxt}"], 3
            if key in ROLE_NOUNS and key not in (
                "general",
                "sir",
                "chief",
                "expert",
                "insider",
                "recruitment",
            ):
                if _title_of_next_name(tokens, k + 1, sent.tok_end):
                    return None, 0
                return ROLE_NOUNS[key], 3
            if key in PLAYER_NOUNS:
                return None, 0
            k += 1
    after = doc.text[mention.end : min(sent.end, mention.end + 40)]
    if _CREDIT_ROLE_VERBS.match(after):
        return "journalist", 1
    return None, 0


_SIGN_WORDS: Final = frozenset(
    ("sign", "signing", "signed", "want", "wants", "wanted", "target", "targeting")
)
_PURSUIT_WORDS: Final = frozenset(
    ("bid", "offer", "move", "deal", "swoop", "approach", "fee", "bids", "offers", "race", "battle")
)


_WHO_AFTER: Final = re.compile(
    r"\s+who\s+(?:has\s+|had\s+)?(?:joined|arrived|signed|moved|scored|plays|played|started"
    r"|made|came|spent|is\s+(?:out\s+of\s+contract|valued|wanted|a\s+target))\b"
)


def _player_cue(doc: Doc, mention: NameMention) -> int:
    tokens = doc.tokens
    sent = doc.sentences[mention.sent]
    score = 0
    i = mention.tok_start - 1
    if i >= sent.tok_start:
        prev = tokens[i]
        if prev.key in POSITION_NOUNS or prev.key in PLAYER_NOUNS or _is_age(prev.key):
            score += 2
        if prev.key == "'s" and i - 1 >= sent.tok_start:
            score += 1
        # "an offer for Raphinha", "want to sign Pedri": the object of a transfer
        if prev.key in _SIGN_WORDS or (
            prev.key == "for"
            and any(t.key in _PURSUIT_WORDS for t in tokens[max(sent.tok_start, i - 5) : i])
        ):
            score += 1
    j = mention.tok_end
    if (
        j + 2 < sent.tok_end
        and tokens[j].key == ","
        and tokens[j + 1].key.isdigit()
        and (tokens[j + 2].key == ",")
    ):
        score += 2  # "Kane, 29,"
    elif j < sent.tok_end and tokens[j].key == "," and _WHO_AFTER.match(
        doc.text, tokens[j].end, min(len(doc.text), tokens[j].end + 40)
    ):
        score += 1  # "Jovic, who arrived from Frankfurt": a person the story goes on about
    return score


_PLAYING_POSITIONS: Final = frozenset(
    (
        *("midfielder", "defender", "centre-back", "center-back", "centre-half", "center-half"),
        *("full-back", "fullback", "left-back", "right-back", "wing-back", "winger", "forward"),
        *("striker", "attacker", "goalkeeper", "keeper", "playmaker", "frontman"),
    )
)


def _position_before(doc: Doc, mention: NameMention) -> bool:
    """ "Everton midfielder X": a playing position as his title."""
    k = mention.tok_start - 1
    return k >= doc.sentences[mention.sent].tok_start and doc.tokens[k].key in _PLAYING_POSITIONS


def _former_before(doc: Doc, mention: NameMention) -> bool:
    """ "former Everton midfielder X", "ex-Arsenal captain X": a past playing career."""
    tokens = doc.tokens
    sent = doc.sentences[mention.sent]
    for k in range(max(sent.tok_start, mention.tok_start - 4), mention.tok_start):
        key = tokens[k].key
        if key in FORMER_WORDS or key.startswith("ex-"):
            return True
    return False


def assign_roles(doc: Doc, entities: list[Entity]) -> None:
    for ent in entities:
        stated_role = False  # the article itself gives him a staff title
        for mention in ent.mentions:
            role, strength = _role_before(doc, mention)
            if role is None:
                role, strength = _role_after(doc, mention)
            stated_role = stated_role or role is not None
            if role == "journalist" and strength <= 1:
                ent.journalist_evidence += 1
                role = None
            elif role is None and credited(doc, mention.tok_start, mention.tok_end):
                before = doc.text[max(0, mention.start - 25) : mention.start].lower()
                if _CREDIT_JOURNALIST.search(before):
                    ent.journalist_evidence += 2
            if role is not None and strength > ent.role_strength:
                ent.role, ent.role_strength = role, strength
            ent.player_evidence += _player_cue(doc, mention)
        if (
            ent.ref is not None
            and ent.role == ent.ref.role
            and not stated_role
            and any(_position_before(doc, m) for m in ent.mentions)
            and not any(_former_before(doc, m) for m in ent.mentions)
        ):
            # "Everton midfielder Mikel Arteta": the article calls him a player and never staff;
            # the reference data (today's jobs) does not outweigh that
            ent.role, ent.role_strength = None, 0
        if ent.role is None and ent.journalist_evidence >= 2 and ent.player_evidence == 0:
            ent.role, ent.role_strength = "journalist", 1


# ---------------------------------------------------------------- descriptions


@dataclass(init=False)
class Descriptor:
    tok_start: int
    tok_end: int
    sent: int
    head: str
    club_tokens: tuple[int, int] | None  # "the Atalanta star": the club part
    role: str | None  # "the Dutch coach" -> manager-like description
    entity: int

    def __init__(
        self,
        tok_start: int,
        tok_end: int,
        sent: int,
        head: str,
        club_tokens: tuple[int, int] | None,
        role: str | None,
        entity: int = -1,
    ) -> None:
        self.tok_start = tok_start
        self.tok_end = tok_end
        self.sent = sent
        self.head = head
        self.club_tokens = club_tokens
        self.role = role
        self.entity = entity


def find_descriptors(doc: Doc, club_starts: dict[int, int], blocked: set[int]) -> list[Descriptor]:
    """ "the Dutch star", "the 27-year-old", "the Atalanta star", "the player": anaphors."""
    tokens = doc.tokens
    n = len(tokens)
    found: list[Descriptor] = []
    for i in doc.by_key.get("the", ()):
        tok = tokens[i]
        if i in blocked:
            continue
        j = i + 1
        club_span: tuple[int, int] | None = None
        limit = min(n, i + 6)
        while j < limit and tokens[j].sent == tok.sent:
            key = tokens[j].key
            if j in club_starts and club_span is None:
                club_span = (j, club_starts[j])
                j = club_starts[j]
                continue
            if key in PLAYER_NOUNS or key in ROLE_NOUNS or _is_age(key):
                # keep going if a head noun follows ("the Dutch international star")
                if (
                    j + 1 < n
                    and tokens[j + 1].sent == tok.sent
                    and (tokens[j + 1].key in PLAYER_NOUNS or tokens[j + 1].key in ROLE_NOUNS)
                    and tokens[j + 1].key not in ("man",)
                ):
                    j += 1
                    continue
                break
            if key in NATIONALITY_COUNTRY or (key.isalpha() and not tokens[j].cap and len(key) > 2):
                j += 1
                continue
            if tokens[j].cap and (
                key
                in (
                    "premier",
                    "league",
                    "serie",
                    "europa",
                    "champions",
                    "world",
                    "cup",
                    "ballon",
                    "d'or",
                    "golden",
                    "boy",
                )
                or key in COUNTRIES
            ):
                j += 1
                continue
            break
        if j >= limit or tokens[j].sent != tok.sent:
            continue
        head = tokens[j].key
        role: str | None = None
        if head in ROLE_NOUNS and head not in PLAYER_NOUNS:
            role = ROLE_NOUNS[head]
        elif not (head in PLAYER_NOUNS or _is_age(head)):
            continue
        if head in ("target", "signing", "man") and club_span is None and j == i + 1:
            continue  # "the target", "the man" alone are too vague
        nxt = tokens[j + 1] if j + 1 < n and tokens[j + 1].sent == tok.sent else None
        if nxt is not None and nxt.cap and nxt.key not in ("'s",) and nxt.key[:1].isalpha():
            continue  # apposition: "the Dutch star Teun Koopmeiners"
        if (
            nxt is not None
            and nxt.key in ("of", "for", "who", "that")
            and head in ("target", "signing", "player", "talent")
            and nxt.key != "who"
        ):
            continue  # "the player of the season", "the signing of"
        found.append(Descriptor(i, j + 1, tok.sent, head, club_span, role))
    return found


_DEMONYMS = {
    "frenchman": "france",
    "englishman": "england",
    "dutchman": "netherlands",
    "spaniard": "spain",
    "welshman": "wales",
    "scotsman": "scotland",
    "irishman": "ireland",
    "dane": "denmark",
    "swede": "sweden",
    "pole": "poland",
    "turk": "turkey",
}
_POSITION_CLASS = {
    **dict.fromkeys(("goalkeeper", "keeper", "'keeper", "shot-stopper", "stopper"), "gk"),
    **dict.fromkeys(
        (
            "defender",
            "centre-back",
            "center-back",
            "centreback",
            "centre-half",
            "center-half",
            "full-back",
            "fullback",
            "left-back",
            "right-back",
            "wing-back",
        ),
        "def",
    ),
    **dict.fromkeys(("midfielder", "playmaker", "schemer", "anchorman"), "mid"),
    **dict.fromkeys(
        ("winger", "forward", "striker", "attacker", "frontman", "marksman", "hitman"), "att"
    ),
}


def _attributes(tokens: list[Token], start: int, end: int) -> dict[str, str]:
    """Nationality, position class and age stated by tokens[start:end]."""
    out: dict[str, str] = {}
    for tok in tokens[start:end]:
        key = tok.key
        if key in NATIONALITY_COUNTRY:
            out["nation"] = NATIONALITY_COUNTRY[key]
        elif key in _DEMONYMS:
            out["nation"] = _DEMONYMS[key]
        elif tok.cap and key in COUNTRIES:
            out["nation"] = key
        elif key in _POSITION_CLASS:
            out["position"] = _POSITION_CLASS[key]
        elif _is_age(key):
            out["age"] = key.split("-", 1)[0]
    return out


def _entity_attributes(doc: Doc, ent: Entity) -> dict[str, str]:
    """What the article says about a player next to his name: "Brazilian winger X",
    "England right-back X", "X, 24,", "X, the 24-year-old Brazilian forward,"."""
    tokens = doc.tokens
    out: dict[str, str] = {}
    for mention in ent.mentions:
        sent = doc.sentences[mention.sent]
        k = mention.tok_start
        while k > sent.tok_start and k > mention.tok_start - 4:
            key = tokens[k - 1].key
            if not (
                key in NATIONALITY_COUNTRY
                or key in _POSITION_CLASS
                or key in _DEMONYMS
                or key in PLAYER_NOUNS
                or _is_age(key)
                or (tokens[k - 1].cap and key in COUNTRIES)
            ):
                break
            k -= 1
        out.update(_attributes(tokens, k, mention.tok_start))
        j = mention.tok_end
        if j + 1 < sent.tok_end and tokens[j].key == ",":
            if tokens[j + 1].key.isdigit() and len(tokens[j + 1].key) <= 2:
                out["age"] = tokens[j + 1].key
            elif tokens[j + 1].key == "the":
                stop = j + 2
                while stop < min(sent.tok_end, j + 7) and tokens[stop].key not in (",", "."):
                    stop += 1
                out.update(_attributes(tokens, j + 2, stop))
    return out


def _clash(a: dict[str, str], b: dict[str, str]) -> bool:
    return any(key in b and b[key] != value for key, value in a.items())


def _agrees(a: dict[str, str], b: dict[str, str]) -> bool:
    """Same nationality or age (a position is shared by too many to single a player out)."""
    return any(b.get(key) == value for key, value in a.items() if key != "position")


_ENUMERATOR: Final = frozenset({".", ")", "#", "-", "*", ":", "(", "•"})


def section_players(doc: Doc, entities: list[Entity]) -> dict[int, Entity]:
    """Sentence index -> the player a section heading names ("3. Alisson Becker" alone on its
    line), for the sentences under it up to the next heading: a listicle's paragraph is about
    its heading's player even when it names another in passing."""
    named: dict[tuple[int, int], Entity] = {}
    for ent in entities:
        if ent.is_player:
            for mention in ent.mentions:
                named[(mention.tok_start, mention.tok_end)] = ent
    tokens = doc.tokens
    out: dict[int, Entity] = {}
    current: Entity | None = None
    headings = 0
    for sent in doc.sentences:
        if sent.headline:
            k = sent.tok_start
            while k < sent.tok_end and (tokens[k].key.isdigit() or tokens[k].key in _ENUMERATOR):
                k += 1
            end = sent.tok_end
            if end - k > 2 and tokens[end - 1].key == ")":
                # "2. Andy Carroll (West Ham)": the club in brackets is his, not the heading
                opening = next((j for j in range(end - 2, k, -1) if tokens[j].key == "("), None)
                if opening is not None:
                    end = opening
            while end > k and tokens[end - 1].key in _ENUMERATOR:
                end -= 1
            current = named.get((k, end))
            headings += current is not None
            continue
        if current is not None:
            out[sent.index] = current
    # one heading that is a name is a title or a caption; a list has several
    return out if headings >= 2 else {}


def resolve_descriptors(
    doc: Doc,
    descriptors: list[Descriptor],
    entities: list[Entity],
    window: int = 4,
    in_passing: Callable[[int], bool] | None = None,
) -> None:
    """Each player description refers to the most recently mentioned player, within a few
    sentences, unless what it says (nationality, position, age) contradicts what the article
    says about him, or another player named in the window fits it; a player mentioned only in
    passing (``in_passing(sentence)``: no transfer talk) yields to the story's player. A manager
    description ("the Dutch coach") goes to the most recent non-player."""
    heads = section_players(doc, entities)
    timeline: list[tuple[int, int, Entity]] = []  # (tok_index, sent, entity)
    for ent in entities:
        for mention in ent.mentions:
            timeline.append((mention.tok_start, mention.sent, ent))
    timeline.sort(key=lambda item: item[0])
    items = sorted(descriptors, key=lambda d: d.tok_start)
    attrs: dict[int, dict[str, str]] = {}
    pointer = 0
    recent: list[tuple[int, int, Entity]] = []
    for desc in items:
        while pointer < len(timeline) and timeline[pointer][0] < desc.tok_start:
            recent.append(timeline[pointer])
            pointer += 1
        want_player = desc.role is None
        said = _attributes(doc.tokens, desc.tok_start, desc.tok_end) if want_player else {}
        candidates: list[tuple[int, Entity]] = []  # (sentence, entity), most recent first
        seen: set[int] = set()
        for _tok, sent, ent in reversed(recent):
            if desc.sent - sent > window:
                break
            if ent.is_player != want_player or ent.index in seen:
                continue
            if want_player and len(ent.keys) < 2 and ent.player_evidence == 0:
                continue
            seen.add(ent.index)
            candidates.append((sent, ent))
            if not want_player:
                break
        chosen: Entity | None = None
        head = heads.get(desc.sent) if want_player else None
        if head is not None and head.index not in seen:
            candidates.append((desc.sent, head))
        if head is not None and len(candidates) > 1:
            # the section's player first, if what the description says fits him
            candidates.sort(key=lambda c: c[1] is not head)
        if want_player and len(candidates) > 1:
            for _sent, ent in candidates:
                if ent.index not in attrs:
                    attrs[ent.index] = _entity_attributes(doc, ent)
            fitting = [(s, e) for s, e in candidates if not _clash(said, attrs[e.index])]
            agreeing = [(s, e) for s, e in fitting if _agrees(said, attrs[e.index])]
            if agreeing:
                chosen = agreeing[0][1]
            elif fitting:
                chosen = fitting[0][1]
                if in_passing is not None and fitting[0][0] != desc.sent:
                    own = [m.sent for m in chosen.mentions if m.sent <= desc.sent]
                    if own and all(in_passing(s) for s in own):
                        story = [
                            e
                            for _s, e in fitting[1:]
                            if not all(
                                in_passing(m.sent) for m in e.mentions if m.sent <= desc.sent
                            )
                        ]
                        if story:
                            chosen = story[0]
        elif candidates:
            chosen = candidates[0][1]
        if chosen is None:
            continue
        desc.entity = chosen.index
        if said and chosen.index in attrs:
            attrs[chosen.index].update(said)
        # resolved descriptions extend the timeline: "the Dutch star" keeps him salient
        recent.append((desc.tok_start, desc.sent, chosen))

"""Links: which player each club is reported to want, with the strongest status the article
states for the pair, the evidence sentence and a confidence.

Per sentence: the players it is about (named, described, or the paragraph's topic), the clubs in
it and what each club is doing (current club, former club, opponent, suitor), the status cues,
and clause boundaries so that clubs pair with the players of their own clause first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.domain import Status
from bot.extraction.clubs import ClubMention
from bot.extraction.people import Entity
from bot.extraction.status import Cue, effective, find_cues, rank, strongest
from bot.extraction.textutil import Caseless, Doc, Sentence
from bot.reference import ClubRef

_CLAUSE_BREAK: Final = re.compile(
    r";|,\s*(?:while|whilst|whereas|but|although|though|however|which|and\s+that|amid|amidst"
    r"|with|as)\b|\s(?:while|whilst|whereas|but|although|though|however|and\s+that)\s"
    r"|\s[-]\s|\.\.\."
    # ", and Jack Grealish is wanted by Napoli": a new subject starts a clause of its own
    r"|,\s*and\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3}\s+(?:is|are|was|were|has"
    r"|have|had|will|would|could|can|may|might)\b)",
    re.I,
)
_FINE_BREAK: Final = re.compile(
    r",|;|\s[-]\s|\s(?:while|whilst|whereas|but|although|and\s+that)\s", re.I
)
# "Galatasaray open Ziyech talks as Fener miss out on Amrabat": two stories in one headline
_HEADLINE_BREAK: Final = re.compile(
    r",|;|:|\s[-|]\s|\s(?:as|while|whilst|but|and)\s(?=[A-Z])", re.I
)
_WITH_CLAUSE: Final = re.compile(r",?\s*with\s", re.I)
_SELLER_STANCE: Final = re.compile(
    r"for\s+sale|untouchable|on\s+the\s+market|going\s+nowhere", re.I
)
_REPLACE: Final = re.compile(
    r"\b(?:replac(?:e|es|ed|ing|ement|ements)|successor|in\s+place\s+of"
    r"|stand-in|alternative\s+to|instead\s+of)\b",
    re.I,
)
_REPLACE_FAST: Final = Caseless(_REPLACE)
_SWAP: Final = re.compile(r"\b(?:swap|part-exchange|in\s+exchange\s+for|in\s+return\s+for)\b", re.I)
_SWAP_FAST: Final = Caseless(_SWAP)
_HEADLINE_TO: Final = re.compile(
    r"^\s*(?:to|for|in\s+talks\s+with|joins?|close\s+to|nears?)\s+$", re.I
)
_YEAR: Final = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# the matches of _YEAR, found faster: a leading character class lets the regex engine skip
# ahead to a 1 or a 2 (a leading \b makes it try every position)
_YEAR_SCAN: Final = re.compile(r"[12](?<=\b[12])(?:(?<=1)9[5-9]\d|(?<=2)0[0-4]\d)\b")
_PAST_WINDOW: Final = re.compile(
    r"\b(?:last\s+(?:summer|season|year|january|window)|previously|back\s+in|years?\s+ago"
    r"|at\s+the\s+time|earlier\s+in\s+(?:his|her|their)\s+career|in\s+(?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b)",
    re.I,
)
_PAST_WINDOW_FAST: Final = Caseless(_PAST_WINDOW)
_MOVE_CUE: Final = re.compile(
    r"\b(?:move|moving|switch|transfer|deal|join|joining|sign|signing|swoop|loan|return|bid|offer"
    r"|talks|target|linked|interest|want|keen|chase|race|pursuit|way\s+to|bound|heading|eye)",
    re.I,
)
_PRONOUN: Final = re.compile(
    r"\b(?:him|his|he|the\s+player|the\s+deal|the\s+move|the\s+transfer"
    r"|a\s+deal|his\s+signature|his\s+services)\b",
    re.I,
)


@dataclass(init=False)
class PlayerRef:
    entity: Entity
    tok_start: int
    tok_end: int
    start: int
    end: int
    explicit: bool  # named (vs described or inferred from the topic)
    topic: bool
    speaker: bool  # "X told Sky Sports": quoted, not the subject of a move

    def __init__(
        self,
        entity: Entity,
        tok_start: int,
        tok_end: int,
        start: int,
        end: int,
        explicit: bool,
        topic: bool = False,
        speaker: bool = False,
    ) -> None:
        self.entity = entity
        self.tok_start = tok_start
        self.tok_end = tok_end
        self.start = start
        self.end = end
        self.explicit = explicit
        self.topic = topic
        self.speaker = speaker


@dataclass(init=False)
class SentenceView:
    sent: Sentence
    players: list[PlayerRef]
    clubs: list[tuple[ClubMention, str | None]]  # (mention, role)
    replaced: set[int]  # entities being replaced, not signed
    cues: list[Cue]

    def __init__(
        self,
        sent: Sentence,
        players: list[PlayerRef] | None = None,
        clubs: list[tuple[ClubMention, str | None]] | None = None,
        replaced: set[int] | None = None,
        cues: list[Cue] | None = None,
    ) -> None:
        self.sent = sent
        self.players = [] if players is None else players
        self.clubs = [] if clubs is None else clubs
        self.replaced = set() if replaced is None else replaced
        self.cues = [] if cues is None else cues


@dataclass(init=False)
class LinkEvidence:
    player: Entity
    club: ClubRef
    status: Status | None
    denial: bool
    confidence: float
    sentence: Sentence
    via_description: bool

    def __init__(
        self,
        player: Entity,
        club: ClubRef,
        status: Status | None,
        denial: bool,
        confidence: float,
        sentence: Sentence,
        via_description: bool,
    ) -> None:
        self.player = player
        self.club = club
        self.status = status
        self.denial = denial
        self.confidence = confidence
        self.sentence = sentence
        self.via_description = via_description


_INTRO: Final = re.compile(
    r"^(?:with|as|while|whilst|although|though|despite|after|before|if|when"
    r"|since|because|given|having|following|amid|amidst)\b[^,]{3,200},",
    re.I,
)
_INDEFINITE: Final = re.compile(
    r"\b(?:a|an|another|one\s+of\s+(?:their|his|the))\s+(?:[\w'-]+\s+){0,3}?(?:player|star|midfielder"
    r"|defender|forward|striker|winger|goalkeeper|keeper|centre-back|full-back|talent|youngster"
    r"|signing|target|replacement|attacker|players|stars|targets)\b",
    re.I,
)
_INDEFINITE_FAST: Final = Caseless(_INDEFINITE)
SUBJECT_NEXT: Final = re.compile(
    r"^(?:'s?\s+)?\s*(?:\(\S+\)\s+)?(?:are|is|were|was|have|has|had|will|would|could|can|may|might|must"
    r"|should|did|do|does|also|too|remain|remains|want|wants|wanted|made|make|makes|submitted"
    r"|lodged|tabled|launched|opened|hold|holds|agreed|agree|reached|struck|lead|leads|led"
    r"|are|continue|continues|plan|plans|hope|hopes|see|sees|saw|need|needs|look|looks|considered"
    r"|consider|prepared|offered|bid|tracked|track|monitored|remain|enquired|asked|approached"
    r"|sent|reportedly|now|still|already|recently|then|officially|just|reopened|rejected)\b",
    re.I,
)
SUBJECT_NEXT_FAST: Final = Caseless(SUBJECT_NEXT)
_CONTACT_RANK: Final = rank(Status.CONTACT)


@lru_cache(maxsize=4096)
def clause_spans(
    text: str, pattern: re.Pattern[str] = _CLAUSE_BREAK
) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    intro = _INTRO.match(text) if pattern is _CLAUSE_BREAK else None
    if intro:
        spans.append((0, intro.end() - 1))
        start = intro.end()
    for match in pattern.finditer(text):
        if match.start() < start:
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.start() if match.group(0).strip(",; -.") else match.end()
        if start == match.start():
            start = match.start() + 1
    spans.append((start, len(text)))
    return tuple(spans)


_GROUP_GAP: Final = re.compile(
    r"(?:'s?)?\s*(?:,|and|or|&|as\s+well\s+as|plus)?\s*(?:,\s*)?(?:and\s+)?"
)
_BRACKET_ONLY_GAP: Final = re.compile(r"\s*\(?\[?\s*|\s*\]\s*")


def _groups(doc: Doc, refs: list[PlayerRef]) -> list[list[PlayerRef]]:
    """Players joined by "and", "or", commas ("Emre Can and Donny van de Beek") form a group."""
    groups: list[list[PlayerRef]] = []
    for ref in sorted(refs, key=lambda r: r.start):
        if groups:
            last = groups[-1][-1]
            gap = doc.text[last.end : ref.start]
            if (
                ref.entity is last.entity
                or _GROUP_GAP.fullmatch(gap)
                or _BRACKET_ONLY_GAP.fullmatch(gap)
            ):
                groups[-1].append(ref)
                continue
        groups.append([ref])
    return groups


def _pick_group(
    doc: Doc,
    groups: list[list[PlayerRef]],
    mention: ClubMention,
    subject: bool,
    subject_starts: list[int],
) -> list[PlayerRef]:
    before = [g for g in groups if g[-1].end <= mention.start]
    after = [g for g in groups if g[0].start >= mention.end]
    if subject and after:
        # "Chelsea have prioritised X and remain interested in Y": every player up to the
        # next club that is itself a subject
        stop = min((s for s in subject_starts if s > mention.start), default=None)
        chosen = [r for g in after if stop is None or g[0].start < stop for r in g]
        return chosen or after[0]
    if before and (not after or not subject):
        nearest_before = before[-1]
        if not after:
            return nearest_before
        gap_before = mention.start - nearest_before[-1].end
        gap_after = after[0][0].start - mention.end
        return nearest_before if gap_before <= gap_after else after[0]
    if after:
        return after[0]
    return [r for g in groups for r in g]


def _clause_of(spans: tuple[tuple[int, int], ...], offset: int) -> int:
    for index, (s, e) in enumerate(spans):
        if s <= offset < e:
            return index
    return len(spans) - 1


def reference_year(doc: Doc, published_year: int | None) -> int | None:
    if published_year:
        return published_year
    text = doc.text[:20000]
    years = [int(match.group()) for match in _YEAR_SCAN.finditer(text)]
    return max(years) if years else None


@lru_cache(maxsize=4096)
def is_history(sentence_text: str, ref_year: int | None) -> bool:
    if _PAST_WINDOW_FAST.search(sentence_text):
        return True
    if ref_year is None:
        return False
    return any(
        int(y) < ref_year
        for y in _YEAR.findall(sentence_text)
        if not re.search(rf"{y}/\d\d|until\s+{y}|till\s+{y}|in\s+{y}/", sentence_text)
    )


_PURSUIT_STATUSES: Final = frozenset(
    {Status.INTEREST, Status.MONITORING, Status.CONTACT, Status.TALKS, Status.BID}
)


def _pursuit_between(cues: list[Cue], start: int, end: int) -> bool:
    """A cue of an ongoing pursuit (not a completed or failed move) between the offsets."""
    return any(
        start <= c.start < end and c.status in _PURSUIT_STATUSES and not c.negated for c in cues
    )


_RELATIVE_AFTER: Final = re.compile(r",\s+(?:who|which)\s+[^,()]*(?:\([^()]*\)[^,()]*)?,\s*")
_THEY_CONTINUES: Final = re.compile(
    r"^[\s,]*(?:(?:as|and|after|when|before|so|because|since|but)\s+)?(?:they|it)\s", re.I
)


def _pronoun_continuation(
    text: str, fine: tuple[tuple[int, int], ...], index: int, club_offsets: list[int]
) -> int:
    """End of a club's fine clause, extended over the clauses that go on about it by pronoun
    ("The Blues made their interest clear, as they submitted a failed bid") up to the next
    clause that names a club."""
    end = fine[index][1]
    for start, stop in fine[index + 1 :]:
        if not _THEY_CONTINUES.match(text[start:stop]) or any(
            start <= offset < stop for offset in club_offsets
        ):
            break
        end = stop
    return end


_FROM_TO_GAP: Final = re.compile(
    r"(?:'s)?\s+(?:on\s+(?:a\s+)?(?:season-long\s+)?loan\s+)?from\s+[^,;]{1,40}?\s+to\s+"
    r"(?:the\s+)?(?:(?:[^\s,;]+\s+){0,2}[^\s,;]+'s?\s+)?"
)


def _mover_before(doc: Doc, refs: list[PlayerRef], mention: ClubMention) -> PlayerRef | None:
    before = [r for r in refs if r.explicit and r.end <= mention.start]
    if not before:
        return None
    ref = before[-1]
    return ref if _FROM_TO_GAP.fullmatch(doc.text, ref.end, mention.start) else None


def pair_links(doc: Doc, view: SentenceView, ref_year: int | None) -> list[LinkEvidence]:
    """Links stated by one sentence."""
    sent = view.sent
    text = sent.text
    if not view.players or not view.clubs:
        return []
    clauses = clause_spans(text, _HEADLINE_BREAK) if sent.headline else clause_spans(text)
    fine = clause_spans(text, _HEADLINE_BREAK if sent.headline else _FINE_BREAK)
    usable = [p for p in view.players if p.entity.is_player and p.entity.index not in view.replaced]
    if any(not p.speaker for p in usable):
        usable = [p for p in usable if not p.speaker]
    if not usable:
        return []
    players_by_clause: dict[int, list[PlayerRef]] = {}
    for ref in usable:
        players_by_clause.setdefault(_clause_of(clauses, ref.start - sent.start), []).append(ref)
    sentence_groups = _groups(doc, [p for p in usable if not p.topic] or usable)
    positive_cues = [
        c
        for c in view.cues
        if effective(c) is not None or c.status in (Status.DENIED, Status.COLLAPSED)
    ]
    history = is_history(text, ref_year)
    destinations = {m.club.name for m, r in view.clubs if r == "to"}
    deal_between_clubs = bool(destinations) and any(
        c.status in (Status.AGREED, Status.DONE) for c in view.cues
    )
    subject_starts = [
        m.start
        for m, r in view.clubs
        if r not in ("to",) and SUBJECT_NEXT_FAST.match(doc.text[m.end : m.end + 40])
    ]
    club_offsets = [m.start - sent.start for m, _r in view.clubs]
    out: list[LinkEvidence] = []
    for mention, role in view.clubs:
        if role == "history":
            if history:
                continue
            role = "to"
        swap = None
        if role == "seller":
            # "Juventus are ready to offer Douglas Luiz to Villa in a swap deal for Tielemans"
            swap = _SWAP_FAST.search(text)
            if swap is None:
                continue
        elif role in ("former", "against", "from", "employer"):
            continue
        relative = _RELATIVE_AFTER.match(text, mention.end - sent.start) if role is None else None
        mover = _mover_before(doc, usable, mention) if role in ("to", None) else None
        if (
            role is None
            and deal_between_clubs
            and mention.club.name not in destinations
            and relative is None
            and mover is None
            and not _WITH_CLAUSE.match(
                text, clauses[_clause_of(clauses, mention.start - sent.start)][0]
            )
        ):
            continue  # "Villa and Milan have agreed a deal sending Reina to Villa Park"
        rel = mention.start - sent.start
        clause = _clause_of(clauses, rel)
        cs, ce = clauses[clause]
        clause_text = text[cs:ce]
        in_clause = players_by_clause.get(clause)
        same_clause = bool(in_clause)
        subject = bool(SUBJECT_NEXT_FAST.match(doc.text[mention.end : mention.end + 40])) and (
            role not in ("to",)
        )
        if swap is not None:
            candidates = [p for p in usable if p.start - sent.start > swap.start()]
            if not candidates:
                continue
        elif mover is not None:
            # "lured Henderson from Liverpool to Al Ettifaq, Mahrez from City to Al Ahli": each
            # player goes to the club right after his own "from ... to"
            candidates = [mover]
        elif in_clause:
            candidates = _pick_group(doc, _groups(doc, in_clause), mention, subject, subject_starts)
        else:
            if _REPLACE_FAST.search(clause_text) or _INDEFINITE_FAST.search(clause_text):
                continue
            candidates = [r for g in sentence_groups for r in g]
            if len({r.entity.index for r in candidates}) != 1:
                # "... could lose Alex Telles, with Napoli and Chelsea attentive": a "with"
                # clause speaks of the player named just before it
                before = [r for r in usable if r.explicit and r.end <= sent.start + cs]
                if not (before and _WITH_CLAUSE.match(text, cs)):
                    continue
                candidates = [before[-1]]
        # cues: those in the club's fine clause, else the nearest one in the sentence
        fine_index = _clause_of(fine, rel)
        fs, fe = fine[fine_index]
        fe = _pronoun_continuation(text, fine, fine_index, club_offsets)
        # "Barcelona, who sold Neymar to PSG, are considering a move for Dembele": the club's
        # predicate comes after its relative clause, whose player is someone else's business
        if relative is not None:
            rs, re_end = relative.start(), relative.end()
            fe = next((b for a, b in fine if a <= re_end < b), len(text))
            inside = [r for r in candidates if rs <= r.start - sent.start < re_end]
            after = [r for r in usable if r.start - sent.start >= re_end]
            if inside and not after and _pursuit_between(positive_cues, rs, re_end):
                # "Milan, who have been tracking Botman for months, remain in pole position":
                # the relative clause is the club's pursuit and the main clause names no one else
                fs, candidates = rs, inside
            else:
                fs = re_end
                candidates = [r for r in candidates if r not in inside] or after
        local = [
            c
            for c in positive_cues
            if fs <= c.start < fe
            # "Celtic insist X is not for sale ... Lyon were preparing a move": the seller's
            # stance, not a denial of the suitor's interest
            and not (c.status is Status.DENIED and _SELLER_STANCE.search(text, c.start, c.end))
        ]
        if not local and positive_cues:
            local = [min(positive_cues, key=lambda c: abs(c.start - rel))]
        headline_link = False
        if sent.headline and not local:
            # "Moussa Marega to Everton"
            if _HEADLINE_TO.search(text[max(0, rel - 25) : rel]):
                headline_link = True
            elif role not in ("to", "target"):
                continue
        elif not local and role not in ("to", "target"):
            continue
        statuses = [s for s in (effective(c) for c in local) if s is not None]
        denial = any(c.status is Status.DENIED for c in local)
        negated = any(c.negated for c in view.cues if fs <= c.start < fe)
        if not statuses and not negated and (role in ("to", "target") or headline_link):
            statuses = [Status.INTEREST]
        if not statuses and not denial:
            continue
        status = strongest(statuses) if statuses else None
        if status is Status.DONE and history:
            continue  # "joined PSG in 2022": background, not news
        for ref in candidates:
            player = ref.entity
            if player.current_club is not None and player.current_club.name == mention.club.name:
                continue
            if _past_year_after(doc, ref, sent, ref_year):
                continue
            confidence = 0.5
            if ref.explicit:
                confidence += 0.2
            elif ref.topic:
                confidence -= 0.15
            if same_clause:
                confidence += 0.1
            if status is not None and rank(status) >= _CONTACT_RANK:
                confidence += 0.1
            if role in ("to", "target"):
                confidence += 0.05
            if mention.kind in ("description", "partial", "nickname", "person", "place", "topic"):
                confidence -= 0.1
            confidence = max(0.05, min(0.97, confidence))
            out.append(
                LinkEvidence(
                    player, mention.club, status, denial, confidence, sent, not ref.explicit
                )
            )
    return out


_IN_YEAR_AFTER: Final = re.compile(r"\s+(?:back\s+)?in\s+((?:19|20)\d\d)\b(?!/)")


def _past_year_after(doc: Doc, ref: PlayerRef, sent: Sentence, ref_year: int | None) -> bool:
    """ "above the €94m Madrid paid United for Cristiano Ronaldo in 2009": a player dated by a
    past year right after his name is the sentence's background, whatever else it reports."""
    if ref_year is None or not ref.explicit:
        return False
    found = _IN_YEAR_AFTER.match(doc.text, ref.end, min(sent.end, ref.end + 16))
    return found is not None and int(found.group(1)) < ref_year


def sentence_cues(sent: Sentence) -> list[Cue]:
    return find_cues(sent.text)


def has_move_cue(text: str) -> bool:
    return bool(_MOVE_CUE.search(text))


def has_pronoun(text: str) -> bool:
    return bool(_PRONOUN.search(text))


_REPLACED_AFTER: Final = Caseless(
    re.compile(
        r"^(?:'s?)?\s+(?:\S+\s+)?(?:replacement|successor|heir|understudy|team-?mates?|brother"
        r"|compatriot|(?:strike\s+)?partner)\b",
        re.I,
    )
)
_REPLACED_BEFORE: Final = Caseless(
    re.compile(
        r"(?:replac(?:e|ing|ement\s+for|ements\s+for)|successor\s+(?:to|for)"
        r"|in\s+place\s+of|cover\s+for|instead\s+of)\s+(?:\S+\s+){0,3}$",
        re.I,
    )
)


def replaced_entities(doc: Doc, sent: Sentence, refs: list[PlayerRef]) -> set[int]:
    """Players named as the ones to be replaced: "to replace Wesley Moraes"."""
    out: set[int] = set()
    for ref in refs:
        after = doc.text[ref.end : ref.end + 25]
        # "Gomes's former team-mate Andre Trindade": the first name only points at the second
        if _REPLACED_AFTER.match(after):
            out.add(ref.entity.index)
        before = doc.text[max(sent.start, ref.start - 30) : ref.start]
        if _REPLACED_BEFORE.search(before):
            out.add(ref.entity.index)
    return out

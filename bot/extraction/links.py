"""Links: which player each club is reported to want, with the strongest status the article
states for the pair, the evidence sentence and a confidence.

Per sentence: the players it is about (named, described, or the paragraph's topic), the clubs in
it and what each club is doing (current club, former club, opponent, suitor), the status cues,
and clause boundaries so that clubs pair with the players of their own clause first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.domain import Status
from bot.extraction.clubs import ClubMention
from bot.extraction.people import Entity
from bot.extraction.status import Cue, effective, find_cues
from bot.extraction.textutil import Doc, Sentence
from bot.reference import ClubRef

_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:while|whilst|whereas|but|although|though|however|which|and\s+that|amid|amidst"
    r"|with|as)\b|\s(?:while|whilst|whereas|but|although|though|however|and\s+that)\s"
    r"|\s[-]\s|\.\.\.",
    re.I,
)
_FINE_BREAK = re.compile(r",|;|\s[-]\s|\s(?:while|whilst|whereas|but|although|and\s+that)\s", re.I)
_REPLACE = re.compile(r"\b(?:replac(?:e|es|ed|ing|ement|ements)|successor|in\s+place\s+of"
                      r"|stand-in|alternative\s+to|instead\s+of)\b", re.I)
_HEADLINE_TO = re.compile(r"^\s*(?:to|for|in\s+talks\s+with|joins?|close\s+to|nears?)\s+$", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_PAST_WINDOW = re.compile(
    r"\b(?:last\s+(?:summer|season|year|january|window)|previously|back\s+in|years?\s+ago"
    r"|at\s+the\s+time|earlier\s+in\s+(?:his|her|their)\s+career|in\s+(?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b)",
    re.I,
)
_MOVE_CUE = re.compile(
    r"\b(?:move|moving|switch|transfer|deal|join|joining|sign|signing|swoop|loan|return|bid|offer"
    r"|talks|target|linked|interest|want|keen|chase|race|pursuit|way\s+to|bound|heading|eye)",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:him|his|he|the\s+player|the\s+deal|the\s+move|the\s+transfer"
                      r"|a\s+deal|his\s+signature|his\s+services)\b", re.I)


@dataclass
class PlayerRef:
    entity: Entity
    tok_start: int
    tok_end: int
    start: int
    end: int
    explicit: bool  # named (vs described or inferred from the topic)
    topic: bool = False


@dataclass
class SentenceView:
    sent: Sentence
    players: list[PlayerRef] = field(default_factory=list)
    clubs: list[tuple[ClubMention, str | None]] = field(default_factory=list)  # (mention, role)
    replaced: set[int] = field(default_factory=set)  # entities being replaced, not signed
    cues: list[Cue] = field(default_factory=list)


@dataclass
class LinkEvidence:
    player: Entity
    club: ClubRef
    status: Status | None
    denial: bool
    confidence: float
    sentence: Sentence
    via_description: bool


def clause_spans(text: str, pattern: re.Pattern[str] = _CLAUSE_BREAK) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.start() if match.group(0).strip(",; -.") else match.end()
        if start == match.start():
            start = match.start() + 1
    spans.append((start, len(text)))
    return spans


def _clause_of(spans: list[tuple[int, int]], offset: int) -> int:
    for index, (s, e) in enumerate(spans):
        if s <= offset < e:
            return index
    return len(spans) - 1


def reference_year(doc: Doc, published_year: int | None) -> int | None:
    if published_year:
        return published_year
    years = [int(y) for y in _YEAR.findall(doc.text[:20000])]
    return max(years) if years else None


def is_history(sentence_text: str, ref_year: int | None) -> bool:
    if _PAST_WINDOW.search(sentence_text):
        return True
    if ref_year is None:
        return False
    return any(int(y) < ref_year for y in _YEAR.findall(sentence_text)
               if not re.search(rf"{y}/\d\d|until\s+{y}|till\s+{y}|in\s+{y}/", sentence_text))


def pair_links(
    doc: Doc, view: SentenceView, ref_year: int | None
) -> list[LinkEvidence]:
    """Links stated by one sentence."""
    sent = view.sent
    text = sent.text
    if not view.players or not view.clubs:
        return []
    clauses = clause_spans(text)
    fine = clause_spans(text, _FINE_BREAK)
    players_by_clause: dict[int, list[PlayerRef]] = {}
    for ref in view.players:
        players_by_clause.setdefault(_clause_of(clauses, ref.start - sent.start), []).append(ref)
    positive_cues = [c for c in view.cues if effective(c) is not None or c.status in (
        Status.DENIED, Status.COLLAPSED)]
    headline_link = False
    history = is_history(text, ref_year)
    out: list[LinkEvidence] = []
    for mention, role in view.clubs:
        if role == "history":
            if history:
                continue
            role = "to"
        if role in ("former", "against", "seller", "from", "employer"):
            continue
        rel = mention.start - sent.start
        clause = _clause_of(clauses, rel)
        clause_text = text[clauses[clause][0] : clauses[clause][1]]
        candidates = players_by_clause.get(clause)
        same_clause = bool(candidates)
        if not candidates:
            if _REPLACE.search(clause_text):
                continue
            candidates = [p for p in view.players if not p.topic] or view.players
            if len({p.entity.index for p in candidates}) > 3:
                continue
        # cues: those in the club's fine clause, else the nearest one in the sentence
        fine_index = _clause_of(fine, rel)
        fs, fe = fine[fine_index]
        local = [c for c in positive_cues if fs <= c.start < fe]
        if not local and positive_cues:
            local = [min(positive_cues, key=lambda c: abs(c.start - rel))]
        if sent.headline and not local:
            # "Moussa Marega to Everton"
            before = text[max(0, rel - 25) : rel]
            if _HEADLINE_TO.search(before):
                headline_link = True
                local = []
            else:
                if role not in ("to", "target"):
                    continue
        elif not local and role not in ("to", "target"):
            continue
        statuses = [s for s in (effective(c) for c in local) if s is not None]
        denial = any(c.status is Status.DENIED for c in local)
        if role == "to" and not statuses:
            statuses = [Status.INTEREST]
        if role == "target" and not statuses:
            statuses = [Status.INTEREST]
        if headline_link and not statuses:
            statuses = [Status.INTEREST]
        if not statuses and not denial:
            continue
        status = Status.strongest(statuses) if statuses else None
        if status is Status.DONE and history:
            continue  # "joined PSG in 2022": background, not news
        for ref in candidates:
            player = ref.entity
            if not player.is_player or player.index in view.replaced:
                continue
            if player.current_club is not None and player.current_club.name == mention.club.name:
                continue
            confidence = 0.5
            if ref.explicit:
                confidence += 0.2
            elif ref.topic:
                confidence -= 0.15
            if same_clause:
                confidence += 0.1
            if status is not None and status.rank >= Status.CONTACT.rank:
                confidence += 0.1
            if role in ("to", "target"):
                confidence += 0.05
            if mention.kind in ("description", "partial", "nickname", "person", "place", "topic"):
                confidence -= 0.1
            confidence = max(0.05, min(0.97, confidence))
            out.append(
                LinkEvidence(player, mention.club, status, denial, confidence, sent,
                             not ref.explicit)
            )
    return out


def sentence_cues(sent: Sentence) -> list[Cue]:
    return find_cues(sent.text)


def has_move_cue(text: str) -> bool:
    return bool(_MOVE_CUE.search(text))


def has_pronoun(text: str) -> bool:
    return bool(_PRONOUN.search(text))


def replaced_entities(doc: Doc, sent: Sentence, refs: list[PlayerRef]) -> set[int]:
    """Players named as the ones to be replaced: "to replace Wesley Moraes"."""
    out: set[int] = set()
    for ref in refs:
        before = doc.text[max(sent.start, ref.start - 30) : ref.start]
        if re.search(r"(?:replac(?:e|ing|ement\s+for|ements\s+for)|successor\s+(?:to|for)"
                     r"|in\s+place\s+of|cover\s+for|instead\s+of)\s+(?:\S+\s+){0,3}$", before, re.I):
            out.add(ref.entity.index)
    return out

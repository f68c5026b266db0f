"""The extraction pipeline: text in, ``Extraction`` out. Pure and deterministic.

clean + split -> outlets -> clubs -> names -> entities + roles -> descriptions
-> current clubs -> links (per sentence, aggregated per player and club) -> fees
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from datetime import date
from itertools import compress, repeat
from typing import Final

from bot.domain import Extraction, FeeFact, LinkFact, PersonFact, PlayerFact, Status
from bot.extraction.clubs import ClubMatcher, ClubMention
from bot.extraction.fees import FeeContext, clubless, fee_kind, fee_words, not_a_player_fee
from bot.extraction.lexicon import COUNTRIES, NATIONALITY_COUNTRY, POSITION_NOUNS, ROLE_NOUNS
from bot.extraction.links import (
    SUBJECT_NEXT_FAST,
    LinkEvidence,
    PlayerRef,
    SentenceView,
    clause_spans,
    has_move_cue,
    has_pronoun,
    is_history,
    pair_links,
    reference_year,
    replaced_entities,
)
from bot.extraction.money import parse_money
from bot.extraction.people import (
    STAFF_AFTER,
    STAFF_VERBS,
    Entity,
    PeopleIndex,
    assign_roles,
    find_descriptors,
    find_names,
    group_entities,
    resolve_descriptors,
)
from bot.extraction.roles import club_role, gap_is_modifier, role_noun_after
from bot.extraction.sources import OutletMatcher, OutletMention
from bot.extraction.status import Cue, find_cues_at, rank, strongest
from bot.extraction.textutil import Caseless, Doc, Sentence, build_doc, clean_text, split_header
from bot.reference import ClubRef, OutletRef, ReferenceData
from bot.text import fold

log = logging.getLogger(__name__)

_KEEP_WORDS = ("sale", "sold", "selling", "untouch", "market", "nowhere", "stay", "remain")
_SUITOR_VERB_AFTER: Final = re.compile(
    r"\s+(?:\S+\s+)?(?:want|wants|wanted|are\s+keen|is\s+keen|are\s+interested|have\s+bid|bid"
    r"|are\s+chasing|are\s+tracking|are\s+monitoring)\b"
)
_WHO_SOLD: Final = re.compile(r",\s+(?:who|which)\s+(?:have\s+|had\s+|recently\s+)?sold\s+[^,]*,")
_STAFF_JOB: Final = re.compile(
    r"\b(?:role|job|post|position|coaching\s+staff|backroom\s+staff|dugout|hot\s+seat|vacancy)\b",
    re.I,
)
_STAFF_JOB_FAST: Final = Caseless(_STAFF_JOB)
_ALSO: Final = re.compile(r"\b(?:also|too|as\s+well)\b", re.I)
_ALSO_FAST: Final = Caseless(_ALSO)
_LIST_GAP: Final = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|/|&)\s+")
_LIST_END_GAP: Final = re.compile(r",?\s+(?:and|or)\s+|\s*[/&]\s*")
_LIST_GOES_ON: Final = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+[A-Z]")


def _in_club_list(text: str, previous_end: int, cm: ClubMention) -> bool:
    """ "from Barcelona, Chelsea and Man City": a club named in a list right after another
    (a bare comma counts only where the list goes on: "join Al Hilal, PSG will ..." is not one)."""
    if _LIST_END_GAP.fullmatch(text, previous_end, cm.start):
        return True
    return bool(
        _LIST_GAP.fullmatch(text, previous_end, cm.start) and _LIST_GOES_ON.match(text, cm.end)
    )
_COMPETITION: Final = re.compile(
    r"\b(?:competition|rivals?|rivalry|battle|fight|race)\s+(?:\S+\s+){0,3}?(?:from|with)\b", re.I
)
_COMPETITION_FAST: Final = Caseless(_COMPETITION)
_BRACKET_AFTER_WORD: Final = re.compile(r"[A-Za-z]\s*\(\s*$")
_BRACKET_GAP: Final = re.compile(r"(?:'s)?\s*\(\s*")
# (compiled once: re.match(string, ...) looks its pattern up in re's cache on every call)
_FOR_OF_ON_AHEAD: Final = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:for|of|on)\s")
_CLAUSE_MARK: Final = re.compile(r"[,;(]|\s-\s")
# between a figure and its player: "for", then at most a club and a title, no punctuation
_FOR_OBJECT: Final = re.compile(r"\s+for\s+(?:[^\s,;()]+\s+){0,4}$")
_WISH_NOUNS: Final = frozenset(
    ("wish", "target", "priority", "choice", "dream", "preference", "favourite", "request")
)
# a round-up item ends with its source in brackets: "... wants £20m. (Guardian)"
# a numbered list item that is only a name: "3. Alisson Becker"
# "3. Peter Crouch", "2. Andy Carroll (West Ham)": a numbered item, perhaps with his club
_LIST_ITEM: Final = re.compile(r"^\s*\d{1,2}[.)]\s+\S+(?:\s+\S+){0,3}(?:\s+\([^()]{2,40}\))?\s*$")
_LIST_NUMBER: Final = re.compile(r"^\s*\d{1,2}[.)]\s*$")
_LIST_TITLE: Final = re.compile(
    r"\b(?:could|should|must|might|can|to)\s+(?:sign|target|buy|replace|bring\s+in)"
    r"|\b(?:targets|options|alternatives|replacements|candidates|signings|players\s+linked)\b",
    re.I,
)
_ITEM_CREDIT: Final = re.compile(r"\([^()]{2,40}\)\s*$")
_WANT_AFTER: Final = re.compile(
    r"^(?:'s)?\s*(?:\S+\s+){0,2}?(?:wants?\b(?!\s+to\s+(?:keep|hold\s+on|retain|stay))"
    r"|(?:is|are)\s+(?:also\s+|still\s+|now\s+|very\s+)?(?:keen|eager)|seeks?|hopes?\s+to"
    r"|has\s+asked|asked|wants\s+to\s+sign|admires?|dream\s+signing|top\s+target|list"
    r"|is\s+a\s+(?:big\s+)?fan|is\s+desperate|targets?|identified|earmarked|calls?\s+(?:between|with)"
    r"|held\s+(?:\S+\s+)?talks|(?:has|have)\s+been\s+in\s+(?:contact|talks)|(?:has\s+)?spoken\s+to"
    r"|is\s+interested|is\s+pushing|pushing\s+for|requested|approved|green\s+light"
    r"|turns?\s+(?:his|her)\s+attention|(?:has|have)\s+turned\s+(?:his|her)\s+attention"
    r"|(?:has|have)\s+made\s+(?:\S+\s+){1,5}?(?:his|her)\s+(?:\S+\s+)?(?:target|priority)"
    r"|(?:has\s+been\s+told\s+(?:he|she)\s+)?(?:can|could|will)\s+sign"
    r"|(?:could|would|will|may|might)\s+(?:\S+\s+)?(?:move|bid|swoop|go|make\s+a\s+move)\s+for"
    r"|(?:is|are)\s+(?:\S+\s+)?(?:considering|eyeing|plotting|planning|weighing\s+up|chasing)"
    r"|(?:has|have)\s+(?:ruled\s+out|played\s+down|denied|dismissed))",
    re.I,
)
_WANT_AFTER_FAST: Final = Caseless(_WANT_AFTER)
_CONTACT_RANK: Final = rank(Status.CONTACT)
_DONE_RANK: Final = rank(Status.DONE)
_SPEAKER_AFTER: Final = re.compile(
    r"^\s*(?:has\s+|had\s+)?(?:told|said|says|added|explained|admitted|insisted|wrote|tweeted)\b",
    re.I,
)
_REPLACE_WORDS: Final = re.compile(r"\breplac|\bsuccessor|\binstead\s+of", re.I)
_REPLACE_WORDS_FAST: Final = Caseless(_REPLACE_WORDS)
_EXPECT_LEAVE: Final = re.compile(
    r"\b(?:expects?|expected|accepts?|accepted|resigned\s+to|admits?|admitted)\s+(?:that\s+)?"
    r"(?:\S+\s+){0,4}?(?:to\s+|will\s+|could\s+|is\s+set\s+to\s+)(?:leave|depart|exit|move\s+on)\b",
    re.I,
)
_EXPECT_LEAVE_FAST: Final = Caseless(_EXPECT_LEAVE)
_NOT_FOR_SALE: Final = re.compile(
    r"\bnot\s+for\s+sale\b|\buntouchable\b|\bno\s+intention\s+of\s+selling\b"
    r"|\bnot\s+on\s+the\s+market\b|\bgoing\s+nowhere\b"
    r"|\b(?:insist|insists|insisted|confident|adamant)\s+(?:that\s+)?(?:he|the\s+\S+)\s+(?:will|would)"
    r"\s+(?:stay|remain)\b"
    r"|\bwill\s+not\s+be\s+sold\b|\bnot\s+be\s+sold\b",
    re.I,
)
_NOT_FOR_SALE_FAST: Final = Caseless(_NOT_FOR_SALE)
_QUOTE_CREDIT: Final = re.compile(r"(?:saying|said|says|quoted|told)\s*[(\[]\s*via\b", re.I)
_QUOTE_CREDIT_FAST: Final = Caseless(_QUOTE_CREDIT)
# "Their move/bid/pursuit ...": a club's own business
_PURSUIT_NOUNS: Final = frozenset(
    (
        "move",
        "moves",
        "bid",
        "bids",
        "offer",
        "offers",
        "approach",
        "pursuit",
        "interest",
        "swoop",
        "attempt",
        "attempts",
        "chase",
        "search",
        "efforts",
        "proposal",
        "enquiry",
        "talks",
        "negotiations",
    )
)
_IN_PASSING: Final = re.compile(
    r"\b(?:injur(?:y|ies|ed)|recover(?:s|ed|ing|y)?|sidelined|ruled\s+out|fitness|hamstring|knee"
    r"|ankle|groin|suspen(?:ded|sion)|scored|assists?)\b",
    re.I,
)
_IN_PASSING_FAST: Final = Caseless(_IN_PASSING)
_NTH_SIGNING_AFTER: Final = re.compile(
    r"^'s\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|newest)"
    r"\s+(?:\S+\s+)?(?:signing|arrival|addition)\b"
)
_SUBJECT_VERB: Final = re.compile(
    r"^\s+(?:are|is|have|has|had|were|was|will|would|could|remain|remains|want|wants)\b"
)
_LEAVE_CLUB: Final = re.compile(
    r"\b(?:leave|leaving|left|exit|exiting|depart|departing|quit)\s+the\s+club\b", re.I
)
_LEAVE_CLUB_FAST: Final = Caseless(_LEAVE_CLUB)
_OBJECT_PRONOUN: Final = re.compile(
    r"\b(?:him|his\s+(?:services|signature|arrival|stay|future)|the\s+player)"
    r"\b|^A\s+(?:\S+\s+)?(?:move|switch|transfer|loan)\b",
    re.I,
)
_LIST_WORDS: Final = re.compile(
    r"\b(?:also|another|too|as\s+well|alternative|alternatives|options?|targets?"
    r"|list|shortlist|being\s+(?:monitored|tracked|watched)|of\s+interest)\b",
    re.I,
)
_LIST_WORDS_FAST: Final = Caseless(_LIST_WORDS)
_CREDIT_NAME: Final = re.compile(
    r"(?:[Aa]ccording\s+to|[Vv]ia|[Aa]s\s+per|[Rr]eported\s+by|[Rr]evealed\s+by|[Rr]eports\s+from)"
    r"\s+(?:the\s+)?"
    r"((?:[A-Z][\w'.&-]*|of|de|del|dello|della)(?:\s+(?:[A-Z][\w'.&-]*|of|de|del|dello|della)){0,3})",
)


_APPOSITIVE: Final = re.compile(
    r"\s+(?:who\s|signed\s|bought\s|brought\s|recruited\s|acquired\s|snapped\s)"
)
_OLD_SIGNING: Final = re.compile(
    r"\b(?:signed|joined|arrived|bought|brought\s+in|recruited|moved|move|switch|transfer)\b"
)


@dataclass(init=False)
class _Article:
    doc: Doc
    outlets: list[OutletMention]
    clubs: list[ClubMention]
    entities: list[Entity]
    views: list[SentenceView]
    roles: dict[int, str | None]  # club mention (by first token) -> role in its sentence

    def __init__(
        self,
        doc: Doc,
        outlets: list[OutletMention],
        clubs: list[ClubMention],
        entities: list[Entity],
        views: list[SentenceView],
        roles: dict[int, str | None],
    ) -> None:
        self.doc = doc
        self.outlets = outlets
        self.clubs = clubs
        self.entities = entities
        self.views = views
        self.roles = roles


def _new_round_up_item(doc: Doc, earlier: int, sent: Sentence) -> bool:
    """``sent`` opens a new item of a round-up column ("... wants £20m. (Guardian)" came between
    it and sentence ``earlier``): what was said before is about another story."""
    return doc.sentences[earlier].para != sent.para and bool(
        _ITEM_CREDIT.search(doc.sentences[sent.index - 1].text)
    )


def _topic_mention(club: ClubRef, anchor: PlayerRef, sent: int) -> ClubMention:
    """A club the sentence does not name but is about, placed (empty) at its player."""
    return ClubMention(
        club, anchor.start, anchor.start, anchor.tok_start, anchor.tok_start, sent, "topic"
    )


def _collect_credits(credits: dict[int, list[str]], indices: list[int]) -> list[str]:
    """The names credited in those sentences, in order, once each (a module function: a
    closure is slow compiled)."""
    return list(dict.fromkeys([n for i in sorted(indices) for n in credits.get(i, [])]))


def _unnamed_staff(doc: Doc, cm: ClubMention) -> bool:
    """ "admired by the Villa manager", "the Arsenal boss wants": a manager named by his job
    alone acts for his club (with a name after it, "the Villa manager Martin O'Neill", the club
    is only his employer)."""
    tokens = doc.tokens
    sent = doc.sentences[cm.sent]
    if cm.tok_start <= sent.tok_start or tokens[cm.tok_start - 1].key != "the":
        return False
    k = cm.tok_end
    if k < sent.tok_end and tokens[k].key in ("'s", "'"):
        k += 1
    if k + 1 < sent.tok_end and f"{tokens[k].key} {tokens[k + 1].key}" in ROLE_NOUNS:
        k += 2
    elif k < sent.tok_end and tokens[k].key in ROLE_NOUNS:
        k += 1
    return k >= sent.tok_end or not tokens[k].cap


_PARTY_WITH_BEFORE: Final = re.compile(
    r"\b(?:talks|negotiations|discussions|agreement|deal|contact)\s+with\s+(?:the\s+)?$"
)


def _player_party(doc: Doc, view: SentenceView, cm: ClubMention) -> bool:
    """ "Rodrygo will stay after talks with Manchester City broke down", "X has reached an
    agreement with Y": the player's own talks are with his destination; a club's talks with
    another club ("Juventus are in talks with Atalanta") are with the seller. The party is the
    nearest named player before the phrase, with no club between them and none before him
    except his own ("Real Madrid's Rodrygo", "Chelsea striker X")."""
    sent = doc.sentences[cm.sent]
    before = doc.lower[sent.start : cm.start]
    if "with" not in before:
        return False
    found = _PARTY_WITH_BEFORE.search(before)
    if found is None:
        return False
    phrase_start = sent.start + found.start()
    players = [
        p for p in view.players if not p.topic and p.entity.is_player and p.end <= phrase_start
    ]
    if not players:
        return False
    party = players[-1]
    for club, _role in view.clubs:
        if club.end > phrase_start:
            continue
        # a club after him is the subject ("X joined ..., and Hutter's side are in talks with
        # Tottenham"); one just before him is his own
        if club.start >= party.end or party.tok_start - club.tok_end > 2:
            return False
    return True


_DESPITE_REPORTS: Final = re.compile(
    r"\b(?:despite|contrary\s+to|in\s+spite\s+of)\s+(?:\S+\s+){0,2}?(?:reports?|claims?"
    r"|speculation|rumou?rs?|suggestions?|stories|headlines)\b",
    re.I,
)


def _without_denied_reports(text: str, cues: list[Cue]) -> list[Cue]:
    """ "Chelsea have not made a bid for X, despite reports that a £50m offer was lodged": what
    the reports say is what the sentence denies, not a stage of the move."""
    found = _DESPITE_REPORTS.search(text)
    if found is None or not any(c.negated and c.start < found.start() for c in cues):
        return cues
    return [c for c in cues if c.start < found.start() or c.negated]


_ARRIVED_FROM: Final = re.compile(
    r"\b(?:(?:has|have)\s+(?:\S+\s+)?(?:signed|arrived|joined)|joins|arrives)\s+from\b", re.I
)


_PLAN_NOUNS: Final = frozenset(
    (
        *("plan", "plans", "bid", "bids", "move", "pursuit", "chase", "swoop", "deal", "hunt"),
        *("dream", "switch", "transfer", "saga", "talks", "interest", "approach", "offer"),
        *("raid", "push", "decision", "u-turn", "blow", "boost", "hopes", "race", "battle"),
    )
)


def _in_brackets(text: str, club: ClubMention, base: int) -> bool:
    before = text[: club.start - base].rstrip()
    after = text[club.end - base :].lstrip()
    return before.endswith("(") and after.startswith(")")


def _arrival_at_previous_subject(doc: Doc, prev: SentenceView, view: SentenceView) -> None:
    """ "Tottenham have moved to replace him. Pavlyuchenko has signed from Spartak Moscow": an
    arrival that names only the club left goes to the club the previous sentence of the same
    paragraph opened with."""
    sent = view.sent
    if sent.headline or prev.sent.headline or prev.sent.para != sent.para or not prev.clubs:
        return
    if any(r != "from" for _c, r in view.clubs) or not _ARRIVED_FROM.search(sent.text):
        return
    first = prev.clubs[0][0]
    if (
        first.tok_start != prev.sent.tok_start
        or prev.clubs[0][1] not in (None, "to", "target")
        or first.kind == "person"
        or not SUBJECT_NEXT_FAST.match(doc.text[first.end : first.end + 40])
    ):
        return
    players = [p for p in view.players if p.explicit and p.entity.is_player]
    if len({p.entity.index for p in players}) == 1:
        view.clubs.append((_topic_mention(first.club, players[0], sent.index), None))


class Extractor:
    """Compile the reference data once; call ``extract`` for each article."""

    def __init__(self, reference: ReferenceData, *, strict: bool = False) -> None:
        self.reference = reference
        self.strict = strict
        self.clubs = ClubMatcher(reference)
        self.outlets = OutletMatcher(reference)
        self.people = PeopleIndex(reference)
        self.club_by_name = {club.name: club for club in reference.clubs}
        stop: set[str] = set()
        for club in reference.clubs:
            for place in club.places:
                words = fold(place).split()
                # "Bergamo" is no one's name; the words of "San Diego" or "Sao Paulo" can be, so
                # only the whole place is kept from names ("Abu Dhabi")
                stop.add(" ".join(words))
            stop.update(fold(club.country).split())
        stop.update(NATIONALITY_COUNTRY.values())
        stop.update(COUNTRIES)
        stop.discard("")
        self.stop_extra = frozenset(stop)

    # ------------------------------------------------------------------ public

    def extract(
        self, text: str, *, published: date | None = None, source: str | None = None
    ) -> Extraction:
        try:
            return self._extract(text, published, source)
        except Exception:  # never let one odd article stop ingestion
            if self.strict:
                raise
            log.exception("extraction failed; returning an empty result")
            return Extraction(published=published)

    def outlet_for_source(self, source: str | None) -> OutletRef | None:
        return self.outlets.publisher(source)

    # ------------------------------------------------------------------ pipeline

    def _extract(self, text: str, published: date | None, source: str | None) -> Extraction:
        header_date, header_source, body = split_header(text or "")
        published = published or header_date
        source = source or header_source
        doc = build_doc(clean_text(body))
        ref_year = reference_year(doc, published.year if published else None)
        art = self._analyse(doc, ref_year)
        self._current_clubs(art, ref_year)
        evidences = self._links(art, ref_year)
        evidences.extend(self._listicle_links(art))
        result = Extraction(published=published)
        publisher = self.outlets.publisher(source)
        credits = self._credits(art)
        result.outlets = self._outlet_names(credits)
        result.links = self._aggregate(art, evidences, credits, publisher)
        result.fees = self._fees(art, ref_year)
        self._fill_people(art, result)
        return result

    def _analyse(self, doc: Doc, year: int | None = None) -> _Article:
        outlet_mentions = self.outlets.find(doc)
        # journalists stay visible to name detection, so "Dias" later joins "Filipe Dias"
        blocked = {
            i
            for m in outlet_mentions
            for i in range(m.tok_start, m.tok_end)
            if m.outlet is None or m.outlet.kind != "journalist"
        }
        club_mentions = self.clubs.find(doc, blocked)
        club_tokens = {i for m in club_mentions for i in range(m.tok_start, m.tok_end)}
        names = find_names(doc, blocked | club_tokens, self.stop_extra)
        entities = group_entities(names, self.people, year)
        assign_roles(doc, entities)
        by_token_end = {m.tok_end: m for m in outlet_mentions}
        club_by_end = {m.tok_end: m for m in club_mentions}
        tokens = doc.tokens
        for ent in entities:
            for mention in ent.mentions:
                k = mention.tok_start
                # "Sky's Florian Plettenberg", "O Jogo's Filipe Dias": a journalist
                if (
                    k >= 2
                    and tokens[k - 1].key in ("'s", "'")
                    and k - 1 in by_token_end
                    and ent.role_strength < 4
                ):
                    ent.role, ent.role_strength = "journalist", 4
                # "Spurs boss Jose Mourinho", "Juventus director general Beppe Marotta"
                for back in (1, 2, 3):
                    club = club_by_end.get(k - back)
                    if club is None or club.sent != mention.sent:
                        continue
                    role = role_noun_after(doc, club)
                    if role is None:
                        break
                    if (ent.is_player or ent.role_strength < 4) and ent.ref is None:
                        ent.role, ent.role_strength = role, 4
                    if ent.person_club is None:
                        ent.person_club = club.club
                    break
        # "Leeds have appointed X as head coach", "Everton held talks with X about becoming their
        # new manager": the club that hires him
        for ent in entities:
            if ent.is_player or ent.person_club is not None:
                continue
            for mention in ent.mentions:
                k = mention.tok_start
                hired = (k > 0 and tokens[k - 1].key in STAFF_VERBS) or bool(
                    STAFF_AFTER.match(doc.lower[mention.end : mention.end + 60])
                )
                if not hired:
                    continue
                before = [
                    c for c in club_mentions if c.sent == mention.sent and c.end <= mention.start
                ]
                if before:
                    ent.person_club = before[-1].club
                    break
        clubs_by_sent: dict[int, set[str]] = {}
        for m in club_mentions:
            clubs_by_sent.setdefault(m.sent, set()).add(m.club.name)
        # "Alonso's side", "Slot's men", "Mourinho wants": the club that person works for --
        # as the article says it ("Spurs boss Jose Mourinho"), else the reference job if the
        # club is named close by (reference jobs go stale)
        extra: list[ClubMention] = []
        for ent in entities:
            if ent.is_player:
                continue
            for mention in ent.mentions:
                club_ref = ent.person_club
                if club_ref is None and ent.ref is not None and ent.ref.club:
                    nearby = set().union(
                        *(
                            clubs_by_sent.get(k, set())
                            for k in (mention.sent - 1, mention.sent, mention.sent + 1)
                        )
                    )
                    if ent.ref.club in nearby:
                        club_ref = self.club_by_name.get(ent.ref.club)
                if club_ref is None:
                    continue
                j = mention.tok_end
                if (
                    mention.possessive
                    and j + 1 < len(tokens)
                    and tokens[j + 1].key in ("side", "team", "men", "charges", "squad", "outfit")
                ):
                    extra.append(
                        ClubMention(
                            club_ref,
                            mention.start,
                            tokens[j + 1].end,
                            mention.tok_start,
                            j + 2,
                            mention.sent,
                            "person",
                        )
                    )
                elif ent.role in ("manager", "coach", "director", "president", "owner") and (
                    # "Pogba remains Zidane's big wish", "Mourinho wants X": the manager speaks
                    # for his club
                    (
                        mention.possessive
                        and any(
                            t.key in _WISH_NOUNS for t in tokens[j + 1 : min(len(tokens), j + 4)]
                        )
                    )
                    or _WANT_AFTER_FAST.match(
                        doc.text[
                            mention.end : min(doc.sentences[mention.sent].end, mention.end + 70)
                        ]
                    )
                ):
                    extra.append(
                        ClubMention(
                            club_ref,
                            mention.start,
                            mention.end,
                            mention.tok_start,
                            mention.tok_end,
                            mention.sent,
                            "person",
                        )
                    )
        if extra:
            club_mentions = sorted(club_mentions + extra, key=lambda m: m.tok_start)
        club_starts = {m.tok_start: m.tok_end for m in club_mentions if m.kind != "person"}
        name_tokens = {
            i for e in entities for m in e.mentions for i in range(m.tok_start, m.tok_end)
        }
        descriptors = find_descriptors(doc, club_starts, blocked | name_tokens)
        # a sentence about an injury or a match, naming no club and no move ("X is still
        # recovering from a knee injury"), mentions its player in passing
        club_sents = {m.sent for m in club_mentions}

        def in_passing(s: int) -> bool:
            text = doc.sentences[s].text
            return (
                s not in club_sents
                and bool(_IN_PASSING_FAST.search(text))
                and not has_move_cue(text)
            )

        resolve_descriptors(doc, descriptors, entities, in_passing=in_passing)
        # sentence views
        views = [SentenceView(sent) for sent in doc.sentences]
        for ent in entities:
            for mention in ent.mentions:
                views[mention.sent].players.append(
                    PlayerRef(
                        ent, mention.tok_start, mention.tok_end, mention.start, mention.end, True
                    )
                )
        desc_club_tokens: dict[int, Entity] = {}
        for desc in descriptors:
            if desc.entity < 0 or desc.role is not None:
                continue
            ent = entities[desc.entity]
            first, last = tokens[desc.tok_start], tokens[desc.tok_end - 1]
            views[desc.sent].players.append(
                PlayerRef(ent, desc.tok_start, desc.tok_end, first.start, last.end, False)
            )
            if desc.club_tokens is not None:
                desc_club_tokens[desc.club_tokens[0]] = ent
        roles: dict[int, str | None] = {}
        for position, cm in enumerate(club_mentions):
            later = club_mentions[position + 1] if position + 1 < len(club_mentions) else None
            role = club_role(
                doc, cm, later.start if later is not None and later.sent == cm.sent else None
            )
            roles[cm.tok_start] = role
            if cm.kind == "person":
                # "Iraola's side are bracing themselves for offers for X": his club sells
                role = role if role in ("former", "seller") else None
            elif (
                role_noun_after(doc, cm) is not None
                and role != "target"
                and not _unnamed_staff(doc, cm)
            ):
                role = "employer"
            if role == "from" and _player_party(doc, views[cm.sent], cm):
                role = "to"
            if cm.tok_start in desc_club_tokens and role != "former":
                role = "from"
                desc_club_tokens[cm.tok_start].set_current(cm.club, 4)
            listed = views[cm.sent].clubs
            if (
                role in (None, "from")
                and listed
                and listed[-1][1] in ("to", "target")
                and _in_club_list(doc.text, listed[-1][0].end, cm)
            ):
                role = listed[-1][1]  # "competition from Barcelona, Chelsea and Man City"
            listed.append((cm, role))
        # "Bayern sporting director Max Eberl said the club are in talks with Stuttgart":
        # "the club" as a subject stands for the club named before it in the sentence
        for i in doc.by_key.get("club", ()):
            if i == 0 or tokens[i - 1].key != "the":
                continue
            tok = tokens[i]
            sent = doc.sentences[tok.sent]
            after = doc.text[tok.end : min(sent.end, tok.end + 40)]
            nth = _NTH_SIGNING_AFTER.match(after)
            if not nth and not _SUBJECT_VERB.match(after):
                continue
            view = views[tok.sent]
            earlier = [
                (c, r)
                for c, r in view.clubs
                if c.end <= tokens[i - 1].start and r in (None, "employer")
            ]
            if not earlier and nth and sent.index > 0:
                # "X is the club's third signing": the previous sentence's subject club
                earlier = [
                    (c, r)
                    for c, r in views[sent.index - 1].clubs
                    if r in (None, "to", "target")
                    and c.kind != "person"
                    and SUBJECT_NEXT_FAST.match(doc.text[c.end : c.end + 40])
                ][:1]
            if earlier and not any(c.start == tokens[i - 1].start for c, _r in view.clubs):
                owner = earlier[-1][0]
                view.clubs.append(
                    (
                        ClubMention(
                            owner.club,
                            tokens[i - 1].start,
                            tok.end,
                            i - 1,
                            i + 1,
                            tok.sent,
                            "description",
                        ),
                        None,
                    )
                )
        # "Aston Villa are searching ... Their move for X collapsed", "They have opened talks
        # with Stuttgart over Y": They/Their opening a sentence is the previous sentence's
        # subject club
        for view in views:
            sent = view.sent
            if sent.index == 0 or sent.headline or sent.tok_end - sent.tok_start < 3:
                continue
            first = tokens[sent.tok_start]
            if first.key == "their":
                if not any(
                    t.key in _PURSUIT_NOUNS
                    for t in tokens[sent.tok_start + 1 : min(sent.tok_end, sent.tok_start + 3)]
                ):
                    continue
            elif first.key != "they" or not SUBJECT_NEXT_FAST.match(
                doc.text[first.end : first.end + 40]
            ):
                continue
            prev = views[sent.index - 1]
            if prev.sent.headline:
                continue
            subjects = [
                c
                for c, r in prev.clubs
                if r in (None, "to", "target")
                and c.kind != "person"
                and SUBJECT_NEXT_FAST.match(doc.text[c.end : c.end + 40])
            ]
            if subjects:
                view.clubs.append(
                    (
                        ClubMention(
                            subjects[0].club,
                            first.start,
                            first.end,
                            sent.tok_start,
                            sent.tok_start + 1,
                            sent.index,
                            "description",
                        ),
                        None,
                    )
                )
        for view in views[1:]:
            _arrival_at_previous_subject(doc, views[view.sent.index - 1], view)
        for view in views:
            if len(view.clubs) > 1:  # (most views have none or one: no key function to make)
                view.clubs.sort(key=lambda item: item[0].start)
        # status cues: one pass over the whole text, then handed to their sentences
        # (only sentences that name a club or a player, or describe one, can use them)
        starts = [s.start for s in doc.sentences]
        word_starts: list[tuple[int, int]] = []
        for view in views:
            if view.clubs or view.players:
                end = view.sent.end
                a, b = view.sent.tok_start, view.sent.tok_end
                word_starts.extend(
                    zip(compress(doc.tok_starts[a:b], doc.tok_words[a:b]), repeat(end))
                )
                if "-" not in view.sent.text:
                    continue
                for tok in tokens[a:b]:
                    if "-" in tok.text and tok.key[:1].isalpha():  # "re-sign": a word inside a word
                        word_starts.extend(
                            (tok.start + k + 1, end) for k, ch in enumerate(tok.text) if ch == "-"
                        )
        for cue in find_cues_at(doc.text, word_starts, doc.lower):
            index = bisect.bisect_right(starts, cue.start) - 1
            if index < 0:
                continue
            sent = doc.sentences[index]
            if cue.end <= sent.end:
                views[index].cues.append(
                    Cue(cue.status, cue.start - sent.start, cue.end - sent.start, cue.negated)
                )
        for view in views:
            if view.cues and any(c.negated for c in view.cues):
                view.cues = _without_denied_reports(view.sent.text, view.cues)
            for ref in view.players:
                if ref.explicit and _SPEAKER_AFTER.match(doc.text[ref.end : ref.end + 30]):
                    ref.speaker = True
            if len(view.players) > 1:
                view.players.sort(key=lambda p: p.tok_start)
            view.replaced = replaced_entities(doc, view.sent, view.players)
        return _Article(doc, outlet_mentions, club_mentions, entities, views, roles)

    # ------------------------------------------------------------------ current clubs

    def _current_clubs(self, art: _Article, ref_year: int | None) -> None:
        doc = art.doc
        tokens = doc.tokens
        club_by_end: dict[int, ClubMention] = {}
        for mention in art.clubs:
            if mention.kind != "person":
                club_by_end[mention.tok_end] = mention
        for view in art.views:
            sent = view.sent
            for ref in view.players:
                if not ref.explicit:
                    continue
                # "Atalanta's Teun Koopmeiners", "Stuttgart centre-back Waldemar Anton" -- but
                # "Liverpool's Guehi plan" is Liverpool's plan for him
                planned = ref.tok_end < sent.tok_end and tokens[ref.tok_end].key in _PLAN_NOUNS
                for back in range(0, 0 if planned else 7):
                    end = ref.tok_start - back
                    if end <= sent.tok_start:
                        break
                    club = club_by_end.get(end)
                    if club is None:
                        continue
                    only_mods, saw_head = gap_is_modifier(doc, end, ref.tok_start)
                    role = art.roles.get(club.tok_start)
                    # "turns his attention to Lyon striker Alexandre Lacazette" / "to Brighton's
                    # Dan Burn": a club and a title or 's right before the name are his club
                    titled = (
                        role == "to"
                        and ref.tok_start - end == 1
                        and (
                            tokens[end].key in ("'s", "'")
                            or (
                                tokens[end].key in POSITION_NOUNS
                                and tokens[end].key not in ("target", "signing", "star", "man")
                            )
                        )
                    )
                    usable = role not in ("target", "former", "to") or titled
                    if only_mods and saw_head and usable:
                        ref.entity.set_current(club.club, 5)
                    break
                # "Donny van de Beek of Ajax": his club
                j = ref.tok_end
                if j + 1 < sent.tok_end and tokens[j].key == "of":
                    for index, (mention, role) in enumerate(view.clubs):
                        if mention.tok_start == j + 1 and mention.kind != "person":
                            ref.entity.set_current(mention.club, 4)
                            if role in (None, "to"):
                                view.clubs[index] = (mention, "from")
                # "Koopmeiners, the Atalanta midfielder," / "Anton (Stuttgart)"
                if j + 2 < sent.tok_end and tokens[j].key in (",", "("):
                    k = j + 1
                    if tokens[k].key == "the":
                        k += 1
                    for mention, _role in view.clubs:
                        if mention.tok_start == k:
                            nxt = mention.tok_end
                            if (
                                tokens[j].key == "("
                                and nxt < sent.tok_end
                                and tokens[nxt].key == ")"
                            ):
                                ref.entity.set_current(mention.club, 3)
                            elif (nxt < sent.tok_end and tokens[nxt].key in ("'s",)) or (
                                nxt < sent.tok_end and gap_is_modifier(doc, nxt, nxt + 1)[1]
                            ):
                                ref.entity.set_current(mention.club, 4)
            players = {p.entity.index: p.entity for p in view.players if p.entity.is_player}
            # "Barcelona, who sold Neymar to PSG, ...": the player they sold was theirs
            for mention, _role in view.clubs:
                # (the pattern opens with a comma: tested first, without the regex)
                sold = (
                    _WHO_SOLD.match(doc.text, mention.end, sent.end)
                    if doc.text.startswith(",", mention.end)
                    else None
                )
                if sold is not None:
                    for ref in view.players:
                        if ref.entity.is_player and sold.start() <= ref.start < sold.end():
                            ref.entity.set_current(mention.club, 3)
            history = is_history(sent.text, ref_year)
            for mention, role in view.clubs:
                if role in ("seller", "from") or (role == "history" and history):
                    if (
                        history
                        and role == "from"
                        and doc.lower[max(sent.start, mention.start - 6) : mention.start].endswith(
                            "from "
                        )
                        and _OLD_SIGNING.search(sent.text)
                    ):
                        continue  # "signed from Ajax in 2023": where he came from, long ago
                    targets = list(players.values())
                    if len(targets) > 1:
                        # a seller's player comes after it ("PSG sell Mbappe"); a player
                        # leaves "from" a club named after him
                        prefs = [p for p in view.players if p.entity.is_player]
                        after = [p for p in prefs if p.tok_start >= mention.tok_end]
                        before = [p for p in prefs if p.tok_end <= mention.tok_start]
                        if role == "seller" and after:
                            targets = [after[0].entity]
                        elif before:
                            targets = [before[-1].entity]
                        else:
                            targets = [prefs[0].entity]
                    for ent in targets:
                        strength = {"seller": 3, "history": 3}.get(role or "", 2)
                        ent.set_current(mention.club, strength)
            # "Leverkusen boss Xabi Alonso expects the centre-back to leave": his club
            both = bool(view.clubs and view.players)
            low = doc.lower[sent.start : sent.end] if both else ""
            expect = (
                _EXPECT_LEAVE_FAST.search(sent.text)
                if both and ("leave" in low or "depart" in low or "exit" in low or "move on" in low)
                else None
            )
            if expect and view.clubs:
                s0, e0 = sent.start + expect.start(), sent.start + expect.end()
                refs = [p for p in view.players if p.entity.is_player and s0 <= p.start < e0]
                owners = [c for c, r in view.clubs if r not in ("to", "target", "former")]
                if refs and owners:
                    nearest = min(owners, key=lambda c: abs(c.start - s0))
                    refs[0].entity.set_current(nearest.club, 2)
            # "Napoli president De Laurentiis ... the Georgian is not for sale": his club
            keep = (
                _NOT_FOR_SALE_FAST.search(sent.text)
                if both and any(w in low for w in _KEEP_WORDS)
                else None
            )
            if keep:
                offset = sent.start + keep.start()
                owners = [
                    c
                    for c, r in view.clubs
                    if r in (None, "employer", "seller")
                    and c.start < offset
                    # "whom Chelsea want": a suitor, not the club keeping him
                    and not _SUITOR_VERB_AFTER.match(doc.lower, c.end, min(sent.end, c.end + 30))
                ]
                refs = [p for p in view.players if p.entity.is_player]
                if owners and refs:
                    closest = min(refs, key=lambda p: abs(p.start - offset))
                    closest.entity.set_current(owners[-1].club, 2)
            # "with Dejan Lovren likely to leave the club": the club just named
            leave = _LEAVE_CLUB_FAST.search(sent.text) if both and "the club" in low else None
            if leave and view.clubs:
                offset = sent.start + leave.start()
                refs = [p for p in view.players if p.entity.is_player and p.end <= offset]
                clubs_before = [c for c, r in view.clubs if c.end <= offset and r != "former"]
                if refs and clubs_before:
                    refs[-1].entity.set_current(clubs_before[-1].club, 2)

    # ------------------------------------------------------------------ links

    def _links(self, art: _Article, ref_year: int | None) -> list[LinkEvidence]:
        doc = art.doc
        evidences: list[LinkEvidence] = []
        last_player: tuple[int, Entity] | None = None  # (sentence index, entity)
        last_suitors: tuple[int, list[ClubMention]] | None = None
        subject_club = self._subject_club(art)
        for view in art.views:
            sent = view.sent
            explicit_players = [p for p in view.players if p.entity.is_player]
            if subject_club is not None and explicit_players and not sent.headline:
                self._implied_bidder(view, subject_club)
            suitors = [c for c, r in view.clubs if r in (None, "to", "target")]
            strong = any(
                rank(c.status) >= _CONTACT_RANK and not c.negated for c in view.cues
            ) or (
                # "Juventus had also been interested": another suitor of the same player
                # (the regex last: most sentences have no cue)
                not sent.headline
                and any(not c.negated for c in view.cues)
                and _ALSO_FAST.search(sent.text) is not None
                # "X, a youth coach at Y, has also been linked with a role at Z": his business
                and not any(
                    p.explicit
                    and not p.entity.is_player
                    and all(p.start < c.start for c, _r in view.clubs)
                    for p in view.players
                )
                and not _STAFF_JOB_FAST.search(sent.text)
            )
            # a sentence about the topic player without naming him: "bid for him", "This came
            # after a bid from Newcastle"
            if not explicit_players and suitors and last_player is not None and strong:
                s_index, ent = last_player
                # the paragraph's player, one or two sentences back ("X ... Bayern would accept
                # a loan. United and Arsenal have made enquiries")
                near = sent.index - s_index <= 2 and doc.sentences[s_index].para == sent.para
                if (near or (sent.index - s_index <= 2 and has_pronoun(sent.text))) and (
                    ent.current_club is None
                    or any(c.club.name != ent.current_club.name for c in suitors)
                ):
                    view.players.append(
                        PlayerRef(
                            ent, sent.tok_start, sent.tok_start, sent.start, sent.start, False, True
                        )
                    )
            elif (
                not explicit_players
                and suitors
                and last_player is not None
                and sent.index - last_player[0] <= 1
                and doc.sentences[last_player[0]].para >= sent.para - 1
                and (
                    (
                        _OBJECT_PRONOUN.search(sent.text)
                        and (view.cues or any(r in ("to", "target") for _c, r in view.clubs))
                    )
                    # "Los Blancos face competition from Barcelona and Chelsea": more suitors
                    or (
                        _COMPETITION_FAST.search(sent.text)
                        and any(r == "to" for _c, r in view.clubs)
                    )
                )
            ):
                ent = last_player[1]
                if ent.current_club is None or any(
                    c.club.name != ent.current_club.name for c in suitors
                ):
                    view.players.append(
                        PlayerRef(
                            ent, sent.tok_start, sent.tok_start, sent.start, sent.start, False, True
                        )
                    )
            # "X is one of the players Mourinho wants, while Y is another target"
            own_suitors = self._clause_suitors(view) if explicit_players else []
            # (the regex only where its answer is needed)
            listing = (
                bool(explicit_players)
                and bool(
                    own_suitors or (last_suitors is not None and sent.index - last_suitors[0] <= 1)
                )
                and bool(_LIST_WORDS_FAST.search(sent.text))
            )
            if own_suitors and listing:
                self._topic_clubs(view, own_suitors, same_sentence=True)
            # a club's list of targets continued in the next sentence:
            # "Spurs ... another target, while Leicester's Ben Chilwell is being monitored"
            if (
                explicit_players
                and last_suitors is not None
                and listing
                and (sent.index - last_suitors[0] <= 1)
                # a new item in a round-up, after "... (Sun)": its own clubs only
                and not _new_round_up_item(doc, last_suitors[0], sent)
            ):
                self._topic_clubs(view, last_suitors[1])
            found = pair_links(doc, view, ref_year)
            if not found and not view.clubs:
                found = self._stage_without_club(view, evidences)
            evidences.extend(found)
            found_clubs = [
                c
                for c, r in view.clubs
                if r in (None, "to", "target") and any(e.club.name == c.club.name for e in found)
            ]
            interest = any(
                c.status in (Status.INTEREST, Status.MONITORING) and not c.negated
                for c in view.cues
            )
            if found_clubs and not sent.headline:
                last_suitors = (sent.index, found_clubs)
            elif (
                interest
                and not sent.headline
                and ((suitors and not explicit_players) or self._clause_suitors(view))
            ):
                last_suitors = (sent.index, self._clause_suitors(view) or suitors)
            elif last_suitors is not None and sent.index - last_suitors[0] > 1:
                last_suitors = None
            players_here = [p for p in view.players if p.entity.is_player]
            if players_here:
                last_player = (sent.index, players_here[-1].entity)
        return evidences

    @staticmethod
    def _listicle_links(art: _Article) -> list[LinkEvidence]:
        """ "5 Players Liverpool Could Sign ...", then "1. Thomas Lemar", "2. Xherdan Shaqiri":
        each numbered item's player is a target of the club the title names."""
        views = art.views
        items = [
            view
            for view in views
            if view.sent.headline
            and (
                _LIST_ITEM.match(view.sent.text)
                # "1." can end up a sentence of its own, before the name
                or (
                    view.sent.index > 0
                    and _LIST_NUMBER.match(views[view.sent.index - 1].sent.text)
                    and len(view.sent.text.split()) <= 4
                )
            )
            and len([p for p in view.players if p.explicit and p.entity.is_player]) == 1
            and all(_in_brackets(view.sent.text, c, view.sent.start) for c, _r in view.clubs)
        ]
        if len(items) < 2:
            return []
        title = next((v for v in art.views if v.sent.headline and v.clubs), None)
        if title is None or not _LIST_TITLE.search(title.sent.text):
            return []
        clubs = [c for c, r in title.clubs if r in (None, "to", "target")]
        if len(clubs) != 1:
            return []
        out: list[LinkEvidence] = []
        for view in items:
            ref = next(p for p in view.players if p.explicit and p.entity.is_player)
            current = ref.entity.current_club
            if current is None or current.name != clubs[0].club.name:
                out.append(
                    LinkEvidence(
                        ref.entity, clubs[0].club, Status.INTEREST, False, 0.5, view.sent, False
                    )
                )
        return out

    @staticmethod
    def _subject_club(art: _Article) -> ClubRef | None:
        """The club whose business the story is: the subject of its opening sentence (or the
        headline), named at least as often as any other club as a possible buyer."""
        counts: dict[str, int] = {}
        for view in art.views:
            for club, role in view.clubs:
                if role in (None, "to", "target") and club.kind != "topic":
                    counts[club.club.name] = counts.get(club.club.name, 0) + 1
        if not counts:
            return None
        text = art.doc.text
        for view in art.views[:2]:
            for club, role in view.clubs:
                if role not in (None, "to", "target") or club.kind in ("person", "topic"):
                    continue
                at_start = club.tok_start == view.sent.tok_start
                if not (at_start or SUBJECT_NEXT_FAST.match(text[club.end : club.end + 40])):
                    continue
                name = club.club.name
                if counts[name] >= max(counts.values()):
                    return club.club
                return None
            if not view.sent.headline and view.clubs:
                break
        return None

    @staticmethod
    def _implied_bidder(view: SentenceView, subject: ClubRef) -> None:
        """ "Manchester City rejected an approach for Savinho" in a story about another club:
        a bid whose only club in the sentence is the seller is the story's club's bid."""
        if not view.clubs or not any(
            c.status in (Status.BID, Status.BID_REJECTED) and not c.negated for c in view.cues
        ):
            return
        if any(r not in ("seller", "from") or c.club.name == subject.name for c, r in view.clubs):
            return
        anchor = next(p for p in view.players if p.entity.is_player)
        view.clubs.append((_topic_mention(subject, anchor, view.sent.index), None))
        view.clubs.sort(key=lambda item: item[0].start)

    @staticmethod
    def _stage_without_club(
        view: SentenceView, evidences: list[LinkEvidence]
    ) -> list[LinkEvidence]:
        """ "The Dutch forward will undergo a medical on Friday": a late stage stated without a
        club belongs to the player's most recent link."""
        stages: list[Status] = [
            c.status
            for c in view.cues
            if not c.negated
            and c.status in (Status.AGREED, Status.MEDICAL, Status.DONE, Status.COLLAPSED)
        ]
        if not stages:
            return []
        status = strongest(stages)
        out: list[LinkEvidence] = []
        for ref in view.players:
            if not ref.entity.is_player or ref.topic:
                continue
            previous = [e for e in evidences if e.player is ref.entity]
            if not previous:
                continue
            last = previous[-1]
            if any(e.player is ref.entity for e in out):
                continue
            out.append(
                LinkEvidence(ref.entity, last.club, status, False, 0.5, view.sent, not ref.explicit)
            )
        return out

    @staticmethod
    def _clause_suitors(view: SentenceView) -> list[ClubMention]:
        """Clubs that want someone in their own clause: "... Mourinho wants"."""
        currents = {
            p.entity.current_club.name for p in view.players if p.entity.current_club is not None
        }
        text = view.sent.text
        spans = clause_spans(text)
        out: list[ClubMention] = []
        for club, role in view.clubs:
            if role not in (None, "to", "target") or club.club.name in currents:
                continue
            rel = club.start - view.sent.start
            for cs, ce in spans:
                if cs <= rel < ce:
                    # a clause without a cue adds nothing: the regex only for the others
                    if not any(cs <= c.start < ce and not c.negated for c in view.cues):
                        break
                    if _REPLACE_WORDS_FAST.search(text[cs:ce]):
                        break
                    out.append(club)
                    break
        return out

    @staticmethod
    def _topic_clubs(
        view: SentenceView, clubs: list[ClubMention], same_sentence: bool = False
    ) -> None:
        text = view.sent.text
        spans = clause_spans(text)
        named_here = {c.club.name for c, _r in view.clubs}
        for cs, ce in spans:
            refs = [
                p
                for p in view.players
                if p.explicit and p.entity.is_player and cs <= p.start - view.sent.start < ce
            ]
            if not refs:
                continue
            anchor = refs[0]
            current = anchor.entity.current_club
            own = [
                c
                for c, r in view.clubs
                if r in (None, "to", "target")
                and cs <= c.start - view.sent.start < ce
                and c.kind != "topic"
                and (current is None or c.club.name != current.name)
            ]
            if own:
                continue
            cues = [
                c
                for c in view.cues
                if cs <= c.start < ce
                and not c.negated
                and c.status in (Status.INTEREST, Status.MONITORING, Status.CONTACT)
            ]
            if not cues:
                continue
            anchor = refs[0]
            for club in clubs:
                if club.club.name in named_here and not same_sentence:
                    continue  # the sentence says itself what that club is doing
                if same_sentence and not _LIST_WORDS_FAST.search(text[cs:ce]):
                    continue
                if anchor.entity.current_club is not None and (
                    anchor.entity.current_club.name == club.club.name
                ):
                    continue
                view.clubs.append((_topic_mention(club.club, anchor, view.sent.index), None))

    def _aggregate(
        self,
        art: _Article,
        evidences: list[LinkEvidence],
        credits: dict[int, list[str]],
        publisher: OutletRef | None,
    ) -> list[LinkFact]:
        grouped: dict[tuple[int, str], list[LinkEvidence]] = {}
        for ev in evidences:
            grouped.setdefault((ev.player.index, ev.club.name), []).append(ev)
        links: list[LinkFact] = []
        for (_pid, _club), items in grouped.items():
            player = items[0].player
            club = items[0].club
            if player.current_club is not None and player.current_club.name == club.name:
                continue
            positive = [
                e for e in items if e.status is not None and e.status not in (Status.DENIED,)
            ]
            if not positive:
                continue  # a denial alone is not a link
            statuses = [e.status for e in positive if e.status is not None]
            status = strongest(statuses)
            if any(e.denial for e in items) and rank(status) < _DONE_RANK:
                denial_only = [e for e in items if e.denial]
                if all(
                    e.sentence.index >= max(p.sentence.index for p in positive) for e in denial_only
                ):
                    status = Status.DENIED
            best = max(positive, key=lambda e: (e.confidence, -e.sentence.index))
            confidence = min(
                0.98, best.confidence + 0.04 * (len({e.sentence.index for e in positive}) - 1)
            )
            sources = self._sources_for(items, art, credits, publisher)
            links.append(
                LinkFact(
                    player=player.canonical,
                    to_club=club.name,
                    from_club=player.current_club.name if player.current_club else None,
                    status=status,
                    confidence=round(confidence, 2),
                    evidence=best.sentence.text,
                    sources=tuple(sources),
                )
            )
        return links

    @staticmethod
    def _sources_for(
        items: list[LinkEvidence],
        art: _Article,
        credits: dict[int, list[str]],
        publisher: OutletRef | None,
    ) -> list[str]:
        """Who is credited for a link: credits in its own evidence sentences; else in sentences
        about the same player and club, then the same player; else credits in sentences about no
        other player (the article's general source); else the publisher."""
        player = items[0].player
        club = items[0].club.name
        found = _collect_credits(credits, [e.sentence.index for e in items])
        if found:
            return found
        # the same paragraph ("... from Chelsea. (Mail)")
        paragraphs = {e.sentence.para for e in items}
        found = _collect_credits(
            credits, [i for i in credits if art.doc.sentences[i].para in paragraphs]
        )
        if found:
            return found
        credited = [i for i in credits if credits[i]]
        about: dict[int, tuple[bool, bool, bool]] = {}
        for index in credited:
            view = art.views[index]
            names_player = any(p.entity is player for p in view.players)
            names_club = any(c.club.name == club for c, _r in view.clubs)
            others = any(p.entity is not player and p.entity.is_player for p in view.players)
            about[index] = (names_player, names_club, others)
        for wanted in (
            [i for i, (p, c, _o) in about.items() if p and c],
            [i for i, (p, _c, _o) in about.items() if p],
            [i for i, (p, _c, o) in about.items() if not p and not o],
            credited,
        ):
            found = _collect_credits(credits, wanted)
            if found:
                return found
        return [publisher.name] if publisher is not None else []

    # ------------------------------------------------------------------ fees

    def _fees(self, art: _Article, ref_year: int | None) -> list[FeeFact]:
        doc = art.doc
        fees: list[FeeFact] = []
        seen: set[tuple[int, int, str]] = set()
        last_player: tuple[int, Entity] | None = None
        recent_players: list[tuple[int, Entity]] = []
        figures = parse_money(doc.text, doc.lower)
        fig_index = 0
        for view in art.views:
            sent = view.sent
            sent_figures = []
            while fig_index < len(figures) and figures[fig_index].start < sent.end:
                if figures[fig_index].start >= sent.start:
                    sent_figures.append(figures[fig_index])
                fig_index += 1
            players = [p for p in view.players if p.entity.is_player and not p.topic]
            history = is_history(sent.text, ref_year)
            clauses = clause_spans(sent.text)
            for money in sent_figures:
                rel_start, rel_end = money.start - sent.start, money.end - sent.start
                clause_start = 0
                for cs, ce in clauses:
                    if cs <= rel_start < ce:
                        clause_start = cs
                ctx = FeeContext(
                    sent.text[max(0, clause_start - 0) : rel_start][-120:],
                    sent.text[rel_end:][:120],
                )
                # "spent heavily on Matic (£21m)": a bracketed figure after a name is his
                if not_a_player_fee(ctx) and not _BRACKET_AFTER_WORD.search(ctx.before):
                    continue
                kind = fee_kind(money, ctx)
                if history and kind.value == "fee":
                    continue
                player = self._fee_player(doc, money.start, money.end, players)
                if player is None:
                    # "Betis are holding out for £70m": the recent player whose club that is
                    player = self._sellers_player(view, recent_players)
                if player is None:
                    if (
                        last_player is not None
                        and sent.index - last_player[0] <= 2
                        and doc.sentences[last_player[0]].para >= sent.para - 1
                        and not _new_round_up_item(doc, last_player[0], sent)
                        and fee_words(sent.text)
                    ):
                        player = last_player[1]
                    else:
                        continue
                key = (player.index, money.amount, money.currency)
                if key in seen:
                    continue
                seen.add(key)
                to_club: str | None = None
                if not clubless(kind):
                    to_club = self._paying_club(view, player, money.start)
                fees.append(
                    FeeFact(
                        player=player.canonical,
                        to_club=to_club,
                        amount=money.amount,
                        currency=money.currency,
                        kind=kind,
                        evidence=sent.text,
                    )
                )
            if players:
                last_player = (sent.index, players[-1].entity)
                recent_players = [
                    (i, e) for i, e in recent_players if sent.index - i <= 3 and e is not None
                ] + [(sent.index, p.entity) for p in players]
        return fees

    @staticmethod
    def _sellers_player(
        view: SentenceView, recent: list[tuple[int, Entity]]
    ) -> Entity | None:
        sellers = {c.club.name for c, r in view.clubs if r in ("seller", "from")}
        if not sellers:
            return None
        for index, ent in reversed(recent):
            if view.sent.index - index > 3:
                break
            if ent.current_club is not None and ent.current_club.name in sellers:
                return ent
        return None

    @staticmethod
    def _fee_player(doc: Doc, start: int, end: int, players: list[PlayerRef]) -> Entity | None:
        if not players:
            return None
        # players in the figure's own clause first ("with Lovren likely to leave if another side
        # meets their valuation of £10m, Dias could ...")
        left = max(
            doc.text.rfind(",", 0, start),
            doc.text.rfind(";", 0, start),
            doc.text.rfind(". ", 0, start),
        )
        right_candidates = [
            p
            for p in (doc.text.find(",", end), doc.text.find(";", end), doc.text.find(". ", end))
            if p >= 0
        ]
        right = min(right_candidates) if right_candidates else len(doc.text)
        same = [r for r in players if r.start > left and r.end <= right]
        if same:
            players = same
        elif left >= 0 and doc.text[left] == "," and _APPOSITIVE.match(doc.text, left + 1, start):
            # "Wirtz, bought from Leverkusen for £116m, and Ekitike": the appositive's player
            for ref in players:
                if 0 <= left - ref.end <= 1:
                    return ref.entity
        # "Raheem Sterling (£49m) and Fabian Delph": a figure in brackets after a name is his
        for ref in players:
            bracketed = ref.end <= start and _BRACKET_GAP.fullmatch(doc.text, ref.end, start)
            if ref.explicit and bracketed:
                return ref.entity
        # "£35m for Alisson and £20m for Napoli midfielder Jorginho": the figure's "for" object
        for ref in players:
            if ref.start >= end and ref.explicit and _FOR_OBJECT.match(doc.text, end, ref.start):
                return ref.entity
        best: tuple[float, Entity] | None = None
        for ref in players:
            if ref.end <= start:
                gap = doc.text[ref.end : start]
                distance = float(len(gap))
                if ref.explicit and not ref.entity.is_player:
                    continue
            else:
                gap = doc.text[end : ref.start]
                distance = len(gap) * (
                    0.6 if _FOR_OF_ON_AHEAD.match(gap + " ") else 1.0
                )
            if _CLAUSE_MARK.search(gap):
                distance = distance * 2.5 + 40  # another clause: weaker
            if best is None or distance < best[0]:
                best = (distance, ref.entity)
        return best[1] if best else None

    @staticmethod
    def _paying_club(view: SentenceView, player: Entity, offset: int) -> str | None:
        candidates = [
            mention
            for mention, role in view.clubs
            if role not in ("former", "against", "seller", "from", "employer")
            and (player.current_club is None or mention.club.name != player.current_club.name)
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda m: abs(m.start - offset)).club.name

    # ------------------------------------------------------------------ people and outlets

    def _person_name(self, ent: Entity) -> str:
        if ent.ref is not None and len(ent.keys) <= len(fold(ent.ref.name).split()):
            return ent.ref.name
        if ent.ref is not None and fold(ent.ref.name) != " ".join(ent.keys):
            return ent.ref.name
        return ent.canonical

    def _credits(self, art: _Article) -> dict[int, list[str]]:
        """Outlets and journalists credited, by sentence: known outlets, journalists, and
        unknown names in credit phrases ("according to X", "via X", "as per X")."""
        credits: dict[int, list[str]] = {}
        for m in art.outlets:
            credits.setdefault(m.sent, []).append(m.name)
        for ent in art.entities:
            if ent.role == "journalist":
                for mention in ent.mentions:
                    credits.setdefault(mention.sent, []).append(self._person_name(ent))
        known = {fold(n) for names in credits.values() for n in names}
        entity_keys = {" ".join(e.keys) for e in art.entities}
        club_names = {fold(c.club.name) for c in art.clubs}
        for sent in art.doc.sentences:
            text = sent.text
            if (
                "ccording" not in text
                and "via" not in text
                and "per " not in text
                and " by " not in text
            ):
                continue
            for match in _CREDIT_NAME.finditer(text):
                if _QUOTE_CREDIT_FAST.search(text[max(0, match.start() - 20) : match.start() + 5]):
                    continue  # "saying (via Liverpool.com)": the source of a quote
                name = match.group(1).strip(" .'")
                key = fold(name)
                if not key or key in entity_keys or key in club_names:
                    continue
                if any(key.endswith(k) or k.endswith(key) for k in entity_keys if k):
                    continue
                if self.clubs.surfaces.get(tuple(key.split())) is not None:
                    continue
                if key in ("reports", "report", "sources", "a report", "multiple sources"):
                    continue
                if key in known and name not in credits.get(sent.index, []):
                    continue
                credits.setdefault(sent.index, []).append(name)
                known.add(key)
        return credits

    @staticmethod
    def _outlet_names(credits: dict[int, list[str]]) -> list[str]:
        seen: dict[str, str] = {}
        for index in sorted(credits):
            for name in credits[index]:
                seen.setdefault(fold(name), name)
        return list(seen.values())

    def _fill_people(self, art: _Article, result: Extraction) -> None:
        in_links = {link.player for link in result.links} | {fee.player for fee in result.fees}
        players: list[PlayerFact] = []
        people: list[PersonFact] = []
        seen_people: set[str] = set()
        for ent in art.entities:
            if ent.is_player:
                if (
                    ent.canonical in in_links
                    or ent.current_club is not None
                    or (ent.player_evidence > 0)
                ):
                    players.append(
                        PlayerFact(
                            ent.canonical, ent.current_club.name if ent.current_club else None
                        )
                    )
            else:
                name = self._person_name(ent)
                if name not in seen_people:
                    seen_people.add(name)
                    people.append(PersonFact(name, ent.role or "manager"))
        result.players = players
        result.people = people


_DEFAULT: dict[int, Extractor] = {}


def extract(
    text: str,
    reference: ReferenceData,
    *,
    published: date | None = None,
    source: str | None = None,
) -> Extraction:
    """One-off extraction; reuses a compiled Extractor per ReferenceData object."""
    key = id(reference)
    extractor = _DEFAULT.get(key)
    if extractor is None or extractor.reference is not reference:
        if len(_DEFAULT) > 8:
            _DEFAULT.clear()
        extractor = Extractor(reference)
        _DEFAULT[key] = extractor
    return extractor.extract(text, published=published, source=source)


__all__ = ["ClubRef", "Extractor", "extract"]

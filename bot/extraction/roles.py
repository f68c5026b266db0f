"""What a club mention is doing in its sentence: the player's current club ("Atalanta's Teun
Koopmeiners", "Stuttgart centre-back Waldemar Anton", "Porto are willing to let Marega go"),
a suitor ("Man Utd target Harry Kane", "a move to Anfield"), a former club, an opponent, or the
employer of a manager named next to it ("Spurs boss Jose Mourinho")."""

from __future__ import annotations

import re
from typing import Final

from bot.extraction.clubs import ClubMention
from bot.extraction.lexicon import (
    COUNTRIES,
    DESCRIPTOR_FILLERS,
    FORMER_WORDS,
    NATIONALITY_COUNTRY,
    PLAYER_NOUNS,
    POSITION_NOUNS,
    ROLE_NOUNS,
)
from bot.extraction.status import literal_gate
from bot.extraction.textutil import Doc, Token

_AGE: Final = re.compile(r"^\d{1,2}-year-old$")


def _is_age(key: str) -> bool:
    """ "27-year-old" (the substring test first: most keys are not ages)."""
    return "-year-old" in key and _AGE.match(key) is not None


_COUNTRY_PARTS: Final = frozenset(
    (
        "south",
        "north",
        "saudi",
        "ivory",
        "cape",
        "costa",
        "sierra",
        "burkina",
        "new",
        "united",
        "states",
        "republic",
        "arab",
        "dr",
        "under-21",
        "under-23",
        "olympic",
    )
)

# After the club: the club is selling or keeping the player (so it is his current club).
_SELLER_AFTER: Final = re.compile(
    r"^(?:'s?)?\s*(?:\S+\s+){0,6}?(?:(?:are|is|were|was)\s+(?:\S+\s+){0,2}?(?:willing|prepared|ready"
    r"|open|happy|resigned|reluctant|unwilling|determined|keen)\s+to\s+(?:let|sell|keep|cash|the\s+fact"
    r"|losing|lose"
    r"|part|offload|accept|hold|listen|sanction)|(?:want|wants|wanting|demand(?:ed|s|ing)?|valu(?:e|ed|ing)"
    r"|slapped|set)\s+(?:\S+\s+){0,3}?(?:£|€|\$|\d[\d.,]*|a\s+(?:price|fee|valuation))"
    # "have been rebuffed by": a passive rejection is the bidder's, not the seller's
    r"|(?<!been\s)(?<!were\s)(?<!was\s)(?<!being\s)(?:reject(?:ed|s)?"
    r"|turn(?:ed|s|ing)?\s+down|rebuff(?:ed|s)?|knock(?:ed|s)?\s+back)|(?:by|from|after|through)\s+selling|selling\s+(?!point)|accept(?:ed|s|ing)?\s+"
    r"(?:\S+\s+){0,7}?(?:bids?|offers?)|rejecting|sell|sold|let\s+\S+\s+(?:go|leave)|to\s+let|keep|hold\s+on\s+to|sale\s+of"
    r"|refus(?:ed|e|es|ing)\s+to\s+(?:sanction|let|release|sell|entertain|accept|budge)"
    r"|(?:are|is|were|was)\s+(?:\S+\s+)?(?:weighing|considering|mulling|assessing|studying"
    r"|evaluating|discussing)\s+(?:up\s+|over\s+)?(?:a|an|the)\s+(?:\S+\s+){0,3}?(?:offer|bid|proposal"
    r"|approach)\s+from"
    r"|resist(?:s|ed|ing)?\s+(?:\S+\s+){0,2}?(?:offers?|bids?|interest|approach(?:es)?|advances)"
    r"|brac(?:e|es|ed|ing)\s+(?:\S+\s+){0,2}?for\s+(?:\S+\s+)?(?:offers|bids|interest|approaches)"
    # "would accept around €50m", "insist Zaha, 26, will not leave for less than £80m"
    r"|accept(?:ed|s|ing)?\s+(?:\S+\s+){0,3}?(?:£|€|\$|\d)"
    r"|insist(?:s|ed)?\s+(?:that\s+)?(?:\S+\s+){1,5}?(?:will|would|is|are)\s+not\s+(?:leave|be\s+sold"
    r"|for\s+sale|going\s+anywhere)"
    # "pull out of the Toney sale", "called off his move to Chelsea": the club that sells
    r"|(?:call(?:s|ed|ing)?\s+off|pull(?:s|ed|ing)?\s+out\s+of)\s+(?:\S+\s+){0,4}?(?:sale|move\s+to)"
    r"|(?:hold|holds|held|have|has|retain|retains|inserted|included)\s+(?:a|an)\s+(?:\S+\s+){0,4}?"
    r"sell-on|(?:are|is)\s+(?:\S+\s+){0,2}?(?:prepared|ready|braced)\s+for\s+life\s+without"
    r"|'s?\s+(?:\S+\s+){0,2}?(?:contract|wage)\s+offer"
    r"|receiv(?:e|ed|es|ing)\s+(?:a|an|the)\s+(?:\S+\s+){0,2}?(?:bids?|offers?|proposals?|approach"
    r"|communication|notification|enquiry|request)"
    r"|'s?\s+(?:\S+\s+){0,2}?offer\s+of\s+(?:\S+\s+){0,2}?[£€$]?[\d,.]+\S*\s+(?:a|per)[\s-]week"
    r"|(?:do|does|did)\s+not\s+want\s+to\s+(?:sell|lose|hear\s+about\s+(?:a|any)\s+sale)"
    r"|(?:could|may|might|set\s+to|likely\s+to|face|facing|fear)\s+(?:losing|lose)"
    r"|offload(?:s|ed|ing)?|cash\s+in|under\s+no\s+pressure|not\s+(?:interested\s+in|willing\s+to)\s+(?:making\s+)?"
    r"(?:any\s+)?(?:sale|sell)|asking\s+price|valuation|price\s+tag|(?:\S+\s+)?release\s+clause"
    r"|(?:(?:are|is)\s+(?:\S+\s+){0,2}?)?(?:holding\s+out|standing\s+firm|holding\s+firm)"
    r"|(?:are|is|were|was)\s+(?:\S+\s+){0,2}?(?:unsure|uncertain|worried|sweating|concerned)\s+"
    r"(?:of|over|about)\s+(?:his|the\s+player's|the\s+\S+'s)"
    r"|(?:offer(?:ed)?|hand(?:ed)?)\s+(?:him|\S+)\s+(?:a\s+)?(?:new|improved|fresh)\s+(?:contract|deal|terms)"
    r"|(?:renewal|extension)\s+talks"
    r"|(?:are|is)\s+(?:\S+\s+){0,2}?(?:ready|willing|prepared|set)\s+to\s+offer\s+"
    r"(?:(?![£€$])\S+\s+){1,6}?to\s)\b",
)
# Before the club: the player belongs to it or is leaving it.
_FROM_BEFORE: Final = re.compile(
    r"(?:\bfrom|\bleave|\bleaving|\bleft|\bexit|\bquit|\bdepart\w*\s+from|\bcontract\s+with"
    r"|\bcontract\s+at|\bbeen\s+with|\bstay\s+(?:at|with)|\bfuture\s+at|\bcareer\s+at"
    r"|\bscored\s+\d+\s+goals?(?:\s+\S+){0,6}\s+for|\bgames\s+for|\bappearances\s+for|\bplays\s+for"
    r"|\bplaying\s+for|\b(?:this|last)\s+season\s+for|\bfee\s+(?:\S+\s+){0,5}(?:with|between)"
    r"|\bcurrent\s+(?:deal|contract)\s+(?:in|at|with)|\bdeal\s+with|\bagreement\s+with|\btalks\s+with|\bnegotiations\s+with"
    r"|\bcontact\s+with|\bdiscussions\s+with|\btalks\s+with|\bcontacted|\bapproached|\basked|\bsounded\s+out"
    r"|\b(?:talks|discussions|negotiations)\s+(?:about|over|regarding|for)\s+(?:\S+\s+){1,4}?with"
    r"|\b(?:rebuffed|rejected|snubbed|knocked\s+back|turned\s+down|accepted|sanctioned)\s+by"
    r"|\b(?:pay|pays|paid|paying)"
    r"|\b(?:renewal|extension|new\s+contract|new\s+deal)\s+(?:talks\s+)?(?:at|with|in)"
    r"|\bsale\s+to|\bloan\s+(?:at|with)|\bstruggled\s+(?:at|for)|\bsurplus\s+to\s+requirements\s+at"
    r"|\bcurrent\s+club|\bparent\s+club|\bstint\s+(?:at|with)"
    r"|\b(?:out\s+of\s+favou?r|frozen\s+out|unhappy|unsettled|settled|happy|struggling|first-choice"
    r"|a\s+regular|(?:a\s+)?bit-part\s+player|on\s+the\s+fringes|minutes)\s+(?:at|with|for))\s+(?:\S+\s+)?$",
)
_SELLER_GATE: Final = literal_gate(_SELLER_AFTER)
_FROM_GATE: Final = literal_gate(_FROM_BEFORE)
_AGAINST_BEFORE: Final = re.compile(
    r"(?:\bagainst|\bvs\.?|\bversus|\bbeat|\bbeating|\bdefeat(?:ed)?|\bdraw\s+with|\bwin\s+over"
    r"|\bloss\s+to|\blost\s+to|\bwin\s+against|\bvictory\s+over|\bbehind|\btrailing"
    # "Sunday's opener at Sheffield Wednesday", "Monday's trip to Anfield": a fixture
    r"|\b(?:opener|game|match|fixture|clash|trip|visit|tie|derby|friendly|meeting|showdown)\s+"
    r"(?:away\s+)?(?:at|to|against|with|versus|v)"
    r")\s+(?:\S+\s+)?$",
)
_SUITOR_BEFORE: Final = re.compile(
    r"(?:\bto|\bjoin|\bjoining|\bjoined|\bfor|\bfrom|\bby|\bwith|\binto|\bat)\s+(?:the\s+)?$"
)
_TO_BEFORE: Final = re.compile(
    r"(?:\bmove\s+to|\bswitch\s+to|\btransfer\s+to|\bway\s+to|\bjoin|\bjoining|\bsent\s+to"
    r"|\bsending\s+\S+(?:\s+\S+){0,3}\s+to|\bsold\s+(?:\S+\s+){1,5}to|\breturn\s+to|\bbound\s+for"
    r"|\bmove\s+from\s+\S+(?:\s+\S+)?\s+to|\bloan\s+to|\bto)\s+(?:the\s+)?$",
)
_PAYER_AFTER: Final = re.compile(
    # only auxiliaries and adverbs between the club and the verb: "Stoke's relegation triggered
    # a release clause" is not Stoke paying
    r"^\s*(?:(?:are|is|have|has|had|were|was|will|would|could|can|may|might|be|been|being"
    r"|willing|ready|prepared|set|able|to|likely|expected|poised|now|already|finally|also|happy"
    r"|keen|planning|plan|hoping|hope|looking|look|reportedly|understood|believed|said|thought"
    r"|still|even|then|duly|quickly|eventually|since|just|preparing|prepare|considering|intend"
    r"|intending|want|wants|wanting|decided|decide|agreed|agree|plotting|poised|ready|eager)\s+){0,5}?"
    r"(?:pay|paying|paid|trigger|triggering|triggered|activate"
    r"|activating|activated|meet|meeting|met)"
    r"\s+(?:\S+\s+){0,4}?(?:release|buy-?out|clause|fee|asking|valuation|price)"
)
# cheap substring gates: a pattern can only match if one of these is in the window
_AGAINST_WORDS = (
    "against",
    "vs",
    "versus",
    "beat",
    "defeat",
    "draw",
    "win",
    "loss",
    "lost",
    "victory",
    "behind",
    "trailing",
    "opener",
    "game",
    "match",
    "fixture",
    "clash",
    "trip",
    "visit",
    "tie",
    "derby",
    "friendly",
    "meeting",
    "showdown",
)
_TOLD_ENDINGS = ("let ", "told ", "informed ", "notified ")
_TOLD_BEFORE: Final = re.compile(r"\b(?:has|have|had)\s+(?:let|told|informed|notified)\s+$")
_RELATIVE_CLAUSE: Final = re.compile(r"^,\s+(?:who|which)\s+[^,()]*(?:\([^()]*\)[^,()]*)?,\s*")
_MAIN_PURSUIT: Final = re.compile(
    r"(?:are|is|have|has|were|was)\s+(?:\S+\s+){0,2}?(?:considering|weighing|eyeing|monitoring"
    r"|tracking|interested|keen|chasing|pursuing|plotting|preparing|ready\s+to\s+(?:bid|offer|make)"
    r"|in\s+talks|made|submitted|lodged|launched|opened)\b"
)
_CONTRAST_BREAK: Final = re.compile(
    r",\s*(?:but|while|whilst|although|though|whereas|yet|insisting|adding|saying|claiming"
    r"|stating|explaining|arguing)\s+(?![,])"
)
# "Ajax player of the season", "a Newcastle player": his own club
_OWN_CLUB_AFTER: Final = re.compile(
    r"^\s+(?:player|captain|skipper)\s+of\s+the\s+(?:season|year|month)\b"
)
_IS_A_ENDINGS = ("is a ", "is an ", "remains a ", "remains an ", "still a ", "still an ")
_PLAYER_AFTER: Final = re.compile(r"^\s+(?:player|man)\b")
# "the Brentford squad", "his Brentford contract", "their Chelsea team-mates": his own club
_DETERMINER_ENDINGS = ("the ", "his ", "her ", "their ")
_SQUAD_AFTER: Final = re.compile(
    r"^\s+(?:first[- ]team|squad|contract|shirt|dressing\s+room|team-?mates?|academy|fans"
    r"|supporters|faithful|career|starting\s+(?:xi|line-?up|eleven)|line-?up|bench|debut|medical"
    r"\s+staff|youth\s+(?:team|ranks|set-?up)|side\s+(?:this|last)\s+season)\b"
)
# "would walk into the Liverpool first team", "to strengthen the Chelsea squad": a suitor's
_SQUAD_SUITOR_BEFORE: Final = re.compile(
    r"\b(?:into|strengthen\w*|bolster\w*|improv\w*|add\w*\s+to|boost\w*|fit\w*|join\w*"
    r"|integrat\w*|reinforc\w*|break\w*\s+into|place\s+in|spot\s+in|role\s+in)\s+(?:\S+\s+)?$"
)
_BACKGROUND_WORDS = ("join", "sign", "mov", "arriv", "came", "coming", "cost")
_HISTORY_WORDS = ("joined", "signed", "moved", "came", "academy", "went", "opted", "was", "spent")
_PAYER_WORDS = ("pay", "trigger", "activat", "meet")
_SUITOR_FROM_BEFORE: Final = re.compile(
    r"\b(?:bids?|offers?|interest|approach(?:es)?|enquir(?:y|ies)|inquir(?:y|ies)|contact|proposals?"
    r"|communication|notification|confirmation|request"
    r"|attention|calls?|talks|competition|advances|overtures|suitors)"
    r"\s+(?:(?:of|worth)\s+(?:around\s+|about\s+|up\s+to\s+)?\S*\d\S*\s+(?:million\s+|m\s+)?)?"
    r"from\s+(?:the\s+)?"
    r"(?:rivals?\s+|fellow\s+|[a-z]+\s+league\s+(?:side|club)\s+)?$",
)
_COUNTERPART_TO: Final = re.compile(
    r"\b(?:approach|bid|bids|offer|offers|enquiry|inquiry|proposal|proposals|request|approaches)"
    r"\s+(?:(?:of|worth)\s+(?:\S+\s+){1,7}?)?to\s+(?:the\s+)?$"
)
# "will present to Manchester United an offer of €65m": the club the offer goes to
_OFFER_FOLLOWS: Final = re.compile(
    r"^\s*(?:an?|their|his|its|the)\s+(?:\S+\s+){0,3}?(?:offer|bid|proposal|approach)s?\b"
)
# "coached the left-back at Sporting", "worked with Felix at Benfica": a shared past club
_SHARED_PAST_BEFORE: Final = re.compile(
    r"\b(?:coached|managed|worked\s+with|played\s+(?:alongside|with|under))\s+(?:\S+\s+){1,4}?"
    r"(?:at|with|for)\s+$"
)
_BACKGROUND_CLAUSE: Final = re.compile(
    r"\b(?:who|since|after|before|having)\s+(?:(?:first|originally|only|previously|initially)\s+)?"
    r"(?:joined|joining|signed\s+for|signing\s+for|moved\s+to|moving\s+to|arrived\s+at"
    r"|arriving\s+at|came\s+through|coming\s+through|cost)\s+(?:\S+\s+){0,3}$"
)
_HISTORY_BEFORE: Final = re.compile(
    r"\b(?:joined|signed\s+for|moved\s+to|came\s+through|academy\s+at|(?:went|opted\s+to\s+go"
    r"|was\s+(?:loaned|sent)|spent\s+\S+\s+\S+)\s+(?:out\s+)?(?:on\s+loan\s+)?(?:to|at|with))\s+$",
)


def gap_is_modifier(doc: Doc, start_tok: int, end_tok: int) -> tuple[bool, bool]:
    """Tokens between a club and a name: (only modifiers, contains a position noun or 's)."""
    tokens = doc.tokens
    saw_head = False
    for k in range(start_tok, end_tok):
        key = tokens[k].key
        if key in ("'s", "'"):
            saw_head = True
            continue
        if key in POSITION_NOUNS or key in PLAYER_NOUNS or _is_age(key):
            saw_head = True
            continue
        if (
            key in NATIONALITY_COUNTRY
            or key in DESCRIPTOR_FILLERS
            or key
            in (
                "-",
                "out",
                "of",
                "favour",
                "favor",
                "and",
                "loan",
                "first-team",
                "senior",
                "u21",
                "under-21",
                "club",
                "record",
                "signing",
                "no",
                ".",
                "new",
                "academy",
                "first",
            )
            or key.isdigit()
        ):
            continue
        if tokens[k].cap and (key in COUNTRIES or key in _COUNTRY_PARTS):
            continue  # "Napoli's Georgia winger", "Tottenham's South Korea forward"
        return False, saw_head
    return True, saw_head


_TO_ENDINGS = ("to", "join", "joining", "for")


def _to_ending(text: str) -> bool:
    """Cheap necessary test for ``_TO_BEFORE``: the window ends in "to", "join", "joining" or
    "for", perhaps followed by "the", then whitespace."""
    stripped = text.rstrip()
    if stripped.endswith(_TO_ENDINGS):
        return True
    return stripped.endswith("the") and stripped[:-3].rstrip().endswith(_TO_ENDINGS)


_SALE_AFTER: Final = re.compile(
    r"^\s*(?:over|for|about|regarding)\s+(?:the\s+|a\s+)?(?:\S+\s+)?(?:sale|departure|exit)\b"
)
_SINCE_AFTER: Final = re.compile(r"^\s*(?:since|until|till)\b")
_WITH_AT_BEFORE: Final = re.compile(r"\b(?:with|at)\s+$")
_SEASON_AFTER: Final = re.compile(r"^(?:'s)?\s+(?:this|last)\s+season")
_FOR_BEFORE: Final = re.compile(r"\bfor\s+$")
_CAREER_AFTER: Final = re.compile(r"^'s\s+(?:\S+\s+)?career\b")


# a club right after "offer" as a verb receives the offer ("an offer Chelsea made" is a noun,
# "was offered to Chelsea" has "to" before the club)
_OFFER_CLUB_BEFORE: Final = re.compile(
    r"(?:\b(?:to|will|would|could|can|might|may|and|have|has|had)\s+offer|\boffered|\boffering)\s+$"
)
_OFFER_ENDINGS: Final = ("offer ", "offered ", "offering ")


_HAD_BID_REJECTED_AFTER: Final = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:have|has|had)\s+(?:\S+\s+)?had\s+(?:a|an|their|its|two|three"
    r"|another|an\s+opening|a\s+second|a\s+third)\s+(?:\S+\s+){0,3}?(?:bid|offer|approach"
    r"|proposal)s?\s+(?:\S+\s+){0,3}?(?:rejected|turned\s+down|knocked\s+back|rebuffed|snubbed)"
)


_ARROWS: Final = frozenset({"→", "➡", "⇒", "➔", "➜", "⟶", "⇨"})
_VARIATION: Final = frozenset({"️", "︎"})


def _arrow_side(tokens: list[Token], mention: ClubMention, first: int, end: int) -> str | None:
    """ "Marmoush: Eintracht Frankfurt → Manchester City", "Felix (Chelsea ➡️ Al Nassr)": the
    club after an arrow is the destination, the club before it the one left."""
    k = mention.tok_start - 1
    while k >= first and tokens[k].text in _VARIATION:
        k -= 1
    if k >= first and (
        tokens[k].text in _ARROWS
        or (tokens[k].text == ">" and k > first and tokens[k - 1].text in ("-", "="))
    ):
        return "to"
    k = mention.tok_end
    while k < end and tokens[k].text in _VARIATION:
        k += 1
    if k < end and (
        tokens[k].text in _ARROWS
        or (tokens[k].text in ("-", "=") and k + 1 < end and tokens[k + 1].text == ">")
    ):
        return "from"
    return None


def club_role(doc: Doc, mention: ClubMention, next_club_start: int | None = None) -> str | None:
    """'former', 'against', 'seller', 'from', 'to', 'history', 'target' or None.

    ``next_club_start``: where the next club named in the sentence begins. What is said after
    it is about that club ("X is a target for Arsenal, with Brentford demanding £80m"), so the
    window read after this mention stops there."""
    tokens = doc.tokens
    sent = doc.sentences[mention.sent]
    # windows of the A-Z-lower-cased text: the patterns are lower-case, no re.IGNORECASE
    before_text = doc.lower[max(sent.start, mention.start - 60) : mention.start]
    after_end = min(sent.end, mention.end + 90)
    if next_club_start is not None and mention.end <= next_club_start < after_end:
        # the next club stays visible as a word ("ready to offer X to <club>")
        after_text = doc.lower[mention.end : next_club_start] + "club"
    else:
        after_text = doc.lower[mention.end : after_end]
    # "linked with Barcelona, but Kompany wants to keep him": a contrast opens another subject
    # (each regex below behind a cheap test for a word or character it needs: most windows
    # have none, and a regex call costs more than a substring test)
    contrast = _CONTRAST_BREAK.search(after_text) if "," in after_text else None
    if contrast is not None:
        after_text = after_text[: contrast.start()]
    prev = tokens[mention.tok_start - 1] if mention.tok_start > sent.tok_start else None
    if prev is not None and (prev.key in FORMER_WORDS or prev.key.startswith("ex-")):
        return "former"
    arrow = _arrow_side(tokens, mention, sent.tok_start, sent.tok_end)
    if arrow is not None:
        return arrow
    if (
        prev is not None
        and prev.key == "-"
        and mention.tok_start - 2 >= sent.tok_start
        and (tokens[mention.tok_start - 2].key == "ex")
    ):
        return "former"
    nxt = tokens[mention.tok_end] if mention.tok_end < sent.tok_end else None
    if nxt is not None and nxt.key in ("target", "targets", "-bound", "bound", "suitors"):
        return "target"
    if (
        nxt is not None
        and nxt.key == "-"
        and mention.tok_end + 1 < sent.tok_end
        and tokens[mention.tok_end + 1].key in ("bound", "linked")
    ):
        return "target"
    if before_text.endswith(("belongs to ", "belong to ", "still at ", "already at ")):
        return "from"  # "he belongs to Tottenham"
    tail = before_text[-45:]
    if (
        "coach" in before_text
        or "manag" in before_text
        or "work" in before_text
        or "play" in before_text
    ) and _SHARED_PAST_BEFORE.search(before_text):
        return "former"
    if "from" in tail and _SUITOR_FROM_BEFORE.search(before_text):
        return "to"
    if any(w in tail for w in _AGAINST_WORDS) and _AGAINST_BEFORE.search(before_text):
        return "against"
    if any(w in tail for w in _BACKGROUND_WORDS) and _BACKGROUND_CLAUSE.search(before_text):
        # "X, who joined Brentford in 2020", "since signing for Chelsea": background that names
        # his club, not a new move
        return "from"
    if any(w in before_text for w in _HISTORY_WORDS) and _HISTORY_BEFORE.search(before_text):
        return "history"
    if " to" in tail and _COUNTERPART_TO.search(before_text):
        return "from"  # "made an approach to Fulham for Robinson": the selling club
    if before_text.endswith(("to ", "to the ")) and _OFFER_FOLLOWS.match(after_text):
        return "from"
    if before_text[-1:].isspace() and _to_ending(before_text) and _TO_BEFORE.search(before_text):
        return "to"
    if before_text.endswith(_OFFER_ENDINGS) and _OFFER_CLUB_BEFORE.search(before_text):
        return "from"  # "ready to offer Portsmouth £10m for Crouch": the club paid, the seller
    if before_text.endswith(_TOLD_ENDINGS) and _TOLD_BEFORE.search(before_text):
        return "from"  # "has told Atletico he wants to leave": his club
    if _FROM_GATE(before_text) and _FROM_BEFORE.search(before_text):
        if _SALE_AFTER.match(after_text):
            return "to"
        return "from"
    if (
        ("player" in after_text or "captain" in after_text or "skipper" in after_text)
        and _OWN_CLUB_AFTER.match(after_text)
    ) or (before_text.endswith(_IS_A_ENDINGS) and _PLAYER_AFTER.match(after_text)):
        return "from"  # "voted Ajax player of the season", "belongs to Tottenham"
    if (
        before_text.endswith(_DETERMINER_ENDINGS)
        and _SQUAD_AFTER.match(after_text)
        and not _SQUAD_SUITOR_BEFORE.search(before_text)
    ):
        return "from"  # "left out of the Brentford squad", "his Brentford contract"
    if any(w in after_text for w in _PAYER_WORDS) and _PAYER_AFTER.match(after_text):
        return None  # "Real Madrid are willing to pay his release clause": a suitor
    if "had" in after_text and _HAD_BID_REJECTED_AFTER.match(after_text):
        return None  # "Sunderland have had a bid rejected for X": the bidder
    if _SELLER_GATE(after_text) and _SELLER_AFTER.match(after_text):
        # "Barcelona, who sold Neymar to PSG, are considering a move for Dembele": the relative
        # clause sold someone else; the main clause pursues
        rest = doc.lower[mention.end : sent.end]
        relative = _RELATIVE_CLAUSE.match(rest)
        if relative is None or not _MAIN_PURSUIT.match(rest, relative.end()):
            return "seller"
    if (
        ("since" in after_text or "til" in after_text)
        and _SINCE_AFTER.match(after_text)
        and _WITH_AT_BEFORE.search(before_text)
    ):
        return "from"
    if (
        "season" in after_text
        and _SEASON_AFTER.match(after_text)
        and _FOR_BEFORE.search(before_text)
    ):
        return "from"
    if after_text.startswith("'s") and _CAREER_AFTER.match(after_text):
        return "from"
    return None


def role_noun_after(doc: Doc, mention: ClubMention) -> str | None:
    """ "Spurs boss", "Juventus director general", "Liverpool's sporting director"."""
    tokens = doc.tokens
    sent = doc.sentences[mention.sent]
    k = mention.tok_end
    if k < sent.tok_end and tokens[k].key in ("'s", "'"):
        k += 1
    for width in (2, 1):
        if k + width <= sent.tok_end:
            phrase = " ".join([t.key for t in tokens[k : k + width]])
            if phrase in ROLE_NOUNS and phrase not in ("sir", "general", "recruitment"):
                return ROLE_NOUNS[phrase]
    return None

"""Fees: each money figure tied to one player, with its kind (bid, asking price, release clause,
fee, loan fee, wage, add-ons/other) and the paying club when there is one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.domain import FeeKind
from bot.extraction.money import Money
from bot.extraction.textutil import Caseless

_WAGE: Final = re.compile(
    r"\b(?:wages?|salary|salaries|a[\s-]week|per[\s-]week|p/?w|weekly|earn(?:s|ing)?|pay\s+packet"
    r"|annual(?:ly)?|per\s+(?:year|annum|season)|a[\s-]year|contract\s+worth|take-home|net)\b",
    re.I,
)
_WAGE_FAST: Final = Caseless(_WAGE)
_WAGE_AFTER: Final = re.compile(
    r"^\s*(?:-?\s*(?:a|per)[\s-](?:week|year|season)|p/?w|weekly|annual"
    r"|in\s+(?:annual\s+)?wages|a\s+season|salary|net|after\s+tax|wages?)\b",
    re.I,
)
_RELEASE: Final = re.compile(
    r"\b(?:release|buy-?out|exit|termination|escape)[\s-]+clause|\bbuy-?out\b"
    r"|\bclausula\b|(?<!sell-on\s)(?<!buy-back\s)(?<!buyback\s)\bclause\b",
    re.I,
)
_RELEASE_FAST: Final = Caseless(_RELEASE)
_LOAN_FEE: Final = re.compile(r"\bloan\s+fee\b", re.I)
_OTHER: Final = re.compile(
    r"\b(?:add-?ons?|add\s+ons?|bonus(?:es)?|performance[\s-](?:related|based)|potential\s+add"
    r"|buy\s+option|option\s+to\s+buy|obligation\s+to\s+buy|purchase\s+option|sell-on"
    r"|rising\s+to|could\s+rise\s+to|plus|incentives|variables?|another\s*$|additional)\b",
    re.I,
)
_OTHER_FAST: Final = Caseless(_OTHER)
_BID: Final = re.compile(
    r"\b(?:bids?|offers?|offered|tabled?|submit(?:ted)?|proposal|pay|paying|make\s+a|made\s+a"
    r"|lodged?|launch(?:ed)?|improved|opening|move\s+for|approach)\b",
    re.I,
)
_BID_FAST: Final = Caseless(_BID)
_ASKING: Final = re.compile(
    r"\b(?:valuation|valued|value|asking|price(?:\s+tag)?|priced|demand(?:s|ed|ing)?|want(?:s|ing)?"
    r"|holding\s+out\s+for|hold\s+out\s+for|holding\s+firm"
    r"|worth|quoted|set\s+at|expect\s+bids|tag|cost)\b",
    re.I,
)
# "who cost £40m", "after costing £40m": what was paid once, not today's price
_DEAL_WORTH: Final = re.compile(
    r"\b(?:deal|move|transfer|fee|package|switch)\s+(?:\S+\s+)?worth\s+(?:\S+\s+){0,2}?$", re.I
)
_PAST_COST: Final = re.compile(
    r"\b(?:who|which|he|she)\s+(?:\S+\s+){0,2}?cost\s+(?:\S+\s+){0,2}?$"
    r"|\b(?:after\s+costing|having\s+cost)\s+(?:\S+\s+){0,2}?$",
    re.I,
)
_FEE: Final = re.compile(
    r"\b(?:fee|deal|transfer|move|signing|signed|bought|sold|sale|joined|buy|cost)\b", re.I
)
# Figures that are not one player's fee: budgets, differences, pairs, club finances.
_NOT_A_FEE_BEFORE: Final = re.compile(
    r"\b(?:spend|spending|spent|budget|war\s+chest|kitty|funds"
    r"|(?:raise|raised)(?!\s+(?:their|his|its|the|an?)\s+(?:\S+\s+)?(?:bid|offer|proposal))|generate|profit|profits"
    r"|revenue|turnover|debt|debts|loss|losses|wage\s+bill|combined|total\s+of|worth\s+a\s+combined"
    r"|record\s+(?:of|profit)|income|takeover|sponsorship|tv\s+deal|broadcast|prize\s+money"
    r"|investment|invest|valued\s+the\s+club|net\s+spend|outlay)\b(?:\s+\S+){0,5}\s*$",
    re.I,
)
_NOT_A_FEE_BEFORE_FAST: Final = Caseless(_NOT_A_FEE_BEFORE)
_NOT_A_FEE_AFTER: Final = re.compile(
    r"^\s*(?:less\s+than|more\s+than|cheaper|on\s+(?:new\s+)?(?:defenders|players|signings"
    r"|midfielders|forwards|strikers|reinforcements|transfers)|in\s+(?:player\s+)?sales|for\s+(?:the|both)"
    r"\s+(?:pair|duo|players)|between\s+them|combined|profit|loss|debt|budget|to\s+spend"
    r"|in\s+(?:transfer\s+)?(?:funds|revenue))",
    re.I,
)
_PAIR: Final = re.compile(
    r"\b(?:pair|duo|both\s+players|double\s+(?:swoop|deal)|package\s+deal)\b", re.I
)
_PAIR_FAST: Final = Caseless(_PAIR)


@dataclass(unsafe_hash=True, init=False)
class FeeContext:
    before: str  # clause text before the figure
    after: str  # text after the figure in its sentence

    def __init__(self, before: str, after: str) -> None:
        self.before = before
        self.after = after


# after the figure (compiled once: re.match(string, ...) looks its pattern up on every call)
_OTHER_AFTER: Final = re.compile(
    r"^\s*(?:\S+\s+){0,2}(?:in\s+)?(?:add-?ons|bonuses|in\s+potential|if\b|performance)", re.I
)
_BID_AFTER: Final = re.compile(r"^\s*(?:\S+\s+){0,1}(?:bid|offer|proposal)", re.I)
_ASKING_AFTER: Final = re.compile(
    r"^\s*(?:\S+\s+){0,1}(?:valuation|price|asking|price-tag|tag)", re.I
)


def fee_kind(money: Money, ctx: FeeContext) -> FeeKind:
    near_before = ctx.before[-60:]
    near_after = ctx.after[:50]
    if money.period or _WAGE_AFTER.match(near_after) or _WAGE_FAST.search(near_before[-35:]):
        return FeeKind.WAGE
    if _RELEASE_FAST.search(near_before[-45:]) or _RELEASE_FAST.search(near_after[:30]):
        return FeeKind.RELEASE_CLAUSE
    if _LOAN_FEE.search(near_before[-30:]) or _LOAN_FEE.search(near_after[:15]):
        return FeeKind.LOAN_FEE
    if _OTHER_FAST.search(near_before[-30:]) or _OTHER_AFTER.match(near_after):
        return FeeKind.OTHER
    if _BID_FAST.search(near_before[-35:]) or _BID_AFTER.match(near_after):
        return FeeKind.BID
    if _DEAL_WORTH.search(near_before[-35:]):
        return FeeKind.FEE  # "in a deal worth £27m": the fee, not a valuation
    if _PAST_COST.search(near_before[-35:]):
        return FeeKind.FEE  # "who cost £40m from Bournemouth": what was paid, not a price
    if _ASKING.search(near_before[-35:]) or _ASKING_AFTER.match(near_after):
        return FeeKind.ASKING
    return FeeKind.FEE


def not_a_player_fee(ctx: FeeContext) -> bool:
    return bool(
        _NOT_A_FEE_BEFORE_FAST.search(ctx.before[-60:])
        or _NOT_A_FEE_AFTER.match(ctx.after[:40])
        or _PAIR_FAST.search(ctx.after[:40])
    )


def fee_words(text: str) -> bool:
    """Does a sentence talk about a transfer figure at all (for figures with no player named)?"""
    return bool(
        _BID_FAST.search(text)
        or _ASKING.search(text)
        or _FEE.search(text)
        or _RELEASE_FAST.search(text)
        or _OTHER_FAST.search(text)
        or _WAGE_FAST.search(text)
    )


def clubless(kind: FeeKind) -> bool:
    return kind in (FeeKind.ASKING, FeeKind.RELEASE_CLAUSE)

"""Who the article credits: known outlets and journalists from the reference data, outlets named
in credit phrases ("according to X", "via X", "as per X", "reported by X", "X reports"), and the
publisher identified from the header source URL's domain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlparse

from bot.extraction.status import literal_gate
from bot.extraction.textutil import Doc, Token, fold_token
from bot.reference import OutletRef, ReferenceData
from bot.text import fold

# Outlet names that are also ordinary English words: only outlets with "the" or a credit cue.
_COMMON_WORDS: Final = frozenset(
    [
        "sun",
        "mirror",
        "express",
        "star",
        "times",
        "sport",
        "goal",
        "record",
        "standard",
        "independent",
        "telegraph",
        "guardian",
        "athletic",
        "mail",
        "metro",
        "football",
        "sky",
        "echo",
        "news",
        "post",
        "observer",
        "sportsmail",
    ]
)

CREDIT_BEFORE: Final = re.compile(
    r"(?:according\s+to|via|as\s+per|per|reported\s+by|revealed\s+by|claimed\s+by|reports?\s+from"
    r"|(?:exclusively|first)\s+(?:revealed|reported)\s+by|told|speaking\s+to|quoted\s+by|claims\s+of"
    r"|(?:says|said)\s+(?:the\s+)?|source\s*:|in\s+(?:an\s+interview\s+with|quotes\s+to)"
    r"|,\s*(?:reports|report|writes|claims|says|reveals|adds)|(?:reports|writes)\s+(?:the\s+)?)"
    r"\s*(?:(?:the|de|la|el|le|il|o)\s+)?$",
)
_CREDIT_BEFORE_GATE: Final = literal_gate(CREDIT_BEFORE)
CREDIT_AFTER: Final = re.compile(
    r"^(?:'s?\s+)?(?:\s*(?:have|has|had|are|is|was|were)\s+)?(?:\s*also\s+)?\s*"
    r"(?:reports?|reported|reporting|claims?|claimed|claiming|understands?|understood|reveals?"
    r"|revealed|says?|said|states?|stated|suggests?|suggested|insists?|insisted|notes?|noted"
    r"|explains?|explained|adds?|added|writes?|wrote|confirms?|confirmed|believes?|note|has\s+the"
    r"|are\s+reporting|is\s+reporting|learned|learnt|tweeted|posted)\b",
)
_QUOTE_VIA: Final = re.compile(r"(?:saying|said|says|told|quoted)\s*[(\[]?\s*$", re.I)
_PUBLICATION_NOUN: Final = re.compile(
    r"(?:newspaper|outlet|publication|paper|website|site|daily|broadcaster|tabloid|magazine"
    r"|journal|radio|station|network|channel)\s+$",
)
_PUBLICATION_ENDINGS: Final = (
    "paper",  # newspaper
    "outlet",
    "publication",
    "site",  # website
    "daily",
    "broadcaster",
    "tabloid",
    "magazine",
    "journal",
    "radio",
    "station",
    "network",
    "channel",
)


@dataclass(unsafe_hash=True, init=False)
class OutletMention:
    outlet: OutletRef | None
    name: str
    tok_start: int
    tok_end: int
    sent: int
    credited: bool

    def __init__(
        self,
        outlet: OutletRef | None,
        name: str,
        tok_start: int,
        tok_end: int,
        sent: int,
        credited: bool,
    ) -> None:
        self.outlet = outlet
        self.name = name
        self.tok_start = tok_start
        self.tok_end = tok_end
        self.sent = sent
        self.credited = credited


def _name_goes_on(tokens: list[Token], j: int, n: int, sent: int) -> bool:
    """A capitalised word follows in the same sentence: a one-word "outlet" is then the first
    word of a longer name."""
    if j >= n or tokens[j].sent != sent:
        return False
    nxt = tokens[j]
    return nxt.cap and nxt.key.isalpha() and not nxt.text.isupper()


class OutletMatcher:
    def __init__(self, reference: ReferenceData) -> None:
        from bot.extraction.clubs import _surface_tokens

        self.surfaces: dict[tuple[str, ...], tuple[OutletRef, str | None]] = {}
        self.domains: dict[str, OutletRef] = {}
        for outlet in reference.outlets:
            for name in (outlet.name, *outlet.aliases):
                key = tuple(fold_token(t) for t in _surface_tokens(name))
                if not key:
                    continue
                stripped = name.replace(" ", "").replace(".", "")
                exact = name if len(stripped) <= 4 and stripped.isupper() else None
                self.surfaces.setdefault(key, (outlet, exact))
            for domain in outlet.domains:
                self.domains[domain.lower().removeprefix("www.")] = outlet
        self.max_len = max((len(k) for k in self.surfaces), default=1)
        # every leading part of a name: a window that is not one cannot grow into a name
        self.prefixes = frozenset(key[:k] for key in self.surfaces for k in range(1, len(key) + 1))
        self.first: dict[str, int] = {}
        for key in self.surfaces:
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        # words that can start an outlet name, also without its leading "The"
        self.start_keys = frozenset(self.first) | frozenset(
            key[1] for key in self.surfaces if len(key) == 2 and key[0] == "the"
        )
        self.by_name = {fold(o.name): o for o in reference.outlets}

    def publisher(self, source: str | None) -> OutletRef | None:
        """The outlet a header ``Source:`` names, by URL domain or by name."""
        if not source:
            return None
        source = source.strip()
        if "://" in source or "/" in source or "." in source.split(" ")[0]:
            host = urlparse(source if "://" in source else "http://" + source).hostname or ""
            host = host.lower().removeprefix("www.")
            while host:
                if host in self.domains:
                    return self.domains[host]
                if "." not in host:
                    break
                host = host.split(".", 1)[1]
            return None
        key = tuple(fold_token(t) for t in source.split())
        hit = self.surfaces.get(key)
        return hit[0] if hit else None

    def find(self, doc: Doc) -> list[OutletMention]:
        tokens = doc.tokens
        n = len(tokens)
        found: list[OutletMention] = []
        i = 0
        candidates = doc.positions(self.start_keys)
        prefixes = self.prefixes
        domains = [k for k in doc.by_key if "." in k]
        if domains:
            candidates = sorted(candidates + [p for k in domains for p in doc.by_key[k]])
        for i_cand in candidates:
            if i_cand < i:
                continue
            i = i_cand
            tok = tokens[i]
            hit = None
            longest = self.first.get(tok.key, 0)
            if longest and (tok.cap or tok.key[:1].isdigit() or tok.key == "the"):
                # only as many tokens as still begin some outlet name
                top, limit = 1, min(longest, n - i)
                keys: tuple[str, ...] = (tok.key,)
                while top < limit:
                    keys = (*keys, tokens[i + top].key)
                    if keys not in prefixes:
                        break
                    top += 1
                for length in range(top, 0, -1):
                    window = tokens[i : i + length]
                    if window[-1].sent != tok.sent:
                        continue
                    entry = self.surfaces.get(tuple([t.key for t in window]))
                    if entry is None:
                        continue
                    outlet, exact = entry
                    if exact is not None and "".join([t.text for t in window]).replace(
                        ".", ""
                    ) != exact.replace(" ", "").replace(".", ""):
                        continue
                    if not all(
                        t.cap or t.key in ("the", "of", "and", "&") or t.key[:1].isdigit()
                        for t in window
                    ):
                        continue
                    if (
                        length == 1
                        and outlet.kind != "journalist"
                        and _name_goes_on(tokens, i + 1, n, tok.sent)
                        and not credited(doc, i, i + 1)
                    ):
                        continue  # "Ole Gunnar Solskjaer": a given name, not the newspaper
                    if length == 1 and tok.key in _COMMON_WORDS:
                        prev = tokens[i - 1].key if i > 0 and tokens[i - 1].sent == tok.sent else ""
                        if prev != "the" and not credited(doc, i, i + 1):
                            continue
                    hit = (length, outlet)
                    break
            if hit is None and tok.cap:
                # "(Sun)", "(Times - subscription required)": the outlet without its "The"
                entry = self.surfaces.get(("the", tok.key))
                if entry is not None and credited(doc, i, i + 1):
                    hit = (1, entry[0])
            if (
                hit is None
                and "." in tok.key
                and tok.key.rsplit(".", 1)[-1]
                in ("com", "uk", "net", "org", "it", "es", "de", "fr")
            ):
                by_domain = self.domains.get(tok.key)
                if by_domain is not None:
                    hit = (1, by_domain)
            if hit is not None:
                length, outlet = hit
                if not _quote_source(doc, tokens, i):
                    found.append(
                        OutletMention(
                            outlet,
                            outlet.name,
                            i,
                            i + length,
                            tok.sent,
                            credited(doc, i, i + length),
                        )
                    )
                i += length
                continue
            i += 1
        return found


_QUOTE_VIA_BEFORE: Final = re.compile(r"(?:saying|said|says|quoted|told)\s*[(\[]\s*via\s+$", re.I)


def _quote_source(doc: Doc, tokens: list[Token], i: int) -> bool:
    """ "(via Liverpool.com)" after "saying" credits a quote, not the transfer report."""
    if i == 0:
        return False
    before = doc.text[max(0, tokens[i].start - 30) : tokens[i].start]
    return bool(_QUOTE_VIA_BEFORE.search(before))


def credited(doc: Doc, tok_start: int, tok_end: int) -> bool:
    """Is the token span in a credit phrase ("according to X", "X reports", "via X")?"""
    tokens = doc.tokens
    first, last = tokens[tok_start], tokens[tok_end - 1]
    sent = doc.sentences[first.sent]
    before = doc.lower[max(sent.start, first.start - 40) : first.start]
    after = doc.lower[last.end : min(sent.end, last.end + 40)]
    return bool(
        (_CREDIT_BEFORE_GATE(before) and CREDIT_BEFORE.search(before))
        or CREDIT_AFTER.match(after)
        # (the noun ends the window, before spaces: tested first, without the regex)
        or (before.rstrip().endswith(_PUBLICATION_ENDINGS) and _PUBLICATION_NOUN.search(before))
        # gossip-column attribution: "... (Mail)", "(Sport - in Spanish)", "(Times - subscription)"
        or (before.endswith("(") and (after.startswith(")") or after.startswith(" -")))
    )


def quote_source(before: str) -> bool:
    return bool(_QUOTE_VIA.search(before))

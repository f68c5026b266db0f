"""In-memory fuzzy name index for players or clubs.

Layout (compact, incremental, no per-entity Python objects):

* every entity gets a *slot*; per-slot data lives in ``array`` columns (id, popularity, mentions,
  last seen, label, offsets), display names in one UTF-8 ``bytearray``;
* a vocabulary of folded name tokens; each token has a posting ``array('i')`` of slots;
* each slot has a block of token ids in one flat ``array('i')``: its *variants* (the name, each
  alias, their compound and alternative spellings), each variant introduced by a negative marker
  ``-(source + 1)`` (source 0 = the name, k = the k-th alias);
* candidate generation works on the vocabulary, never on all entities: exact token (dict), prefix
  (bisect in the sorted vocabulary), typo (trigram postings over the vocabulary, then rapidfuzz
  OSA distance on the few tokens that share enough trigrams);
* one- and two-letter prefixes (the first keystrokes) are served from small top-K buckets kept
  ordered by popularity, so "s" never walks the 100k players whose names contain an s-word.

Scores: a query word matches a name word exactly (100), as a prefix (60-90, longer is better), or
with typos (≈ 90 × (1 - edits/length)); a candidate's score is the length-weighted mean over the
query words, +3 when the query *is* one of its names. Popularity (mentions, recency) only breaks
ties, so a famous player never beats a better-matching obscure one.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.names.normalize import name_variants, particles_for, tokens
from bot.names.types import (
    DISCORD_MAX_CHOICES,
    DISCORD_MAX_LABEL,
    Ambiguous,
    Candidate,
    NameRecord,
    NotFound,
    Resolution,
    Resolved,
)

EXACT = 100.0
FULL_BONUS = 3.0  # the query is the whole name / alias
AMBIGUITY_MARGIN = 5.0  # candidates within this many points of the best are "equally good"
MIN_RESOLVE_SCORE = 65.0  # a lone candidate below this is offered, not picked
MISSING_PARTICLE = 50.0  # quality of a query particle ("de") the name does not have
BUCKET_SIZE = 64  # entities kept per one/two-letter prefix
MULTI_WORD_CAP = 3000  # candidates scored one by one for a multi-word resolve()
TYPING_FILTER_CAP = 2000  # while typing: most popular candidates checked word by word ...
TYPING_SCORE_CAP = 400  # ... and scored (beyond that, quality barely differs: "james j")
SUGGESTIONS = 5
SHORT_PREFIX = 60.0  # quality of any word starting with a one- or two-letter query

_NO_LABEL = -1
_DAY = 86400.0
_RECENCY_DAYS_PER_DOUBLING = 30.0


def _popularity(mentions: int, last_seen_days: float) -> float:
    """Time-invariant "hot" score: one doubling of mentions ≙ 30 days of recency."""
    return math.log2(1 + max(mentions, 0)) + last_seen_days / _RECENCY_DAYS_PER_DOUBLING


def _days(when: datetime | None) -> float:
    if when is None:
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp() / _DAY


def _prefix_quality(typed: int, full: int) -> float:
    quality = 60.0 + 30.0 * typed / full
    return quality - 10.0 if typed <= 2 else quality


def _typo_quality(edits: int, typed: int, full: int) -> float:
    return 90.0 * (1.0 - edits / max(typed, full))


def _max_edits(length: int) -> int:
    if length < 4:
        return 0
    return 1 if length < 8 else 2


def _grams(token: str) -> set[str]:
    padded = "$$" + token
    return {padded[i : i + 3] for i in range(len(token))}


class _Matcher(Protocol):
    def get(self, tid: int, default: float, /) -> float: ...


_Plan = Sequence[tuple[_Matcher, float, bool]]  # (token matcher, weight, is particle) per word


class _PrefixMatcher:
    """dict-like token matcher for one- and two-letter prefixes (too many tokens to list)."""

    __slots__ = ("_strings", "_text")

    def __init__(self, text: str, strings: list[str]) -> None:
        self._text = text
        self._strings = strings

    def get(self, tid: int, default: float = 0.0, /) -> float:
        token = self._strings[tid]
        if token == self._text:
            return EXACT
        if token.startswith(self._text):
            return SHORT_PREFIX  # after one or two letters only popularity is informative
        return default


class _ShortMatcher:
    """A one- or two-letter query word typed last: any token it starts, as a set of ids."""

    __slots__ = ("exact", "tids")

    def __init__(self, tids: set[int], exact: int | None) -> None:
        self.tids = tids
        self.exact = exact

    def get(self, tid: int, default: float = 0.0, /) -> float:
        if tid == self.exact:
            return EXACT
        return SHORT_PREFIX if tid in self.tids else default


class NameIndex:
    """Fuzzy search, resolution and autocomplete over the names of one kind of entity."""

    def __init__(self, kind: str = "player") -> None:
        self.kind = kind
        self._particles = particles_for(kind)
        # per-slot columns
        self._ids = array("q")
        self._name_start = array("I")
        self._name_len = array("H")
        self._tok_start = array("I")
        self._tok_len = array("H")
        self._label = array("i")
        self._pop = array("d")
        self._mentions = array("I")
        self._seen_days = array("f")
        self._names = bytearray()
        self._aliases: dict[int, list[str]] = {}
        self._labels: list[str] = []
        self._label_ids: dict[str, int] = {}
        self._slot_dense = array("i")  # entity id -> slot + 1 (0 = absent) for small ids
        self._slot_sparse: dict[int, int] = {}
        self._count = 0
        # vocabulary
        self._tok_flat = array("i")
        self._tok_ids: dict[str, int] = {}
        self._tok_strs: list[str] = []
        self._postings: list[array[int]] = []
        self._particle_tids: set[int] = set()
        self._sorted_vocab: list[str] = []
        self._unsorted: list[str] = []
        self._trigrams: dict[str, array[int]] = {}
        self._single: dict[int, list[int]] = {}  # token id -> slots having it as a whole name
        # popularity buckets for "", one- and two-letter prefixes: sorted (-popularity, slot)
        self._buckets: dict[str, list[tuple[float, int]]] = {}
        self._overflowed: set[str] = set()
        self._stale: set[str] = set()
        self._short_prefix_tids: dict[str, set[int]] = {}  # lazily built, kept up to date
        self._hot: set[int] = set()  # slots with popularity > 0 (discussed at some point)

    # ------------------------------------------------------------------ building

    @classmethod
    def from_records(cls, records: Iterable[NameRecord], kind: str = "player") -> NameIndex:
        """Build an index from database rows (the start-up rebuild)."""
        index = cls(kind)
        index.add_many(records)
        return index

    def add_many(self, records: Iterable[NameRecord]) -> None:
        for record in records:
            self.add(
                record.entity_id,
                record.name,
                record.aliases,
                label_suffix=record.label_suffix,
                last_seen=record.last_seen,
                mentions=record.mentions,
            )

    def add(
        self,
        entity_id: int,
        name: str,
        aliases: Iterable[str] = (),
        *,
        label_suffix: str | None = None,
        last_seen: datetime | None = None,
        mentions: int = 0,
    ) -> None:
        """Index an entity; adding an id again replaces its name, aliases, label and stats."""
        if entity_id < 0:
            raise ValueError("entity ids must be non-negative")
        if self._slot(entity_id) is not None:
            self.remove(entity_id)
        slot = len(self._ids)
        self._ids.append(entity_id)
        encoded = name.encode()[:65535]
        self._name_start.append(len(self._names))
        self._name_len.append(len(encoded))
        self._names += encoded
        self._label.append(self._label_id(label_suffix))
        days = _days(last_seen)
        self._seen_days.append(days)
        self._mentions.append(min(max(mentions, 0), 0xFFFFFFFF))
        self._pop.append(_popularity(mentions, days))
        if self._pop[slot] > 0.0:
            self._hot.add(slot)
        alias_list = [alias for alias in dict.fromkeys(aliases) if alias and alias != name]
        if alias_list:
            self._aliases[slot] = alias_list
        self._tok_start.append(0)
        self._tok_len.append(0)
        self._set_slot(entity_id, slot + 1)
        self._count += 1
        self._index_tokens(slot, set())

    def add_alias(self, entity_id: int, alias: str) -> None:
        """Add one alias (e.g. from an admin command) without touching anything else."""
        slot = self._require(entity_id)
        known = self._aliases.setdefault(slot, [])
        if alias and alias not in known and alias != self._name(slot):
            known.append(alias)
            self._index_tokens(slot, set(self._block_tids(slot)))

    def update_stats(
        self,
        entity_id: int,
        *,
        last_seen: datetime | None = None,
        mentions: int | None = None,
        label_suffix: str | None = None,
    ) -> None:
        """Set (not add to) the stats used for ordering; optionally change the label suffix."""
        slot = self._require(entity_id)
        if label_suffix is not None:
            self._label[slot] = self._label_id(label_suffix)
        if last_seen is not None:
            self._seen_days[slot] = _days(last_seen)
        if mentions is not None:
            self._mentions[slot] = min(max(mentions, 0), 0xFFFFFFFF)
        old = self._pop[slot]
        new = _popularity(self._mentions[slot], self._seen_days[slot])
        if new == old:
            return
        prefixes = self._bucket_keys(slot)
        for key in prefixes:
            self._bucket_discard(key, old, slot)
        self._pop[slot] = new
        if new > 0.0:
            self._hot.add(slot)
        else:
            self._hot.discard(slot)
        for key in prefixes:
            if new < old and key in self._overflowed:
                self._stale.add(key)  # someone outside the bucket may now rank higher
            else:
                self._bucket_offer(key, new, slot)

    def remove(self, entity_id: int) -> None:
        slot = self._slot(entity_id)
        if slot is None:
            return
        tids = set(self._block_tids(slot))
        for key in self._bucket_keys(slot):
            self._bucket_discard(key, self._pop[slot], slot)
            if key in self._overflowed and len(self._buckets.get(key, ())) < BUCKET_SIZE:
                self._stale.add(key)
        for tid in tids:
            posting = self._postings[tid]
            posting.remove(slot)
            singles = self._single.get(tid)
            if singles and slot in singles:
                singles.remove(slot)
        self._aliases.pop(slot, None)
        self._hot.discard(slot)
        self._tok_len[slot] = 0
        self._ids[slot] = -1
        self._set_slot(entity_id, 0)
        self._count -= 1

    def __len__(self) -> int:
        return self._count

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, int) and self._slot(entity_id) is not None

    def memory_usage(self) -> int:
        """Approximate bytes held by the index (arrays, containers and the strings they own)."""
        size = sys.getsizeof
        arrays = [
            self._ids, self._name_start, self._name_len, self._tok_start, self._tok_len,
            self._label, self._pop, self._mentions, self._seen_days, self._slot_dense,
            self._tok_flat,
        ]  # fmt: skip
        total = sum(size(column) for column in arrays) + size(self._names)
        total += size(self._tok_ids) + size(self._tok_strs) + size(self._sorted_vocab)
        total += sum(size(token) for token in self._tok_strs)
        total += size(self._postings) + sum(size(posting) for posting in self._postings)
        total += size(self._trigrams) + sum(size(g) + size(p) for g, p in self._trigrams.items())
        total += size(self._single) + sum(size(slots) for slots in self._single.values())
        total += size(self._aliases) + sum(
            size(aliases) + sum(size(a) for a in aliases) for aliases in self._aliases.values()
        )
        total += size(self._buckets) + sum(
            size(bucket) + len(bucket) * 72 for bucket in self._buckets.values()
        )
        total += size(self._labels) + sum(size(label) for label in self._labels)
        total += size(self._label_ids) + size(self._slot_sparse) + 60 * len(self._slot_sparse)
        return total

    def label(self, entity_id: int) -> str:
        return self._label_text(self._require(entity_id))

    # ------------------------------------------------------------------ querying

    def search(self, query: str, limit: int = DISCORD_MAX_CHOICES) -> list[Candidate]:
        """Best matches first (match quality, then popularity), for a query typed so far."""
        return [self._candidate(*hit) for hit in self._search(query, limit, typing=True)]

    def autocomplete(self, query: str) -> list[tuple[str, str]]:
        """Discord choices: at most 25 ``(label, value)``; label ≤ 100 chars, value the id."""
        choices = []
        for candidate in self.search(query, DISCORD_MAX_CHOICES)[:DISCORD_MAX_CHOICES]:
            label = candidate.label
            if len(label) > DISCORD_MAX_LABEL:
                label = label[: DISCORD_MAX_LABEL - 1] + "…"
            choices.append((label, str(candidate.entity_id)))
        return choices

    def resolve(self, query: str) -> Resolution:
        """One entity when the query clearly designates it, else candidates or suggestions.

        * exactly one entity *is* the query (name or alias, particles aside) → resolved, even
          if other names contain the word ("inter" → Inter Milan, not Inter Miami);
        * several entities are the query (a shared nickname: "the Reds") → ambiguous;
        * otherwise the best candidate wins only if nobody else is within
          ``AMBIGUITY_MARGIN`` points (a surname shared by several players is ambiguous; one
          typo away from a single surname is resolved) and it scores at least
          ``MIN_RESOLVE_SCORE``;
        * no candidate → not found, with the nearest names as suggestions.
        """
        if not tokens(query):
            return NotFound(query, [], self.kind)
        hits = self._search(query, DISCORD_MAX_CHOICES, typing=False)
        if not hits:
            suggestions = [self._candidate(*hit) for hit in self._suggest(query)]
            return NotFound(query, suggestions, self.kind)
        candidates = [self._candidate(*hit) for hit in hits]
        exact = [candidate for candidate in candidates if candidate.exact]
        if len(exact) == 1:
            return Resolved(query, exact[0], self.kind)
        if len(exact) > 1:
            return Ambiguous(query, exact, self.kind)
        best = candidates[0].score
        close = [c for c in candidates if c.score >= best - AMBIGUITY_MARGIN]
        if len(close) == 1 and best >= MIN_RESOLVE_SCORE:
            return Resolved(query, candidates[0], self.kind)
        return Ambiguous(query, close if len(close) > 1 else candidates, self.kind)

    # ------------------------------------------------------------------ internals: slots

    def _slot(self, entity_id: int) -> int | None:
        if entity_id < len(self._slot_dense):
            value = self._slot_dense[entity_id]
            return value - 1 if value else None
        value = self._slot_sparse.get(entity_id, 0)
        return value - 1 if value else None

    def _set_slot(self, entity_id: int, value: int) -> None:
        dense = self._slot_dense
        if len(dense) <= entity_id < max(1 << 16, 4 * (self._count + 1)):
            size = max(entity_id + 1, len(dense) + len(dense) // 2)
            dense.extend(array("i", bytes(4 * (size - len(dense)))))
            for key in [k for k in self._slot_sparse if k < size]:
                dense[key] = self._slot_sparse.pop(key)
        if entity_id < len(dense):
            dense[entity_id] = value
        elif value:
            self._slot_sparse[entity_id] = value
        else:
            self._slot_sparse.pop(entity_id, None)

    def _require(self, entity_id: int) -> int:
        slot = self._slot(entity_id)
        if slot is None:
            raise KeyError(entity_id)
        return slot

    def _label_id(self, label: str | None) -> int:
        if not label:
            return _NO_LABEL
        found = self._label_ids.get(label)
        if found is None:
            found = self._label_ids[label] = len(self._labels)
            self._labels.append(label)
        return found

    def _name(self, slot: int) -> str:
        start = self._name_start[slot]
        return self._names[start : start + self._name_len[slot]].decode(errors="ignore")

    def _label_text(self, slot: int) -> str:
        name = self._name(slot)
        label_id = self._label[slot]
        return name if label_id == _NO_LABEL else f"{name} — {self._labels[label_id]}"

    def _source_text(self, slot: int, source: int) -> str:
        if source == 0:
            return self._name(slot)
        return self._aliases[slot][source - 1]

    def _block(self, slot: int) -> array[int]:
        start = self._tok_start[slot]
        return self._tok_flat[start : start + self._tok_len[slot]]

    def _block_tids(self, slot: int) -> Iterator[int]:
        return (tid for tid in self._block(slot) if tid >= 0)

    def _variants(self, slot: int) -> Iterator[tuple[int, list[int]]]:
        source = 0
        current: list[int] = []
        for tid in self._block(slot):
            if tid < 0:
                if current:
                    yield source, current
                source, current = -tid - 1, []
            else:
                current.append(tid)
        if current:
            yield source, current

    # ------------------------------------------------------------------ internals: vocabulary

    def _token_id(self, token: str) -> int:
        tid = self._tok_ids.get(token)
        if tid is None:
            tid = self._tok_ids[token] = len(self._tok_strs)
            self._tok_strs.append(token)
            self._postings.append(array("i"))
            if token in self._particles:
                self._particle_tids.add(tid)
            self._unsorted.append(token)
            for key in (token[:1], token[:2]):
                cached = self._short_prefix_tids.get(key)
                if cached is not None:
                    cached.add(tid)
            if len(token) >= 3:
                for gram in _grams(token):
                    bucket = self._trigrams.get(gram)
                    if bucket is None:
                        bucket = self._trigrams[gram] = array("i")
                    bucket.append(tid)
        return tid

    def _index_tokens(self, slot: int, already: set[int]) -> None:
        """(Re)write the slot's token block and add it to postings, singles and buckets."""
        sources = [self._name(slot), *self._aliases.get(slot, ())]
        block = array("i")
        singles: set[int] = set()
        for source, text in enumerate(sources):
            for variant in name_variants(text, self._particles):
                block.append(-source - 1)
                tids = [self._token_id(token) for token in variant]
                block.extend(tids)
                content = [tid for tid in tids if tid not in self._particle_tids]
                if len(content) == 1:
                    singles.add(content[0])
        if len(block) > 65535:
            block = block[:65535]
        self._tok_start[slot] = len(self._tok_flat)
        self._tok_len[slot] = len(block)
        self._tok_flat.extend(block)
        old_keys = self._bucket_keys_for(already) if already else set()
        for tid in {tid for tid in block if tid >= 0} - already:
            self._postings[tid].append(slot)
        for tid in singles:
            holders = self._single.setdefault(tid, [])
            if slot not in holders:
                holders.append(slot)
        pop = self._pop[slot]
        for key in self._bucket_keys(slot) - old_keys:
            self._bucket_offer(key, pop, slot)

    def _vocab(self) -> list[str]:
        pending = self._unsorted
        if pending:
            if len(pending) < 64:
                for token in pending:
                    bisect.insort(self._sorted_vocab, token)
            else:
                self._sorted_vocab.extend(pending)
                self._sorted_vocab.sort()
            self._unsorted = []
        return self._sorted_vocab

    def _prefixed(self, text: str) -> list[str]:
        vocab = self._vocab()
        lo = bisect.bisect_left(vocab, text)
        hi = bisect.bisect_left(vocab, text + "\x7f", lo)
        return vocab[lo:hi]

    # ------------------------------------------------------------------ internals: buckets

    def _bucket_keys_for(self, tids: Iterable[int]) -> set[str]:
        keys = {""}
        strings = self._tok_strs
        for tid in tids:
            token = strings[tid]
            keys.add(token[:1])
            keys.add(token[:2])
        return keys

    def _bucket_keys(self, slot: int) -> set[str]:
        return self._bucket_keys_for(self._block_tids(slot))

    def _bucket_offer(self, key: str, pop: float, slot: int) -> None:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = []
        entry = (-pop, slot)
        if len(bucket) >= BUCKET_SIZE:
            self._overflowed.add(key)
            if entry >= bucket[-1]:
                return
            bisect.insort(bucket, entry)
            bucket.pop()
        else:
            bisect.insort(bucket, entry)

    def _bucket_discard(self, key: str, pop: float, slot: int) -> None:
        bucket = self._buckets.get(key)
        if not bucket:
            return
        position = bisect.bisect_left(bucket, (-pop, slot))
        if position < len(bucket) and bucket[position] == (-pop, slot):
            del bucket[position]

    def _bucket(self, key: str) -> list[tuple[float, int]]:
        if key in self._stale:
            self._stale.discard(key)
            if key:
                slots: set[int] = set()
                for token in self._prefixed(key):
                    slots.update(self._postings[self._tok_ids[token]])
            else:
                slots = {slot for slot in range(len(self._ids)) if self._ids[slot] >= 0}
            pop = self._pop
            best = heapq.nsmallest(BUCKET_SIZE, ((-pop[s], s) for s in slots))
            self._buckets[key] = best
            if len(slots) <= BUCKET_SIZE:
                self._overflowed.discard(key)
        return self._buckets.get(key, [])

    # ------------------------------------------------------------------ internals: matching

    def _match_token(self, text: str, *, prefix: bool, typing: bool) -> dict[int, float]:
        """Vocabulary tokens a query word may stand for, with their quality."""
        matches: dict[int, float] = {}
        exact = self._tok_ids.get(text)
        if exact is not None and self._postings[exact]:
            matches[exact] = EXACT
        if prefix:
            ids = self._tok_ids
            typed = len(text)
            for token in self._prefixed(text):
                if token != text:
                    matches[ids[token]] = _prefix_quality(typed, len(token))
        if exact is None and len(text) >= 4 and (not typing or not matches):
            for tid, quality in self._typos(text, prefix=prefix).items():
                if quality > matches.get(tid, 0.0):
                    matches[tid] = quality
        return matches

    def _typo_candidates(self, text: str, needed_slack: int) -> Iterator[int]:
        grams = _grams(text)
        counts: Counter[int] = Counter()
        for gram in grams:
            posting = self._trigrams.get(gram)
            if posting is not None:
                counts.update(posting)
        needed = max(1, len(grams) - needed_slack)
        return (tid for tid, count in counts.items() if count >= needed)

    def _edit_neighbours(self, text: str) -> set[int]:
        """Tokens one adjacent swap or one deleted letter away ("lpoes" → "lopes"): these
        break up to four trigrams, so they are looked up directly."""
        ids = self._tok_ids
        found: set[int] = set()
        for i in range(len(text)):
            for variant in (text[:i] + text[i + 1 : i + 2] + text[i] + text[i + 2 :],
                            text[:i] + text[i + 1 :]):  # fmt: skip
                tid = ids.get(variant)
                if tid is not None:
                    found.add(tid)
        return found

    def _typos(self, text: str, *, prefix: bool) -> dict[int, float]:
        typed = len(text)
        edits = _max_edits(typed)
        found: dict[int, float] = {}
        strings = self._tok_strs
        candidates = set(self._typo_candidates(text, 3 * edits))
        candidates |= self._edit_neighbours(text)
        if prefix and typed >= 5:
            for i in range(typed - 1):
                swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
                candidates.update(self._tok_ids[t] for t in self._prefixed(swapped)[:200])
        for tid in candidates:
            token = strings[tid]
            full = len(token)
            if abs(full - typed) <= edits:
                distance = OSA.distance(text, token, score_cutoff=edits)
                if distance <= edits:
                    found[tid] = _typo_quality(distance, typed, full)
            if prefix and typed >= 5 and full > typed + 1:
                distance = OSA.distance(text, token[:typed], score_cutoff=1)
                if distance <= 1:
                    quality = 0.9 * _prefix_quality(typed, full) - 5.0
                    found[tid] = max(found.get(tid, 0.0), quality)
        return {tid: quality for tid, quality in found.items() if self._postings[tid]}

    def _search(self, query: str, limit: int, *, typing: bool) -> list[tuple[int, float, int]]:
        """(slot, score, matched source) best first."""
        words = tokens(query)
        if limit <= 0:
            return []
        if not words:
            return self._rank_scored([(slot, 0.0, 0) for _, slot in self._bucket("")], limit)
        if len(words) == 1:
            return self._search_one(words[0], limit, typing=typing)
        last = len(words) - 1
        # while typing, the last word may be the start of a name ("james de" → "James Dembélé")
        particle = [
            w in self._particles and not (typing and i == last) for i, w in enumerate(words)
        ]
        if all(particle):
            particle = [False] * len(words)
        plan: list[tuple[dict[int, float] | _ShortMatcher, float, bool]] = []
        for position, word in enumerate(words):
            weight = float(min(len(word), 8))
            if typing and len(word) <= 2 and not particle[position]:
                short = _ShortMatcher(self._short_tids(word), self._tok_ids.get(word))
                if not short.tids:
                    return []
                plan.append((short, weight, False))
                continue
            allow_prefix = position == last or len(word) == 1 or len(word) >= 3
            matches = self._match_token(word, prefix=allow_prefix, typing=typing)
            if not matches and not particle[position]:
                return []
            plan.append((matches, weight, particle[position]))
        return self._search_many(plan, limit, typing=typing)

    def _short_tids(self, prefix: str) -> set[int]:
        cached = self._short_prefix_tids.get(prefix)
        if cached is None:
            ids = self._tok_ids
            cached = {ids[token] for token in self._prefixed(prefix)}
            self._short_prefix_tids[prefix] = cached
        return cached

    def _search_one(self, word: str, limit: int, *, typing: bool) -> list[tuple[int, float, int]]:
        exact = self._tok_ids.get(word)
        singles = list(self._single.get(exact, ())) if exact is not None else []
        if typing and len(word) <= 2:
            slots = {slot for _, slot in self._bucket(word)}
            slots.update(singles)
            if exact is not None:
                posting = self._postings[exact]
                slots.update(self._most_popular(posting, limit))
            matcher = _PrefixMatcher(word, self._tok_strs)
            plan: _Plan = [(matcher, 1.0, False)]
            return self._rank_scored([(slot, *self._score(slot, plan)) for slot in slots], limit)
        matches = self._match_token(word, prefix=True, typing=typing)
        if not matches:
            return []
        by_quality = sorted(matches.items(), key=lambda item: -item[1])
        chosen: dict[int, float] = {slot: EXACT for slot in singles}
        position = 0
        while position < len(by_quality):
            quality = by_quality[position][1]
            while position < len(by_quality) and by_quality[position][1] == quality:
                posting = self._postings[by_quality[position][0]]
                for slot in self._most_popular(posting, limit + 1):
                    if quality > chosen.get(slot, -1.0):
                        chosen[slot] = quality
                position += 1
            following = by_quality[position][1] if position < len(by_quality) else -1.0
            if sum(1 for q in chosen.values() if q > following) > limit:
                break
        pop = self._pop
        shortlist = sorted(chosen, key=lambda slot: (-chosen[slot], -pop[slot], slot))
        plan2: _Plan = [(matches, 1.0, False)]
        scored = [(slot, *self._score(slot, plan2)) for slot in shortlist[: limit + 8]]
        return self._rank_scored(scored, limit)

    def _most_popular(self, posting: array[int], count: int) -> list[int]:
        if len(posting) <= count:
            return list(posting)
        if len(posting) < 4 * count + 256:
            return heapq.nlargest(count, posting, key=self._pop.__getitem__)
        return list(self._top_popular(set(posting), count))

    def _top_popular(self, slots: set[int], count: int) -> set[int]:
        """The ``count`` most popular of ``slots``: only discussed entities need ranking, the
        rest (popularity 0) are interchangeable, so this is a set intersection, not a sort."""
        if len(slots) <= count:
            return slots
        hot = slots & self._hot
        if len(hot) >= count:
            return set(heapq.nlargest(count, hot, key=self._pop.__getitem__))
        cold = slots - hot  # int sets iterate in a deterministic order: no sort needed
        return hot | set(itertools.islice(cold, count - len(hot)))

    def _search_many(
        self,
        plan: Sequence[tuple[dict[int, float] | _ShortMatcher, float, bool]],
        limit: int,
        *,
        typing: bool,
    ) -> list[tuple[int, float, int]]:
        """Intersect the words' postings (cheap set operations first, per-candidate checks on
        at most ``TYPING_FILTER_CAP`` most popular candidates while typing), then score."""
        postings = self._postings
        sized: list[tuple[int, dict[int, float]]] = []
        deferred: list[AbstractSet[int]] = []
        for matches, _weight, is_particle in plan:
            if isinstance(matches, _ShortMatcher):
                deferred.append(matches.tids)  # thousands of tokens: checked per candidate
            elif not is_particle:
                sized.append((sum(len(postings[tid]) for tid in matches), matches))
        if not sized:
            return []
        sized.sort(key=lambda item: item[0])
        anchor = sized[0][1]
        candidates: set[int] = set()
        for tid in anchor:
            candidates.update(postings[tid])
        for size, matches in sized[1:]:
            if size <= 4 * len(candidates) + 1000:
                other: set[int] = set()
                for tid in matches:
                    other.update(postings[tid])
                candidates &= other
            else:
                deferred.append(matches.keys())
        if typing and len(candidates) > TYPING_FILTER_CAP:
            candidates = self._top_popular(candidates, TYPING_FILTER_CAP)
        block = self._block
        for keys in deferred:
            candidates = {s for s in candidates if not keys.isdisjoint(block(s))}
        cap = TYPING_SCORE_CAP if typing else MULTI_WORD_CAP
        if len(candidates) > cap:
            candidates = self._top_popular(candidates, cap)
        scored = [(slot, *self._score(slot, plan)) for slot in candidates]
        return self._rank_scored(scored, limit)

    def _score(
        self,
        slot: int,
        plan: _Plan,
    ) -> tuple[float, int]:
        """Best (score, source) over the slot's variants; score -1 when no variant fits."""
        best_score, best_source = -1.0, 0
        particles = self._particle_tids
        for source, tids in self._variants(slot):
            total = weights = 0.0
            perfect = True
            exact_hits: set[int] = set()
            for matches, weight, is_particle in plan:
                quality, hit = 0.0, -1
                for tid in tids:
                    value = matches.get(tid, 0.0)
                    if value > quality:
                        quality, hit = value, tid
                if quality <= 0.0:
                    if not is_particle:
                        break
                    quality = MISSING_PARTICLE
                if quality >= EXACT and hit >= 0:
                    exact_hits.add(hit)
                elif not is_particle:
                    perfect = False
                total += quality * weight
                weights += weight
            else:
                score = total / weights if weights else 0.0
                if perfect and all(t in exact_hits for t in tids if t not in particles):
                    score += FULL_BONUS
                if score > best_score:
                    best_score, best_source = score, source
        return best_score, best_source

    def _rank_scored(
        self, scored: list[tuple[int, float, int]], limit: int
    ) -> list[tuple[int, float, int]]:
        pop = self._pop
        kept = [hit for hit in scored if hit[1] >= 0.0]
        kept.sort(key=lambda hit: (-round(hit[1], 6), -pop[hit[0]], hit[0]))
        return kept[:limit]

    def _candidate(self, slot: int, score: float, source: int) -> Candidate:
        return Candidate(
            entity_id=self._ids[slot],
            name=self._name(slot),
            label=self._label_text(slot),
            score=round(score, 2),
            matched=self._source_text(slot, source),
            exact=score >= EXACT + FULL_BONUS - 1e-9,
        )

    def _suggest(self, query: str) -> list[tuple[int, float, int]]:
        """Nearest entities for a query that matched nothing: any word, loose similarity."""
        words = [w for w in tokens(query) if w not in self._particles] or tokens(query)
        chosen: dict[int, float] = {}
        strings = self._tok_strs
        for word in words:
            if len(word) < 2:
                continue
            similar: dict[int, float] = dict(self._match_token(word, prefix=True, typing=False))
            for tid in self._typo_candidates(word, len(_grams(word)) * 2 // 3):
                if tid in similar or not self._postings[tid]:
                    continue
                token = strings[tid]
                ratio = max(fuzz.ratio(word, token), fuzz.ratio(word[: len(token)], token) - 5)
                if ratio >= 55.0:
                    similar[tid] = ratio * 0.9
            best = heapq.nlargest(10, similar.items(), key=lambda item: item[1])
            share = min(len(word), 8) / sum(min(len(w), 8) for w in words)
            for tid, quality in best:
                for slot in self._most_popular(self._postings[tid], SUGGESTIONS):
                    chosen[slot] = max(chosen.get(slot, 0.0), quality * share)
        ranked = sorted(chosen.items(), key=lambda item: (-item[1], -self._pop[item[0]]))
        return [(slot, score, 0) for slot, score in ranked[:SUGGESTIONS]]

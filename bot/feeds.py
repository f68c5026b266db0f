"""RSS/Atom feeds: the services behind `/feeds`, and the poller that reads them.

A feed is stored once however many servers follow it (`Feed` + one `GuildFeed` per server),
so it is fetched once. Polling, per feed:

* conditional GET (If-None-Match / If-Modified-Since); a 304 means nothing to do;
* every request has a total timeout and a size cap (the body is read in chunks);
* transient failures (timeouts, connection errors, 5xx, 408, 429 with Retry-After) are retried
  at most `PollLimits.retries` times with exponential backoff and jitter;
* entries whose feed text is a whole article are ingested from the feed; the others have their
  page fetched (same limits) and reduced to its main text by trafilatura (`bot.articles`);
* a feed that fails records a short, readable `last_error` and is fetched again later with
  exponential backoff and jitter (capped), so `/feeds list` shows it and it costs the others
  nothing; feeds are polled concurrently under a semaphore.

Nothing marks an entry "seen" except its stored `Article`: an entry that could not be read now
(page timed out, database hiccup) is not stored, and the feed's validators are not advanced
either, so the next poll downloads the feed again and retries the entry.

No Discord imports: the cog calls the sync services with `asyncio.to_thread` and owns a
`FeedPoller`.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import ipaddress
import logging
import random
import re
import socket
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import aiohttp
import feedparser
from aiohttp.abc import AbstractResolver, ResolveResult
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.articles import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    ParsedArticle,
    _html_to_text,
    parse_article_text,
)
from bot.ingest import Extract, IngestOutcome, ingest_article
from db import queries
from db.models import Feed, GuildFeed
from db.session import session_scope
from db.types import utcnow

log = logging.getLogger(__name__)

MAX_FEEDS_PER_GUILD = 20
MAX_URL_LENGTH = 2000  # Feed.url
USER_AGENT = "rumour-bot/0.1 (football transfer news reader; RSS/Atom)"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT_REDIRECTS = {301, 308}
MAX_REDIRECTS = 5
_TRUNCATED_ENDINGS = ("…", "...", "[…]", "[...]", "read more", "continue reading")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")

Clock = Callable[[], datetime]


# --- URLs ------------------------------------------------------------------------------------


class FeedUrlError(ValueError):
    """A feed address that cannot be followed; the message is shown to the user."""


def _is_private_host(host: str) -> bool:
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return (address.is_private or address.is_loopback or address.is_link_local
            or address.is_reserved or address.is_multicast or address.is_unspecified)


def normalize_feed_url(raw: str, *, allow_private: bool = False) -> str:
    """The one spelling of a feed address stored in the database: scheme and host lower case,
    default port dropped, fragment dropped, empty path as "/". An address without a scheme is
    taken as https. Local and private addresses are refused unless `allow_private`."""
    value = raw.strip().strip("<>").strip()  # Discord users wrap links in <> to hide embeds
    if not value:
        raise FeedUrlError("Give the feed's address, e.g. https://example.com/transfers.rss")
    if any(ch.isspace() for ch in value):
        raise FeedUrlError("A feed address cannot contain spaces.")
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FeedUrlError(f"Only http:// and https:// feeds can be followed, not {scheme}://.")
    if parts.username or parts.password:
        raise FeedUrlError("Feed addresses with a user name or password are not accepted "
                           "(everyone in the server would see them in /feeds list).")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FeedUrlError("That address has no host name.")
    try:
        port = parts.port
    except ValueError:
        raise FeedUrlError("That address has an invalid port number.") from None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FeedUrlError("That address has an invalid host name.") from None
    if not allow_private and _is_private_host(host):
        raise FeedUrlError("That address points at a local or private network; only public "
                           "feeds can be followed.")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != {"http": 80, "https": 443}[scheme]:
        netloc += f":{port}"
    url = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    if len(url) > MAX_URL_LENGTH:
        raise FeedUrlError(f"That address is over {MAX_URL_LENGTH} characters long.")
    return url


class PublicOnlyResolver(AbstractResolver):
    """DNS for the feed session that refuses names resolving only to local or private
    addresses (private addresses are dropped from mixed answers), so a feed, an entry link or
    a redirect cannot make the bot fetch from its own network. Use it as
    ``aiohttp.TCPConnector(resolver=PublicOnlyResolver())``; IP literals never reach a
    resolver and are checked by `FeedPoller` itself."""

    def __init__(self, inner: AbstractResolver | None = None) -> None:
        self._inner = inner or aiohttp.ThreadedResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        public = [item for item in found if not _is_private_host(item["host"])]
        if not public:
            raise OSError(f"{host} resolves only to local or private addresses")
        return public

    async def close(self) -> None:
        await self._inner.close()


# --- Services over the database (sync; the bot calls them with asyncio.to_thread) ------------


@dataclass(frozen=True)
class FeedAddResult:
    ok: bool
    message: str
    feed_id: int | None = None
    url: str | None = None
    created: bool = False  # no server followed this feed before


@dataclass(frozen=True)
class FeedStatus:
    feed_id: int
    url: str
    title: str | None
    added_at: datetime
    last_fetched_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    article_count: int
    next_fetch_at: datetime | None
    configured: bool = False  # set in the bot's settings for every server

    @property
    def state(self) -> str:
        """"new" (never fetched), "ok" or "failing"."""
        if self.last_error:
            return "failing"
        return "ok" if self.last_success_at else "new"

    @classmethod
    def of(cls, feed: Feed, *, configured: bool) -> FeedStatus:
        assert feed.id is not None
        return cls(feed_id=feed.id, url=feed.url, title=feed.title, added_at=feed.added_at,
                   last_fetched_at=feed.last_fetched_at, last_success_at=feed.last_success_at,
                   last_error=feed.last_error, consecutive_failures=feed.consecutive_failures,
                   article_count=feed.article_count, next_fetch_at=feed.next_fetch_at,
                   configured=configured)


def add_feed(engine: Engine, guild_id: int, url: str, user_id: int | None, *,
             max_per_guild: int = MAX_FEEDS_PER_GUILD,
             allow_private: bool = False) -> FeedAddResult:
    """Follow a feed in a server. The feed is checked by the poller, not here: a bad address
    shows up in /feeds list with its error after the first poll."""
    try:
        normalized = normalize_feed_url(url, allow_private=allow_private)
    except FeedUrlError as error:
        return FeedAddResult(False, str(error))
    for attempt in range(2):
        try:
            return _add_feed_once(engine, guild_id, normalized, user_id, max_per_guild)
        except IntegrityError:  # another server (or a double click) added it at the same moment
            if attempt:
                log.warning("adding feed %s for guild %s kept conflicting", normalized, guild_id)
    return FeedAddResult(False, "That feed was being added at the same moment; try again.")


def _add_feed_once(engine: Engine, guild_id: int, url: str, user_id: int | None,
                   max_per_guild: int) -> FeedAddResult:
    with session_scope(engine) as session:
        feed = queries.feed_by_url(session, url)
        if feed is not None and feed.id is not None and queries.guild_feed_link(
                session, guild_id, feed.id):
            return FeedAddResult(False, f"This server already follows {url}.", feed.id, url)
        if queries.guild_feed_count(session, guild_id) >= max_per_guild:
            return FeedAddResult(
                False, f"This server already follows {max_per_guild} feeds, the most allowed. "
                       "Remove one with /feeds remove first.")
        created = feed is None
        if feed is None:
            feed = Feed(url=url)
            session.add(feed)
            session.flush()
        assert feed.id is not None
        session.add(GuildFeed(guild_id=guild_id, feed_id=feed.id, added_by=user_id))
        session.flush()
        if feed.last_success_at is not None:
            note = f"it already has {feed.article_count} article(s) read for other servers."
        elif feed.last_error:
            note = f"its last check failed ({feed.last_error}); see /feeds list."
        else:
            note = "it will be checked within a few minutes; /feeds list shows how it is doing."
        return FeedAddResult(True, f"Following {url}: {note}", feed.id, url, created)


def remove_feed(engine: Engine, guild_id: int, url_or_id: str, *,
                configured: Collection[str] = ()) -> str:
    """Stop following a feed in a server, by its number in /feeds list or its address. The
    feed row and the articles read from it stay; it is no longer polled once nobody follows
    it."""
    target = url_or_id.strip().strip("<>").strip().removeprefix("#")
    with session_scope(engine) as session:
        feed: Feed | None
        if target.isdigit():
            feed = session.get(Feed, int(target))
        else:
            try:
                feed = queries.feed_by_url(session, normalize_feed_url(target, allow_private=True))
            except FeedUrlError as error:
                return str(error)
        link = (queries.guild_feed_link(session, guild_id, feed.id)
                if feed is not None and feed.id is not None else None)
        if feed is None or link is None:
            if feed is not None and feed.url in configured:
                return (f"{feed.url} is set in the bot's settings for every server; it cannot "
                        "be removed with /feeds remove.")
            return (f"This server does not follow {target or 'that feed'}. /feeds list shows "
                    "the feeds it follows, with their numbers.")
        session.delete(link)
        return f"Stopped following {feed.url}. Articles already read from it are kept."


def list_feeds(engine: Engine, guild_id: int, *,
               configured: Collection[str] = ()) -> list[FeedStatus]:
    """The feeds a server follows, then the feeds set in the settings (polled for every
    server), each with its health."""
    configured_set = set(configured)
    with session_scope(engine) as session:
        followed = list(queries.feeds_of_guild(session, guild_id))
        from_settings = list(queries.feeds_with_urls(session, configured_set))
    statuses = [FeedStatus.of(feed, configured=feed.url in configured_set) for feed in followed]
    seen = {status.feed_id for status in statuses}
    statuses += [FeedStatus.of(feed, configured=True) for feed in from_settings
                 if feed.id not in seen]
    return statuses


def sync_configured_feeds(engine: Engine, urls: Iterable[str]) -> tuple[list[str], list[str]]:
    """Make sure the feeds from the settings exist as rows. Returns (normalised URLs, problems);
    settings are written by the operator, so private addresses are allowed there."""
    normalized: list[str] = []
    problems: list[str] = []
    for raw in urls:
        try:
            url = normalize_feed_url(raw, allow_private=True)
        except FeedUrlError as error:
            problems.append(f"{raw}: {error}")
            continue
        if url not in normalized:
            normalized.append(url)
    with session_scope(engine) as session:
        known = {feed.url for feed in queries.feeds_with_urls(session, normalized)}
        for url in normalized:
            if url not in known:
                session.add(Feed(url=url))
    return normalized, problems


def due_feeds(engine: Engine, now: datetime, *, configured: Collection[str] = ()) -> list[int]:
    """Ids of feeds to poll now: followed by at least one server or set in the settings, and
    never fetched or due."""
    with session_scope(engine) as session:
        return queries.due_feed_ids(session, now, configured)


# --- Fetching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PollLimits:
    timeout_seconds: float = 10.0  # per request, connection to last byte
    max_bytes: int = MAX_ARTICLE_BYTES  # per response, after decompression
    max_entries: int = 30  # new entries read per poll; the rest wait for the next poll
    concurrency: int = 4  # feeds polled at the same time
    retries: int = 2  # extra attempts for a transient failure, within one poll
    retry_base_seconds: float = 1.0  # first retry after ~this, doubling, with jitter
    max_retry_after_seconds: float = 30.0  # a longer Retry-After is honoured at the next poll
    interval: timedelta = timedelta(minutes=15)  # between polls of a healthy feed
    max_backoff: timedelta = timedelta(hours=6)  # longest wait after repeated failures
    full_text_min_words: int = 120  # feed text this long is a whole article, not a teaser
    max_poll_seconds: float = 300.0  # time budget of one feed's poll (page fetches included)


class FetchError(Exception):
    def __init__(self, message: str, *, transient: bool, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.transient = transient
        self.retry_after = retry_after


@dataclass(frozen=True)
class Fetched:
    status: int  # 200 or 304
    url: str  # after redirects
    body: bytes = b""
    content_type: str = ""  # media type only, lower case
    charset: str | None = None
    raw_content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    # every hop was permanent (301/308): where the resource now lives
    moved_to: str | None = None


def _format_size(size: int) -> str:
    if size >= 1_048_576:
        return f"{size / 1_048_576:g} MB"
    if size >= 1024:
        return f"{size / 1024:g} kB"
    return f"{size} bytes"


def _http_message(status: int) -> str:
    names = {401: "login required", 403: "forbidden", 404: "not found", 410: "gone",
             429: "too many requests"}
    return f"HTTP {status} ({names[status]})" if status in names else f"HTTP {status}"


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _decode_page(fetched: Fetched) -> str:
    candidates = [fetched.charset]
    meta = _META_CHARSET.search(fetched.body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for charset in candidates:
        if not charset:
            continue
        try:
            return fetched.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return fetched.body.decode("cp1252", errors="replace")


# --- Feed documents --------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    index: int  # position in the document (feeds list newest first, by convention)
    link: str | None
    title: str | None
    published: datetime | None
    text: str  # the entry's content (or summary), reduced to plain text
    full: bool  # the text is a whole article, no need to fetch the page

    def sort_key(self) -> tuple[datetime, int]:
        """Oldest first; undated entries after dated ones, in reverse document order."""
        return (self.published or datetime.max.replace(tzinfo=UTC), -self.index)


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]


def _struct_to_datetime(value: Any) -> datetime | None:
    try:
        return datetime(*value[:6]).replace(tzinfo=UTC) if value else None
    except (TypeError, ValueError):
        return None


def _fragment_to_text(value: str, kind: str) -> str:
    if not value.strip():
        return ""
    # feedparser calls most text "text/html"; trafilatura only gets what has tags (it logs
    # errors for plain text)
    if (kind in _HTML_TYPES or not kind) and _TAG.search(value):
        text = _html_to_text(value)[0]
        if not text:  # trafilatura keeps nothing of some tiny fragments
            text = html.unescape(_TAG.sub(" ", value))
    else:
        text = html.unescape(value)
    return re.sub(r"[ \t]+", " ", text).strip()


def _looks_whole(text: str, min_words: int) -> bool:
    if len(text.split()) < min_words:
        return False
    return not text.rstrip().lower().endswith(_TRUNCATED_ENDINGS)


def parse_feed_document(fetched: Fetched, *, min_words: int) -> ParsedFeed | None:
    """Entries of an RSS/Atom document; None when it is not a feed at all."""
    data = feedparser.parse(
        fetched.body,
        response_headers={"content-type": fetched.raw_content_type or "application/xml",
                          "content-location": fetched.url},
    )
    if not data.get("version") and not data.entries:
        return None
    entries: list[FeedEntry] = []
    for index, entry in enumerate(data.entries):
        link = entry.get("link") or None
        if link:
            link = urljoin(fetched.url, link.strip())
            if not link.startswith(("http://", "https://")):
                link = None
        contents = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
        content = max(contents, key=lambda item: len(item[0]), default=("", ""))
        summary = (entry.get("summary", ""), entry.get("summary_detail", {}).get("type", ""))
        text = _fragment_to_text(*content) if content[0] else ""
        summary_text = _fragment_to_text(*summary) if summary[0] else ""
        if len(summary_text) > len(text):
            text = summary_text
        published = (_struct_to_datetime(entry.get("published_parsed"))
                     or _struct_to_datetime(entry.get("updated_parsed")))
        title = _fragment_to_text(entry.get("title", ""), "text/plain") or None
        entries.append(FeedEntry(index=index, link=link, title=title, published=published,
                                 text=text, full=_looks_whole(text, min_words)))
    title = data.feed.get("title") or None
    return ParsedFeed(title=title[:300] if title else None, entries=entries)


def _parsed_from_text(text: str, *, title: str | None, url: str | None,
                      published: datetime | None) -> ParsedArticle:
    body = text.strip()
    return ParsedArticle(
        text=body, title=title[:500] if title else None, source=url,
        published=published.date() if published else None,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),  # as bot.articles
    )


# --- Polling ---------------------------------------------------------------------------------


class PollStatus(StrEnum):
    OK = "ok"  # downloaded and read (some entries may be left for the next poll)
    NOT_MODIFIED = "not_modified"  # 304
    FAILED = "failed"  # recorded in Feed.last_error
    BUSY = "busy"  # already being polled
    MISSING = "missing"  # no such feed


@dataclass
class FeedPollResult:
    feed_id: int
    url: str = ""
    status: PollStatus = PollStatus.OK
    error: str | None = None
    new_articles: int = 0
    duplicates: int = 0  # entries already stored (this feed earlier, another feed, a file)
    failed_entries: int = 0  # could not be read now; retried at the next poll
    skipped_entries: int = 0  # nothing readable in them, for good
    deferred_entries: int = 0  # over max_entries or the time budget; read at the next poll
    outcomes: list[IngestOutcome] = field(default_factory=list)  # new articles only
    next_fetch_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.status in {PollStatus.OK, PollStatus.NOT_MODIFIED}


class FeedPoller:
    """Polls feeds with one shared aiohttp session. Never raises for a bad feed."""

    def __init__(self, session: aiohttp.ClientSession, engine: Engine, extract: Extract, *,
                 clock: Clock = utcnow, limits: PollLimits | None = None,
                 configured_urls: Collection[str] = (), allow_private: bool = False,
                 rng: random.Random | None = None) -> None:
        """`allow_private`: fetch from local/private IP literals and localhost (tests, or a
        deliberate local setup). Host names that resolve to private addresses are only
        refused when the session's connector uses `PublicOnlyResolver`."""
        self.session = session
        self.engine = engine
        self.extract = extract
        self.clock = clock
        self.limits = limits or PollLimits()
        self.configured_urls = tuple(configured_urls)
        self.allow_private = allow_private
        self.rng = rng or random.Random()
        self._semaphore = asyncio.Semaphore(max(1, self.limits.concurrency))
        self._in_flight: set[int] = set()
        # Links with nothing readable behind them (page gone, no teaser): not fetched again
        # while the bot runs. Bounded; forgetting one only costs a fetch.
        self._unreadable: OrderedDict[str, None] = OrderedDict()

    # -- public

    async def poll_feed(self, feed_id: int) -> FeedPollResult:
        if feed_id in self._in_flight:
            return FeedPollResult(feed_id, status=PollStatus.BUSY)
        self._in_flight.add(feed_id)
        try:
            async with self._semaphore:
                return await self._poll_safely(feed_id)
        finally:
            self._in_flight.discard(feed_id)

    async def poll_due(self, now: datetime | None = None) -> list[FeedPollResult]:
        """Poll every due feed, at most `limits.concurrency` at a time; results in the order
        the feeds were due. A feed still being polled (overlapping runs) is left alone."""
        ids = await asyncio.to_thread(due_feeds, self.engine, now or self.clock(),
                                      configured=self.configured_urls)
        claimed = [feed_id for feed_id in ids if feed_id not in self._in_flight]
        self._in_flight.update(claimed)

        async def run(feed_id: int) -> FeedPollResult:
            try:
                async with self._semaphore:
                    return await self._poll_safely(feed_id)
            finally:
                self._in_flight.discard(feed_id)

        return list(await asyncio.gather(*(run(feed_id) for feed_id in claimed)))

    async def run_once(self) -> list[FeedPollResult]:
        """The scheduler's job: poll what is due; a database outage is logged, not raised."""
        try:
            results = await self.poll_due(self.clock())
        except Exception:
            log.exception("feed polling round failed")
            return []
        if results:
            log.info("polled %d feed(s): %d new article(s), %d failing", len(results),
                     sum(r.new_articles for r in results),
                     sum(r.status == PollStatus.FAILED for r in results))
        return results

    # -- one feed

    async def _poll_safely(self, feed_id: int) -> FeedPollResult:
        try:
            return await self._poll(feed_id)
        except Exception as error:  # a bug or a database error must not stop the others
            log.exception("polling feed %s failed", feed_id)
            result = FeedPollResult(feed_id, status=PollStatus.FAILED,
                                    error=f"internal error ({type(error).__name__})")
            try:
                result.next_fetch_at = await asyncio.to_thread(
                    self._record_failure, feed_id, result.error or "", None)
            except Exception:
                log.exception("could not record the failure of feed %s", feed_id)
            return result

    async def _poll(self, feed_id: int) -> FeedPollResult:
        feed = await asyncio.to_thread(self._load_feed, feed_id)
        if feed is None:
            return FeedPollResult(feed_id, status=PollStatus.MISSING, error="no such feed")
        result = FeedPollResult(feed_id, url=feed.url)
        deadline = asyncio.get_running_loop().time() + self.limits.max_poll_seconds
        headers = {"Accept": FEED_ACCEPT}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = await self._fetch(feed.url, headers)
        except FetchError as error:
            return await self._failed(result, error.message, error.retry_after)
        if fetched.moved_to and fetched.moved_to != feed.url:
            await asyncio.to_thread(self._move_feed, feed_id, feed.url, fetched.moved_to)
        if fetched.status == 304:
            result.status = PollStatus.NOT_MODIFIED
            result.next_fetch_at = await asyncio.to_thread(
                self._record_success, feed_id, None, 0, None, None)
            return result
        document = await asyncio.to_thread(
            parse_feed_document, fetched, min_words=self.limits.full_text_min_words)
        if document is None:
            return await self._failed(result, "not a feed (no RSS or Atom found)", None)
        await self._read_entries(feed.url, document.entries, result, deadline)
        # Validators are advanced only when every entry was dealt with: otherwise a 304 at
        # the next poll would hide the entries left behind.
        complete = not (result.failed_entries or result.deferred_entries)
        validators = (fetched.etag, fetched.last_modified) if complete else None
        note = (f"{result.failed_entries} article(s) could not be read; retrying"
                if result.failed_entries else None)
        result.next_fetch_at = await asyncio.to_thread(
            self._record_success, feed_id, validators, result.new_articles, document.title, note)
        return result

    async def _read_entries(self, origin: str, entries: list[FeedEntry],
                            result: FeedPollResult, deadline: float) -> None:
        unique: dict[str, FeedEntry] = {}
        for entry in entries:  # the same link twice in one document counts once
            key = entry.link or hashlib.sha256(entry.text.encode()).hexdigest()
            if key in unique:
                result.duplicates += 1
            else:
                unique[key] = entry
        links = [entry.link for entry in unique.values() if entry.link]
        known = await asyncio.to_thread(self._known_urls, links)
        pending: list[FeedEntry] = []
        for entry in unique.values():
            if entry.link in known:
                result.duplicates += 1
            elif (not entry.link and not entry.text) or entry.link in self._unreadable:
                result.skipped_entries += 1
            else:
                pending.append(entry)
        pending.sort(key=FeedEntry.sort_key, reverse=True)  # newest first ...
        result.deferred_entries += max(0, len(pending) - self.limits.max_entries)
        # ... and read oldest first, so stories unfold in order
        chosen = sorted(pending[: self.limits.max_entries], key=FeedEntry.sort_key)
        loop = asyncio.get_running_loop()
        for position, entry in enumerate(chosen):
            if loop.time() > deadline:
                result.deferred_entries += len(chosen) - position
                log.warning("feed %s: time budget spent, %d entries left for the next poll",
                            origin, len(chosen) - position)
                break
            await self._read_entry(origin, entry, result)

    async def _read_entry(self, origin: str, entry: FeedEntry, result: FeedPollResult) -> None:
        parsed = await self._article_for(entry, result)
        if parsed is None:
            return
        try:
            outcome = await asyncio.to_thread(self._ingest, parsed, origin)
        except Exception:  # not stored, so it is read again at the next poll
            log.exception("feed %s: could not ingest %s", origin, entry.link or entry.title)
            result.failed_entries += 1
            return
        if outcome.duplicate or outcome.article_id is None:
            result.duplicates += 1
        else:
            result.new_articles += 1
            result.outcomes.append(outcome)

    async def _article_for(self, entry: FeedEntry, result: FeedPollResult) -> ParsedArticle | None:
        """The entry's article: its own text when whole, else the linked page's main text."""
        if entry.full or not entry.link:
            return _parsed_from_text(entry.text, title=entry.title, url=entry.link,
                                     published=entry.published)
        try:
            page = await self._fetch(entry.link, {"Accept": PAGE_ACCEPT})
            if page.status != 200:
                raise FetchError(_http_message(page.status), transient=False)
            if page.content_type and page.content_type not in _HTML_TYPES | {"text/plain"}:
                raise FetchError(f"not a web page ({page.content_type})", transient=False)
            page_text = _decode_page(page)
            article = await asyncio.to_thread(
                parse_article_text, page_text, entry.link,
                is_html=page.content_type != "text/plain")
        except FetchError as error:
            if error.transient:
                log.info("page %s: %s; retried at the next poll", entry.link, error.message)
                result.failed_entries += 1
                return None
            reason = error.message
        except ArticleError as error:
            reason = str(error)
        else:
            return replace(article, source=entry.link, title=entry.title or article.title,
                           published=entry.published.date() if entry.published
                           else article.published)
        if entry.text:  # the page is gone or empty for good: the teaser is all there is
            log.info("page %s: %s; using the feed's summary", entry.link, reason)
            return _parsed_from_text(entry.text, title=entry.title, url=entry.link,
                                     published=entry.published)
        log.info("page %s: %s; skipped", entry.link, reason)
        result.skipped_entries += 1
        self._unreadable[entry.link] = None
        while len(self._unreadable) > 5000:
            self._unreadable.popitem(last=False)
        return None

    async def _failed(self, result: FeedPollResult, message: str,
                      retry_after: float | None) -> FeedPollResult:
        log.info("feed %s: %s", result.url, message)
        result.status = PollStatus.FAILED
        result.error = message
        result.next_fetch_at = await asyncio.to_thread(
            self._record_failure, result.feed_id, message, retry_after)
        return result

    # -- HTTP

    async def _fetch(self, url: str, headers: dict[str, str]) -> Fetched:
        """GET with retries for transient failures: exponential backoff with jitter, or the
        server's Retry-After when it is short enough."""
        attempt = 0
        while True:
            try:
                return await self._fetch_once(url, headers)
            except FetchError as error:
                if not error.transient or attempt >= self.limits.retries:
                    raise
                if (error.retry_after is not None
                        and error.retry_after > self.limits.max_retry_after_seconds):
                    raise
                delay = (error.retry_after if error.retry_after is not None
                         else self.limits.retry_base_seconds * 2**attempt
                         * (0.5 + self.rng.random() / 2))
                attempt += 1
                log.debug("%s: %s; attempt %d in %.2fs", url, error.message, attempt + 1, delay)
                await asyncio.sleep(delay)

    async def _fetch_once(self, url: str, headers: dict[str, str]) -> Fetched:
        """One GET, redirects followed by hand so every hop's host is checked; the timeout
        covers all hops and the whole body."""
        limits = self.limits
        try:
            async with asyncio.timeout(limits.timeout_seconds):
                permanent: bool | None = None  # None: no redirect yet
                for _ in range(MAX_REDIRECTS + 1):
                    self._check_host(url)
                    async with self.session.get(
                            url, headers={"User-Agent": USER_AGENT, **headers},
                            allow_redirects=False,
                            timeout=aiohttp.ClientTimeout(total=limits.timeout_seconds),
                    ) as response:
                        location = response.headers.get("Location")
                        if response.status in _REDIRECTS and location:
                            url = urljoin(str(response.url), location)
                            permanent = (permanent is not False
                                         and response.status in _PERMANENT_REDIRECTS)
                            continue
                        fetched = await self._read(response)
                        return replace(fetched, moved_to=url) if permanent else fetched
                raise FetchError("too many redirects", transient=False)
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(f"timed out after {limits.timeout_seconds:g}s",
                             transient=True) from None
        except aiohttp.InvalidURL:
            raise FetchError("invalid address", transient=False) from None
        except aiohttp.ClientSSLError:
            raise FetchError("TLS/certificate error", transient=False) from None
        except aiohttp.ClientConnectorDNSError as error:
            raise FetchError(f"could not resolve {error.host}", transient=True) from None
        except aiohttp.ClientConnectorError as error:
            raise FetchError(f"could not connect to {error.host}", transient=True) from None
        except aiohttp.ClientPayloadError:
            raise FetchError("response cut short", transient=True) from None
        except aiohttp.ClientResponseError as error:
            raise FetchError(_http_message(error.status), transient=error.status >= 500) from None
        except aiohttp.ClientError as error:
            raise FetchError(f"network error ({type(error).__name__})", transient=True) from None

    async def _read(self, response: aiohttp.ClientResponse) -> Fetched:
        limits = self.limits
        final_url = str(response.url)
        if response.status == 304:
            return Fetched(status=304, url=final_url)
        if response.status != 200:
            status = response.status
            raise FetchError(
                _http_message(status), transient=status >= 500 or status in {408, 425, 429},
                retry_after=parse_retry_after(response.headers.get("Retry-After"), self.clock()))
        too_big = FetchError(f"response over {_format_size(limits.max_bytes)}", transient=False)
        if (response.content_length or 0) > limits.max_bytes:
            raise too_big
        body = bytearray()
        async for chunk in response.content.iter_chunked(64 * 1024):
            body += chunk
            if len(body) > limits.max_bytes:
                raise too_big
        declared = "Content-Type" in response.headers
        return Fetched(status=200, url=final_url, body=bytes(body),
                       content_type=response.content_type.lower() if declared else "",
                       charset=response.charset,
                       raw_content_type=response.headers.get("Content-Type", ""),
                       etag=response.headers.get("ETag"),
                       last_modified=response.headers.get("Last-Modified"))

    def _check_host(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise FetchError(f"not a web address ({parts.scheme or 'no'} scheme)",
                             transient=False)
        if not self.allow_private and _is_private_host((parts.hostname or "").rstrip(".")):
            raise FetchError("address on a local or private network", transient=False)

    # -- database (run in threads)

    def _load_feed(self, feed_id: int) -> Feed | None:
        with session_scope(self.engine) as session:
            return session.get(Feed, feed_id)

    def _known_urls(self, urls: list[str]) -> set[str]:
        if not urls:
            return set()
        with session_scope(self.engine) as session:
            return queries.known_article_urls(session, urls)

    def _ingest(self, parsed: ParsedArticle, origin: str) -> IngestOutcome:
        # Checked first so a syndicated copy costs no extraction.
        with session_scope(self.engine) as session:
            if queries.article_exists(session, parsed.content_hash, parsed.url):
                return IngestOutcome(origin=origin, duplicate=True)
        try:
            return ingest_article(self.engine, parsed, self.extract, origin)
        except IntegrityError:
            # Another feed stored the same article at the same moment (unique hash or URL).
            with session_scope(self.engine) as session:
                if queries.article_exists(session, parsed.content_hash, parsed.url):
                    return IngestOutcome(origin=origin, duplicate=True)
            raise

    def _jittered(self, delay: timedelta, low: float, high: float) -> timedelta:
        return delay * (low + (high - low) * self.rng.random())

    def _move_feed(self, feed_id: int, old_url: str, new_url: str) -> None:
        """A feed that moved for good (301/308 on every hop) is fetched at its new address from
        now on -- unless the bot's settings name it (they would add the old address back; the
        admin is told to update them) or another feed already has that address."""
        if old_url in self.configured_urls:
            log.warning("feed %s moved permanently to %s: update the bot's settings",
                        old_url, new_url)
            return
        if len(new_url) > MAX_URL_LENGTH:
            return
        with session_scope(self.engine) as session:
            feed = session.get(Feed, feed_id)
            if feed is None or queries.feed_by_url(session, new_url) is not None:
                return
            feed.url = new_url
        log.info("feed %s moved permanently: now fetched from %s", old_url, new_url)

    def _record_success(self, feed_id: int, validators: tuple[str | None, str | None] | None,
                        new_articles: int, title: str | None,
                        note: str | None = None) -> datetime | None:
        """`note`: the feed was read but some entries were not (shown as its last error)."""
        now = self.clock()
        with session_scope(self.engine) as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return None
            feed.last_fetched_at = feed.last_success_at = now
            feed.last_error = note
            feed.consecutive_failures = 0
            if validators is not None:
                etag, last_modified = validators
                # A validator too long to store whole is dropped: a cut one never matches.
                feed.etag = etag if etag and len(etag) <= 300 else None
                feed.last_modified = (last_modified if last_modified
                                      and len(last_modified) <= 100 else None)
            if title:
                feed.title = title
            feed.article_count += new_articles
            # Spread out so feeds added together do not stay in lockstep.
            feed.next_fetch_at = now + self._jittered(self.limits.interval, 0.9, 1.1)
            return feed.next_fetch_at

    def backoff(self, failures: int) -> timedelta:
        """Wait after `failures` failed polls in a row: the interval doubled each time,
        capped, with jitter (between half and all of it)."""
        base = self.limits.interval * 2 ** min(max(failures - 1, 0), 20)
        return self._jittered(min(base, self.limits.max_backoff), 0.5, 1.0)

    def _record_failure(self, feed_id: int, message: str,
                        retry_after: float | None) -> datetime | None:
        now = self.clock()
        with session_scope(self.engine) as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return None
            feed.last_fetched_at = now
            feed.last_error = message[:500]
            feed.consecutive_failures += 1
            wait = self.backoff(feed.consecutive_failures)
            if retry_after is not None:  # the server said when; believe it, within reason
                wait = max(wait, min(timedelta(seconds=retry_after), timedelta(hours=24)))
            feed.next_fetch_at = now + wait
            return feed.next_fetch_at


def schedule_polling(scheduler: Any, poller: FeedPoller, *,
                     every: timedelta = timedelta(minutes=1), job_id: str = "feed-poll") -> Any:
    """Add the polling job to an APScheduler 3 `AsyncIOScheduler`. The job only looks for due
    feeds, so it runs often; each feed has its own next fetch time. Overlapping runs are
    allowed (a slow feed must not hold up the next round) and never poll a feed twice."""
    return scheduler.add_job(poller.run_once, "interval", seconds=every.total_seconds(),
                             id=job_id, replace_existing=True, max_instances=3, coalesce=True,
                             next_run_time=datetime.now(UTC))

"""Feed services and the poller, against a local HTTP server serving fixture feeds.

The server (127.0.0.1, random port) serves RSS and Atom documents built from invented stories
(tests/feeds/fixtures.py) that tests change between polls, article pages, and misbehaving
endpoints: 500s, 429s, a stalled response, an oversized one, HTML where a feed should be.
Extraction is a stand-in (the real engine is tested on labelled articles elsewhere): these tests
check fetching, parsing, storage and bookkeeping.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import socket
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime

import aiohttp
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.test_utils import TestServer
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from feeds.fixtures import (
    ACHTERBERG,
    BRANDT,
    FERRANDI,
    LINDQVIST,
    MENSAH_HALE,
    NOT_A_FEED,
    QUINTELA,
    Story,
    article_page,
    atom,
    rss,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.articles import ParsedArticle
from bot.domain import Extraction, LinkFact, Status
from bot.feeds import (
    FeedPoller,
    FeedPollResult,
    PollLimits,
    PollStatus,
    PublicOnlyResolver,
    add_feed,
    due_feeds,
    list_feeds,
    normalize_feed_url,
    parse_retry_after,
    remove_feed,
    schedule_polling,
    sync_configured_feeds,
)
from db.models import Article, Feed, GuildFeed, Player, Rumour

GUILD_A = 111_111_111_111_111_111
GUILD_B = 222_222_222_222_222_222
USER = 333_333_333_333_333_333
START = datetime(2024, 6, 18, 10, 0, tzinfo=UTC)

LIMITS = PollLimits(timeout_seconds=2.0, max_bytes=256 * 1024, max_entries=20, concurrency=4,
                    retries=2, retry_base_seconds=0.01, full_text_min_words=40)


# --- the local server ------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Document:
    body: bytes
    content_type: str = "application/rss+xml"
    etag: bool = True  # send an ETag (from the body) and honour If-None-Match
    last_modified: datetime | None = None  # send Last-Modified and honour If-Modified-Since


@dataclass
class Site:
    base: str = ""
    routes: dict[str, Handler] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    log: list[tuple[str, int]] = field(default_factory=list)  # (path, status sent)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, path: str) -> str:
        return self.base + path

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.headers.setdefault(path, []).append(dict(request.headers))
        handler = self.routes.get(path)
        response = await handler(request) if handler else web.Response(status=404)
        self.log.append((path, response.status))
        return response

    def serve(self, path: str, document: Document) -> None:
        self.routes[path] = self.document_handler(document)

    def document_handler(self, document: Document) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            headers: dict[str, str] = {}
            if document.etag:
                headers["ETag"] = '"' + hashlib.sha1(document.body).hexdigest()[:16] + '"'
            if document.last_modified:
                headers["Last-Modified"] = format_datetime(document.last_modified, usegmt=True)
            if document.etag and request.headers.get("If-None-Match") == headers["ETag"]:
                return web.Response(status=304, headers=headers)
            if (document.last_modified and not document.etag
                    and request.headers.get("If-Modified-Since") == headers["Last-Modified"]):
                return web.Response(status=304, headers=headers)
            return web.Response(body=document.body, headers=headers,
                                content_type=document.content_type, charset="utf-8")
        return handler

    def serve_page(self, story: Story) -> str:
        path = f"/news/{story.slug}"
        body = article_page(story)

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(body=body, content_type="text/html", charset="utf-8")

        self.routes[path] = handler
        return self.url(path)

    def fail_first(self, path: str, times: int, status: int = 500,
                   headers: dict[str, str] | None = None) -> None:
        """Answer `status` to the next `times` requests, then as before."""
        then = self.routes[path]
        remaining = [times]

        async def handler(request: web.Request) -> web.StreamResponse:
            if remaining[0] > 0:
                remaining[0] -= 1
                return web.Response(status=status, text="upstream trouble", headers=headers)
            return await then(request)

        self.routes[path] = handler


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    state = Site()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", state.handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    state.base = f"http://127.0.0.1:{server.port}"
    try:
        yield state
    finally:
        state.release.set()  # let stalled handlers finish
        await server.close()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now


def no_facts(_: ParsedArticle) -> Extraction:
    return Extraction()


def make_poller(http: aiohttp.ClientSession, engine: Engine, clock: Clock | None = None, *,
                extract: Callable[[ParsedArticle], Extraction] = no_facts,
                **limits: object) -> FeedPoller:
    from dataclasses import replace
    return FeedPoller(http, engine, extract, clock=clock or Clock(),
                      limits=replace(LIMITS, **limits),  # type: ignore[arg-type]
                      allow_private=True, rng=random.Random(7))


def follow(engine: Engine, site: Site, path: str, guild: int = GUILD_A) -> int:
    result = add_feed(engine, guild, site.url(path), USER, allow_private=True)
    assert result.ok, result.message
    assert result.feed_id is not None
    return result.feed_id


def feed_row(engine: Engine, feed_id: int) -> Feed:
    with Session(engine) as session:
        feed = session.get(Feed, feed_id)
        assert feed is not None
        return feed


def articles(engine: Engine) -> list[Article]:
    with Session(engine) as session:
        return list(session.exec(select(Article).order_by(Article.id)))  # type: ignore[arg-type]


def urls(engine: Engine) -> set[str | None]:
    return {article.url for article in articles(engine)}


# --- services --------------------------------------------------------------------------------


def test_normalize_feed_url() -> None:
    assert normalize_feed_url("HTTPS://News.Example.COM:443/rss?x=1#top") == (
        "https://news.example.com/rss?x=1")
    assert normalize_feed_url("<http://example.com>") == "http://example.com/"
    assert normalize_feed_url("example.com/feed.xml") == "https://example.com/feed.xml"
    assert normalize_feed_url("http://example.com:8080/a") == "http://example.com:8080/a"
    for bad, words in [("", "address"), ("ftp://example.com/feed", "ftp"),
                       ("https://user:secret@example.com/feed", "password"),
                       ("http://127.0.0.1/feed", "private"), ("http://localhost:8000/", "local"),
                       ("http://10.1.2.3/rss", "private"), ("https://exa mple.com/", "spaces"),
                       ("https://example.com:99999/", "port")]:
        with pytest.raises(ValueError, match=words):
            normalize_feed_url(bad)
    assert normalize_feed_url("http://127.0.0.1:8000/x", allow_private=True) == (
        "http://127.0.0.1:8000/x")


def test_add_list_remove_and_guild_isolation(engine: Engine) -> None:
    first = add_feed(engine, GUILD_A, "https://windowwatch.example/transfers.rss", USER)
    assert first.ok and first.created and "Following https://windowwatch.example/" in first.message
    again = add_feed(engine, GUILD_A, "HTTPS://WindowWatch.example/transfers.rss#latest", USER)
    assert not again.ok and "already follows" in again.message
    assert again.feed_id == first.feed_id
    shared = add_feed(engine, GUILD_B, "https://windowwatch.example/transfers.rss", USER)
    assert shared.ok and not shared.created and shared.feed_id == first.feed_id
    other = add_feed(engine, GUILD_B, "https://deadlinedesk.example/atom.xml", USER)
    assert other.ok
    bad = add_feed(engine, GUILD_A, "gopher://old.example/", USER)
    assert not bad.ok and "http" in bad.message

    with Session(engine) as session:  # a feed followed by two servers is one row
        assert len(session.exec(select(Feed)).all()) == 2
        assert len(session.exec(select(GuildFeed)).all()) == 3

    listed_a = list_feeds(engine, GUILD_A)
    assert [s.url for s in listed_a] == ["https://windowwatch.example/transfers.rss"]
    assert listed_a[0].state == "new" and listed_a[0].article_count == 0
    assert {s.url for s in list_feeds(engine, GUILD_B)} == {
        "https://windowwatch.example/transfers.rss", "https://deadlinedesk.example/atom.xml"}
    assert list_feeds(engine, 999) == []

    # Guild A cannot remove guild B's feed, by number or address.
    assert other.feed_id is not None
    assert "does not follow" in remove_feed(engine, GUILD_A, str(other.feed_id))
    assert "does not follow" in remove_feed(engine, GUILD_A, "https://deadlinedesk.example/atom.xml")
    assert len(list_feeds(engine, GUILD_B)) == 2

    message = remove_feed(engine, GUILD_A, "<https://WINDOWWATCH.example/transfers.rss>")
    assert message.startswith("Stopped following https://windowwatch.example/transfers.rss")
    assert list_feeds(engine, GUILD_A) == []
    assert len(list_feeds(engine, GUILD_B)) == 2  # still followed by B
    assert "Stopped following" in remove_feed(engine, GUILD_B, f"#{other.feed_id}")
    assert "does not follow" in remove_feed(engine, GUILD_B, "12345")
    assert "does not follow" in remove_feed(engine, GUILD_B, "https://nowhere.example/rss")


def test_cap_per_guild(engine: Engine) -> None:
    for n in range(3):
        assert add_feed(engine, GUILD_A, f"https://f{n}.example/rss", USER, max_per_guild=3).ok
    capped = add_feed(engine, GUILD_A, "https://f3.example/rss", USER, max_per_guild=3)
    assert not capped.ok
    assert capped.message == ("This server already follows 3 feeds, the most allowed. "
                              "Remove one with /feeds remove first.")
    assert add_feed(engine, GUILD_B, "https://f3.example/rss", USER, max_per_guild=3).ok
    remove_feed(engine, GUILD_A, "https://f0.example/rss")
    assert add_feed(engine, GUILD_A, "https://f3.example/rss", USER, max_per_guild=3).ok


def test_due_feeds_only_followed_or_configured(engine: Engine) -> None:
    followed = add_feed(engine, GUILD_A, "https://a.example/rss", USER).feed_id
    dropped = add_feed(engine, GUILD_A, "https://b.example/rss", USER).feed_id
    remove_feed(engine, GUILD_A, "https://b.example/rss")
    configured, problems = sync_configured_feeds(
        engine, ["https://settings.example/feed", "not a url at all", "https://a.example/rss"])
    assert configured == ["https://settings.example/feed", "https://a.example/rss"]
    assert len(problems) == 1 and "not a url" in problems[0]
    with Session(engine) as session:
        settings_feed = session.exec(
            select(Feed).where(Feed.url == "https://settings.example/feed")).one()
        assert dropped is not None and session.get(Feed, dropped) is not None  # row kept

    assert due_feeds(engine, START) == [followed]
    assert set(due_feeds(engine, START, configured=configured)) == {followed, settings_feed.id}
    with Session(engine) as session:  # a feed polled recently is not due until its time
        feed = session.get(Feed, followed)
        assert feed is not None
        feed.next_fetch_at = START + timedelta(minutes=10)
        session.add(feed)
        session.commit()
    assert due_feeds(engine, START) == []
    assert due_feeds(engine, START + timedelta(minutes=10)) == [followed]

    listed = list_feeds(engine, GUILD_B, configured=configured)  # settings feeds: every server
    assert [(s.url, s.configured) for s in listed] == [
        ("https://a.example/rss", True), ("https://settings.example/feed", True)]
    assert "settings" in remove_feed(engine, GUILD_B, "https://settings.example/feed",
                                     configured=configured)


def test_retry_after_and_backoff() -> None:
    assert parse_retry_after("120", START) == 120
    assert parse_retry_after(format_datetime(START + timedelta(minutes=5), usegmt=True),
                             START) == 300
    assert parse_retry_after("soon", START) is None
    assert parse_retry_after(None, START) is None
    poller = FeedPoller(None, None, no_facts, rng=random.Random(1))  # type: ignore[arg-type]
    waits = [poller.backoff(n) for n in range(1, 12)]
    assert all(timedelta(minutes=7) <= w <= timedelta(hours=6) for w in waits)
    assert waits[0] <= timedelta(minutes=15) < waits[2]  # grows ...
    assert waits[-1] >= timedelta(hours=3)  # ... up to the cap, with jitter below it


# --- polling ---------------------------------------------------------------------------------


async def test_rss_conditional_get_and_new_entries(engine: Engine, site: Site,
                                                   http: aiohttp.ClientSession) -> None:
    links = {s.slug: site.url(f"/news/{s.slug}") for s in (LINDQVIST, MENSAH_HALE, FERRANDI)}
    document = Document(rss("Window Watch", site.base, [(MENSAH_HALE, links["mensah-hale-loan"]),
                                                        (LINDQVIST, links["lindqvist-talks"])]))
    site.serve("/transfers.rss", document)
    feed_id = follow(engine, site, "/transfers.rss")
    clock = Clock()
    poller = make_poller(http, engine, clock)

    first = await poller.poll_feed(feed_id)
    assert first.status == PollStatus.OK and first.error is None
    assert (first.new_articles, first.duplicates) == (2, 0)
    stored = articles(engine)
    assert [a.url for a in stored] == [links["lindqvist-talks"], links["mensah-hale-loan"]]
    lindqvist = stored[0]
    assert lindqvist.title == LINDQVIST.title
    assert lindqvist.published == date(2024, 6, 10)
    assert lindqvist.origin == site.url("/transfers.rss")
    assert "sporting director travelled north" in lindqvist.text
    assert site.hits["/news/lindqvist-talks"] == 0  # whole story in the feed: no page fetch
    feed = feed_row(engine, feed_id)
    assert feed.title == "Window Watch" and feed.etag and feed.article_count == 2
    assert feed.last_success_at == START and feed.last_error is None
    assert feed.next_fetch_at is not None and feed.next_fetch_at > START

    clock.advance(timedelta(minutes=20))
    second = await poller.poll_feed(feed_id)
    assert second.status == PollStatus.NOT_MODIFIED and second.new_articles == 0
    assert site.headers["/transfers.rss"][-1]["If-None-Match"] == feed.etag
    assert site.log[-1] == ("/transfers.rss", 304)

    document.body = rss("Window Watch", site.base, [(FERRANDI, links["ferrandi-bid"]),
                                                    (MENSAH_HALE, links["mensah-hale-loan"]),
                                                    (LINDQVIST, links["lindqvist-talks"])])
    clock.advance(timedelta(minutes=20))
    third = await poller.poll_feed(feed_id)
    assert (third.status, third.new_articles, third.duplicates) == (PollStatus.OK, 1, 2)
    assert len(articles(engine)) == 3
    assert feed_row(engine, feed_id).article_count == 3
    assert [o.article_id for o in third.outcomes] == [articles(engine)[-1].id]


async def test_atom_with_last_modified(engine: Engine, site: Site,
                                       http: aiohttp.ClientSession) -> None:
    stamp = datetime(2024, 6, 15, 8, 0, tzinfo=UTC)
    site.serve("/atom.xml", Document(
        atom("Deadline Desk", site.base, [(BRANDT, site.url("/d/brandt")),
                                          (QUINTELA, site.url("/d/quintela"))]),
        content_type="application/atom+xml", etag=False, last_modified=stamp))
    feed_id = follow(engine, site, "/atom.xml")
    poller = make_poller(http, engine)
    first = await poller.poll_feed(feed_id)
    assert (first.status, first.new_articles) == (PollStatus.OK, 2)
    feed = feed_row(engine, feed_id)
    assert feed.title == "Deadline Desk" and feed.etag is None
    assert feed.last_modified == format_datetime(stamp, usegmt=True)
    by_url = {a.url: a for a in articles(engine)}
    assert by_url[site.url("/d/quintela")].published == date(2024, 6, 15)
    assert "posted a photo" in by_url[site.url("/d/quintela")].text

    second = await poller.poll_feed(feed_id)
    assert second.status == PollStatus.NOT_MODIFIED
    assert site.headers["/atom.xml"][-1]["If-Modified-Since"] == feed.last_modified


async def test_summary_entries_fetch_the_article_page(engine: Engine, site: Site,
                                                      http: aiohttp.ClientSession) -> None:
    lindqvist_url = site.serve_page(LINDQVIST)
    ferrandi_url = site.url("/news/removed-story")  # 404: the teaser is all there is
    site.serve("/teasers.rss", Document(rss("Window Watch teasers", site.base,
                                            [(LINDQVIST, lindqvist_url),
                                             (FERRANDI, ferrandi_url)], full=False)))
    feed_id = follow(engine, site, "/teasers.rss")
    result = await make_poller(http, engine).poll_feed(feed_id)
    assert (result.status, result.new_articles, result.failed_entries) == (PollStatus.OK, 2, 0)
    assert site.hits["/news/lindqvist-talks"] == 1
    by_url = {a.url: a for a in articles(engine)}
    page_article = by_url[lindqvist_url]
    assert "first proposal is being prepared for the weekend" in page_article.text
    for chrome in ("cookies", "Subscribe to our newsletter", "Related stories", "Copyright"):
        assert chrome not in page_article.text
    assert page_article.title == LINDQVIST.title
    assert page_article.published == date(2024, 6, 10)  # the entry's date
    assert by_url[ferrandi_url].text == FERRANDI.teaser
    assert feed_row(engine, feed_id).etag  # everything was read: validators kept


async def test_entry_that_failed_is_read_at_next_poll(engine: Engine, site: Site,
                                                      http: aiohttp.ClientSession) -> None:
    brandt_url = site.serve_page(BRANDT)
    achterberg_url = site.serve_page(ACHTERBERG)
    site.fail_first("/news/brandt-medical", times=3, status=503)  # all three attempts
    site.serve("/teasers.rss", Document(rss("Teasers", site.base, [(BRANDT, brandt_url),
                                                                   (ACHTERBERG, achterberg_url)],
                                            full=False)))
    feed_id = follow(engine, site, "/teasers.rss")
    clock = Clock()
    poller = make_poller(http, engine, clock)
    first = await poller.poll_feed(feed_id)
    assert (first.status, first.new_articles, first.failed_entries) == (PollStatus.OK, 1, 1)
    assert urls(engine) == {achterberg_url}
    assert site.hits["/news/brandt-medical"] == 3  # first try + 2 retries
    feed = feed_row(engine, feed_id)
    assert feed.etag is None  # not advanced, or a 304 would hide the missed entry
    assert feed.last_error == "1 article(s) could not be read; retrying"
    assert feed.consecutive_failures == 0

    clock.advance(timedelta(minutes=20))
    second = await poller.poll_feed(feed_id)
    assert (second.status, second.new_articles, second.duplicates) == (PollStatus.OK, 1, 1)
    assert urls(engine) == {achterberg_url, brandt_url}
    assert site.hits["/news/achterberg-monitoring"] == 1  # stored: not fetched again
    feed = feed_row(engine, feed_id)
    assert feed.etag and feed.last_error is None
    assert (await poller.poll_feed(feed_id)).status == PollStatus.NOT_MODIFIED


async def test_ingest_failure_is_not_lost(engine: Engine, site: Site,
                                          http: aiohttp.ClientSession) -> None:
    site.serve("/feed.rss", Document(rss("Window Watch", site.base, [
        (LINDQVIST, site.url("/a/1")), (QUINTELA, site.url("/a/2"))])))
    feed_id = follow(engine, site, "/feed.rss")
    broken = {"on": True}

    def flaky_extract(parsed: ParsedArticle) -> Extraction:
        if broken["on"] and "Quintela" in parsed.text:
            raise RuntimeError("extraction crashed")
        return Extraction()

    poller = make_poller(http, engine, extract=flaky_extract)
    first = await poller.poll_feed(feed_id)
    assert (first.new_articles, first.failed_entries) == (1, 1)
    assert urls(engine) == {site.url("/a/1")}
    broken["on"] = False
    second = await poller.poll_feed(feed_id)
    assert (second.new_articles, second.duplicates) == (1, 1)
    assert urls(engine) == {site.url("/a/1"), site.url("/a/2")}


async def test_server_error_then_ok_within_one_poll(engine: Engine, site: Site,
                                                    http: aiohttp.ClientSession) -> None:
    site.serve("/flaky.rss", Document(rss("Flaky", site.base, [(BRANDT, site.url("/b"))])))
    site.fail_first("/flaky.rss", times=2, status=500)
    feed_id = follow(engine, site, "/flaky.rss")
    result = await make_poller(http, engine).poll_feed(feed_id)
    assert (result.status, result.new_articles) == (PollStatus.OK, 1)
    assert [status for path, status in site.log if path == "/flaky.rss"] == [500, 500, 200]
    assert feed_row(engine, feed_id).consecutive_failures == 0


async def test_failing_feed_backs_off_and_recovers(engine: Engine, site: Site,
                                                   http: aiohttp.ClientSession) -> None:
    site.serve("/down.rss", Document(rss("Down", site.base, [(BRANDT, site.url("/b"))])))
    site.fail_first("/down.rss", times=6, status=500)
    feed_id = follow(engine, site, "/down.rss")
    clock = Clock()
    poller = make_poller(http, engine, clock)

    first = await poller.poll_feed(feed_id)
    assert (first.status, first.error) == (PollStatus.FAILED, "HTTP 500")
    assert site.hits["/down.rss"] == 3  # at most 2 retries
    feed = feed_row(engine, feed_id)
    assert (feed.consecutive_failures, feed.last_error, feed.last_success_at) == (1, "HTTP 500",
                                                                                  None)
    assert feed.next_fetch_at is not None
    first_wait = feed.next_fetch_at - START
    assert timedelta(0) < first_wait <= timedelta(hours=6)
    status = list_feeds(engine, GUILD_A)[0]  # what /feeds list shows
    assert (status.state, status.last_error, status.consecutive_failures) == ("failing",
                                                                              "HTTP 500", 1)
    assert due_feeds(engine, START + timedelta(seconds=1)) == []  # backing off

    clock.now = feed.next_fetch_at
    second = await poller.poll_feed(feed_id)
    assert second.status == PollStatus.FAILED
    feed = feed_row(engine, feed_id)
    assert feed.consecutive_failures == 2
    assert feed.next_fetch_at is not None and feed.next_fetch_at - clock.now > first_wait / 2

    clock.now = feed.next_fetch_at
    third = await poller.poll_feed(feed_id)  # the server is back
    assert (third.status, third.new_articles) == (PollStatus.OK, 1)
    status = list_feeds(engine, GUILD_A)[0]
    assert (status.state, status.last_error, status.consecutive_failures,
            status.article_count) == ("ok", None, 0, 1)


async def test_too_many_requests_honours_retry_after(engine: Engine, site: Site,
                                                     http: aiohttp.ClientSession) -> None:
    site.serve("/busy.rss", Document(rss("Busy", site.base, [(BRANDT, site.url("/b"))])))
    site.fail_first("/busy.rss", times=1, status=429, headers={"Retry-After": "0"})
    site.serve("/closed.rss", Document(rss("Closed", site.base, [(FERRANDI, site.url("/f"))])))
    site.fail_first("/closed.rss", times=1, status=429, headers={"Retry-After": "7200"})
    busy = follow(engine, site, "/busy.rss")
    closed = follow(engine, site, "/closed.rss")
    poller = make_poller(http, engine)

    assert (await poller.poll_feed(busy)).new_articles == 1  # retried at once, as asked
    result = await poller.poll_feed(closed)  # two hours: not within this poll
    assert (result.status, result.error) == (PollStatus.FAILED, "HTTP 429 (too many requests)")
    assert site.hits["/closed.rss"] == 1
    next_fetch = feed_row(engine, closed).next_fetch_at
    assert next_fetch is not None and next_fetch >= START + timedelta(hours=2)


async def test_slow_feed_does_not_hold_up_the_others(engine: Engine, site: Site,
                                                     http: aiohttp.ClientSession) -> None:
    slow_started = asyncio.Event()
    seen_by_fast: list[int] = []

    async def stalled(request: web.Request) -> web.StreamResponse:
        slow_started.set()
        await asyncio.wait_for(site.release.wait(), timeout=30)
        return web.Response(status=503)

    fast_doc = site.document_handler(Document(rss("Fast", site.base, [
        (LINDQVIST, site.url("/l")), (MENSAH_HALE, site.url("/m"))])))

    async def fast(request: web.Request) -> web.StreamResponse:
        await asyncio.wait_for(slow_started.wait(), timeout=30)  # the slow one is hanging
        seen_by_fast.append(site.hits["/slow.rss"])
        return await fast_doc(request)

    site.routes["/slow.rss"] = stalled
    site.routes["/fast.rss"] = fast
    slow_id = follow(engine, site, "/slow.rss")  # first in line
    fast_id = follow(engine, site, "/fast.rss")
    poller = make_poller(http, engine, timeout_seconds=0.5)

    results = {r.feed_id: r for r in await poller.poll_due(START)}
    assert (results[slow_id].status, results[slow_id].error) == (PollStatus.FAILED,
                                                                 "timed out after 0.5s")
    assert site.hits["/slow.rss"] == 3
    assert (results[fast_id].status, results[fast_id].new_articles) == (PollStatus.OK, 2)
    # The fast feed was served while the slow one's first attempt was still hanging.
    assert seen_by_fast == [1]
    assert len(articles(engine)) == 2
    listed = {s.feed_id: s for s in list_feeds(engine, GUILD_A)}
    assert listed[slow_id].last_error == "timed out after 0.5s"
    assert listed[fast_id].last_error is None


async def test_oversized_responses(engine: Engine, site: Site,
                                   http: aiohttp.ClientSession) -> None:
    padding = "<!-- " + "x" * 200_000 + " -->"
    big = rss("Big", site.base, [(BRANDT, site.url("/b"))]).replace(b"<channel>",
                                                                   padding.encode() + b"<channel>")
    site.serve("/big.rss", Document(big))  # Content-Length says it all

    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)  # chunked: no length given up front
        try:
            await response.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            for _ in range(200):
                await response.write(b"<!-- " + b"y" * 16_000 + b" -->")
        except (ConnectionError, RuntimeError):
            pass  # the client hung up, as it should
        return response

    site.routes["/endless.rss"] = endless
    big_id = follow(engine, site, "/big.rss")
    endless_id = follow(engine, site, "/endless.rss")
    poller = make_poller(http, engine, max_bytes=64 * 1024)
    for feed_id in (big_id, endless_id):
        result = await poller.poll_feed(feed_id)
        assert (result.status, result.error) == (PollStatus.FAILED, "response over 64 kB")
    assert site.hits["/big.rss"] == 1  # not retried: it would be as big again
    assert articles(engine) == []


async def test_not_a_feed(engine: Engine, site: Site, http: aiohttp.ClientSession) -> None:
    site.serve("/moved", Document(NOT_A_FEED, content_type="text/html"))
    feed_id = follow(engine, site, "/moved")
    missing_id = follow(engine, site, "/no-such-feed")
    poller = make_poller(http, engine)
    result = await poller.poll_feed(feed_id)
    assert (result.status, result.error) == (PollStatus.FAILED,
                                             "not a feed (no RSS or Atom found)")
    missing = await poller.poll_feed(missing_id)
    assert missing.error == "HTTP 404 (not found)"
    assert site.hits["/no-such-feed"] == 1
    assert feed_row(engine, feed_id).last_error == "not a feed (no RSS or Atom found)"
    assert (await poller.poll_feed(10_000)).status == PollStatus.MISSING


@pytest.mark.parametrize("concurrent", [False, True], ids=["one-by-one", "concurrent"])
async def test_syndicated_copies_are_stored_once(engine: Engine, site: Site,
                                                 http: aiohttp.ClientSession,
                                                 concurrent: bool) -> None:
    # Outlet A and an aggregator carry the same stories: one under the same link, one under
    # the aggregator's own link with identical text. The aggregator also repeats an entry.
    site.serve("/outlet.rss", Document(rss("Outlet", site.base, [
        (LINDQVIST, site.url("/outlet/lindqvist")), (FERRANDI, site.url("/outlet/ferrandi"))])))
    site.serve("/aggregator.atom", Document(atom("Aggregator", site.base, [
        (LINDQVIST, site.url("/outlet/lindqvist")),
        (FERRANDI, site.url("/agg/ferrandi-copy")),
        (FERRANDI, site.url("/agg/ferrandi-copy")),
        (QUINTELA, site.url("/agg/quintela"))]), content_type="application/atom+xml"))
    extracted: list[str] = []

    def counting_extract(parsed: ParsedArticle) -> Extraction:
        extracted.append(parsed.url or "")
        return Extraction()

    outlet = follow(engine, site, "/outlet.rss")
    aggregator = follow(engine, site, "/aggregator.atom", guild=GUILD_B)
    poller = make_poller(http, engine, extract=counting_extract)
    if concurrent:  # both at once: two polls may store the same article at the same moment
        results = await poller.poll_due(START)
    else:
        results = [await poller.poll_feed(outlet), await poller.poll_feed(aggregator)]
    assert {r.feed_id for r in results} == {outlet, aggregator}
    assert all(r.status == PollStatus.OK for r in results)
    assert sum(r.new_articles for r in results) == 3
    stored = articles(engine)
    assert len(stored) == 3
    assert len({a.content_hash for a in stored}) == 3
    assert sum("Lindqvist" in a.text for a in stored) == 1
    assert sum("Ferrandi" in a.text for a in stored) == 1
    if not concurrent:  # a copy known as such is not even extracted
        assert extracted == [site.url("/outlet/lindqvist"), site.url("/outlet/ferrandi"),
                             site.url("/agg/quintela")]
        assert results[1].duplicates == 3  # same link, same text, repeated entry

    again = await poller.poll_due(START + timedelta(hours=1))
    assert sum(r.new_articles for r in again) == 0 and len(articles(engine)) == 3


async def test_shared_feed_is_fetched_once(engine: Engine, site: Site,
                                           http: aiohttp.ClientSession) -> None:
    site.serve("/shared.rss", Document(rss("Shared", site.base, [(BRANDT, site.url("/b"))])))
    feed_id = follow(engine, site, "/shared.rss", guild=GUILD_A)
    assert follow(engine, site, "/shared.rss", guild=GUILD_B) == feed_id
    results = await make_poller(http, engine).poll_due(START)
    assert [r.feed_id for r in results] == [feed_id]
    assert site.hits["/shared.rss"] == 1
    assert [s.article_count for s in list_feeds(engine, GUILD_B)] == [1]


def _link_extract(parsed: ParsedArticle) -> Extraction:
    """Every story about Lindqvist links him with Harbourside United, at rising strength."""
    if "Lindqvist" not in parsed.text:
        return Extraction()
    status = Status.MEDICAL if "medical" in parsed.text else Status.TALKS
    return Extraction(links=[LinkFact("Mateo Lindqvist", "Harbourside United", "Nordvik FK",
                                      status, 0.8, parsed.text.split(".")[0])])


def _lindqvist_story(slug: str, day: int, detail: str) -> Story:
    return Story(slug=slug, title=f"Lindqvist update {slug}",
                 published=datetime(2024, 6, day, 12, 0, tzinfo=UTC),
                 paragraphs=(f"Mateo Lindqvist {detail}, with Harbourside United and Nordvik FK "
                             "working through the last points of a deal that has taken most "
                             "of the month to come together.",
                             "People on both sides expect news before the end of the week, and "
                             "the midfielder has told team-mates he is ready for the move once "
                             "the clubs shake hands on the final figure."),
                 teaser=f"Mateo Lindqvist {detail}.")


async def test_out_of_order_entries(engine: Engine, site: Site,
                                    http: aiohttp.ClientSession) -> None:
    talks = _lindqvist_story("talks", 12, "is the subject of talks")
    medical = _lindqvist_story("medical", 16, "is booked in for a medical")
    middle = _lindqvist_story("middle", 14, "has agreed personal terms")
    early = _lindqvist_story("early", 5, "was first watched by scouts in May")
    document = Document(rss("Lindqvist watch", site.base, [
        (talks, site.url("/l/talks")), (medical, site.url("/l/medical")),
        (middle, site.url("/l/middle"))]))  # not in date order
    site.serve("/lindqvist.rss", document)
    feed_id = follow(engine, site, "/lindqvist.rss")
    clock = Clock()
    poller = make_poller(http, engine, clock, extract=_link_extract)

    first = await poller.poll_feed(feed_id)
    assert first.new_articles == 3
    # read oldest first
    assert [a.published for a in articles(engine)] == [date(2024, 6, 12), date(2024, 6, 14),
                                                       date(2024, 6, 16)]
    changes = [str(c) for o in first.outcomes for c in o.changes]
    assert changes == ["new link: Mateo Lindqvist → Harbourside United (talks)",
                       "status change: Mateo Lindqvist → Harbourside United (talks → medical)"]

    # An older story turns up later, at the end of the feed.
    document.body = rss("Lindqvist watch", site.base, [
        (talks, site.url("/l/talks")), (medical, site.url("/l/medical")),
        (middle, site.url("/l/middle")), (early, site.url("/l/early"))])
    clock.advance(timedelta(minutes=20))
    second = await poller.poll_feed(feed_id)
    assert (second.new_articles, second.duplicates) == (1, 3)
    assert [c for o in second.outcomes for c in o.changes] == []  # old news changes nothing
    with Session(engine) as session:
        player = session.exec(select(Player).where(Player.name == "Mateo Lindqvist")).one()
        rumour = session.exec(select(Rumour).where(Rumour.player_id == player.id)).one()
        assert rumour.status == "medical"
        assert rumour.first_seen.date() == date(2024, 6, 5)
        assert rumour.last_seen.date() == date(2024, 6, 16)


async def test_entries_over_the_cap_wait_for_the_next_poll(
        engine: Engine, site: Site, http: aiohttp.ClientSession) -> None:
    stories = [LINDQVIST, MENSAH_HALE, FERRANDI, BRANDT, ACHTERBERG]
    site.serve("/many.rss", Document(rss("Many", site.base, [
        (s, site.url(f"/n/{s.slug}")) for s in stories])))
    feed_id = follow(engine, site, "/many.rss")
    clock = Clock()
    poller = make_poller(http, engine, clock, max_entries=2)
    first = await poller.poll_feed(feed_id)
    assert (first.new_articles, first.deferred_entries) == (2, 3)
    newest_two = {site.url(f"/n/{s.slug}") for s in (BRANDT, FERRANDI)}
    assert urls(engine) == newest_two
    assert feed_row(engine, feed_id).etag is None
    second = await poller.poll_feed(feed_id)
    third = await poller.poll_feed(feed_id)
    assert (second.new_articles, third.new_articles, third.deferred_entries) == (2, 1, 0)
    assert len(articles(engine)) == 5
    assert feed_row(engine, feed_id).etag
    assert (await poller.poll_feed(feed_id)).status == PollStatus.NOT_MODIFIED


async def test_overlapping_polls_do_not_fetch_twice(engine: Engine, site: Site,
                                                    http: aiohttp.ClientSession) -> None:
    gate = asyncio.Event()
    doc = site.document_handler(Document(rss("Gate", site.base, [(BRANDT, site.url("/b"))])))

    async def gated(request: web.Request) -> web.StreamResponse:
        await asyncio.wait_for(gate.wait(), timeout=30)
        return await doc(request)

    site.routes["/gated.rss"] = gated
    feed_id = follow(engine, site, "/gated.rss")
    poller = make_poller(http, engine)
    first = asyncio.create_task(poller.poll_due(START))
    while site.hits["/gated.rss"] == 0:
        await asyncio.sleep(0.01)
    assert await poller.poll_due(START) == []  # still in flight: left alone
    busy = await poller.poll_feed(feed_id)
    assert busy.status == PollStatus.BUSY
    gate.set()
    results: list[FeedPollResult] = await first
    assert [r.new_articles for r in results] == [1]
    assert site.hits["/gated.rss"] == 1


async def test_scheduler_job_polls_due_feeds(engine: Engine, site: Site,
                                             http: aiohttp.ClientSession) -> None:
    site.serve("/sched.rss", Document(rss("Scheduled", site.base, [(BRANDT, site.url("/b"))])))
    follow(engine, site, "/sched.rss")
    poller = make_poller(http, engine)
    scheduler = AsyncIOScheduler(timezone=UTC)
    schedule_polling(scheduler, poller, every=timedelta(hours=1))
    scheduler.start()
    try:
        for _ in range(500):
            if articles(engine):
                break
            await asyncio.sleep(0.01)
    finally:
        scheduler.shutdown(wait=False)
    assert len(articles(engine)) == 1
    assert site.hits["/sched.rss"] == 1


async def test_redirects_are_followed_but_not_forever(engine: Engine, site: Site,
                                                     http: aiohttp.ClientSession) -> None:
    site.serve("/new.rss", Document(rss("Moved", site.base, [(BRANDT, site.url("/b"))])))

    def redirect(to: str) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=301, headers={"Location": to})
        return handler

    site.routes["/old.rss"] = redirect("/new.rss")
    site.routes["/loop-a"] = redirect("/loop-b")
    site.routes["/loop-b"] = redirect("/loop-a")
    moved = follow(engine, site, "/old.rss")
    looping = follow(engine, site, "/loop-a")
    poller = make_poller(http, engine)
    result = await poller.poll_feed(moved)
    assert (result.status, result.new_articles) == (PollStatus.OK, 1)
    assert [a.origin for a in articles(engine)] == [site.url("/old.rss")]
    looped = await poller.poll_feed(looping)
    assert (looped.status, looped.error) == (PollStatus.FAILED, "too many redirects")


async def test_a_feed_that_moved_for_good_is_fetched_at_its_new_address(
        engine: Engine, site: Site, http: aiohttp.ClientSession) -> None:
    site.serve("/new.rss", Document(rss("Moved", site.base, [(BRANDT, site.url("/b"))])))

    def redirect(to: str, status: int) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": to})
        return handler

    site.routes["/old.rss"] = redirect("/new.rss", 301)
    site.routes["/hop.rss"] = redirect("/old.rss", 308)
    site.routes["/today.rss"] = redirect("/new.rss", 302)
    site.routes["/mixed.rss"] = redirect("/today.rss", 301)
    site.routes["/settings.rss"] = redirect("/new.rss", 301)
    moved = follow(engine, site, "/hop.rss")
    temporary = follow(engine, site, "/today.rss")
    mixed = follow(engine, site, "/mixed.rss")
    configured = follow(engine, site, "/settings.rss")
    poller = FeedPoller(http, engine, no_facts, clock=Clock(), limits=LIMITS,
                        configured_urls=[site.url("/settings.rss")], allow_private=True,
                        rng=random.Random(7))
    assert (await poller.poll_feed(moved)).status is PollStatus.OK
    assert feed_row(engine, moved).url == site.url("/new.rss")
    hits = site.hits["/hop.rss"]
    await poller.poll_feed(moved)
    assert site.hits["/hop.rss"] == hits  # the old address is not asked again
    for feed_id, path in ((temporary, "/today.rss"), (mixed, "/mixed.rss"),
                          (configured, "/settings.rss")):
        assert (await poller.poll_feed(feed_id)).status is PollStatus.OK
        assert feed_row(engine, feed_id).url == site.url(path)


async def test_local_addresses_are_not_fetched(engine: Engine, site: Site,
                                               http: aiohttp.ClientSession) -> None:
    site.serve("/feed.rss", Document(rss("Local", site.base, [(BRANDT, site.url("/b"))])))
    feed_id = follow(engine, site, "/feed.rss")
    guarded = FeedPoller(http, engine, no_facts, clock=Clock(), limits=LIMITS)
    result = await guarded.poll_feed(feed_id)
    assert (result.status, result.error) == (PollStatus.FAILED,
                                             "address on a local or private network")
    assert site.hits["/feed.rss"] == 0

    # Names that resolve to local addresses are refused by the resolver.
    port = site.base.rsplit(":", 1)[1]
    by_name = add_feed(engine, GUILD_A, f"http://localhost:{port}/feed.rss", USER,
                       allow_private=True).feed_id
    assert by_name is not None
    connector = aiohttp.TCPConnector(resolver=PublicOnlyResolver())
    async with aiohttp.ClientSession(connector=connector) as public_only:
        poller = FeedPoller(public_only, engine, no_facts, clock=Clock(), limits=LIMITS,
                            allow_private=True)
        result = await poller.poll_feed(by_name)
    assert result.status == PollStatus.FAILED
    assert result.error is not None and "localhost" in result.error
    assert site.hits["/feed.rss"] == 0


async def test_public_only_resolver_filters_answers() -> None:
    class Fixed(AbstractResolver):
        def __init__(self, addresses: list[str]) -> None:
            self.addresses = addresses

        async def resolve(self, host: str, port: int = 0,
                          family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
            return [ResolveResult(hostname=host, host=address, port=port, family=family,
                                  proto=0, flags=0) for address in self.addresses]

        async def close(self) -> None:
            pass

    mixed = PublicOnlyResolver(Fixed(["10.0.0.5", "93.184.216.34"]))
    assert [r["host"] for r in await mixed.resolve("news.example", 443)] == ["93.184.216.34"]
    with pytest.raises(OSError, match="private"):
        await PublicOnlyResolver(Fixed(["127.0.0.1", "::1"])).resolve("sneaky.example", 80)


async def test_entries_with_nothing_readable(engine: Engine, site: Site,
                                             http: aiohttp.ClientSession) -> None:
    def odd_feed(extra: str = "") -> bytes:
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Odd entries</title><link>{site.base}</link>
<item><title>Page gone, no teaser</title><link>{site.url("/gone")}</link></item>
<item><title>No link</title><description>Valmora CF confirm the signing of goalkeeper
Piet Odendaal on a three-year deal.</description><pubDate>Sat, 15 Jun 2024 10:00:00 +0000</pubDate>
</item>
<item><title></title></item>
{extra}
</channel></rss>""".encode()

    document = Document(odd_feed())
    site.serve("/odd.rss", document)
    feed_id = follow(engine, site, "/odd.rss")
    poller = make_poller(http, engine)
    first = await poller.poll_feed(feed_id)
    assert (first.status, first.new_articles, first.skipped_entries) == (PollStatus.OK, 1, 2)
    [stored] = articles(engine)
    assert stored.url is None and stored.title == "No link"
    assert stored.text.startswith("Valmora CF confirm the signing")
    assert stored.published == date(2024, 6, 15)
    assert site.hits["/gone"] == 1
    assert feed_row(engine, feed_id).etag  # nothing left to retry

    document.body = odd_feed(f"<item><title>{QUINTELA.title}</title>"
                             f"<link>{site.url('/q')}</link>"
                             f"<description>{QUINTELA.body}</description></item>")
    second = await poller.poll_feed(feed_id)
    assert (second.new_articles, second.duplicates, second.skipped_entries) == (1, 1, 2)
    assert site.hits["/gone"] == 1  # known to be unreadable: not fetched again

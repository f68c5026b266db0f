"""The whole live path through the real bot: a story appears in a feed → the poller ingests
it with the real extraction engine → the subscriber gets one DM and the server's digest
channel gets the digest, once. The feed is served by a local HTTP server that changes
between polls; Discord is the stand-in; time is the test's clock."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, timedelta
from typing import Any, cast

from aiohttp import web
from integration_world import Clock, World, command

from bot.app import RumourBot, create_bot
from bot.standin import BotEndpoint, StandIn, connected_bot

FIRST_STORY = """Arsenal are keen on Brighton winger Kaoru Mitoma and have asked about his
availability, according to Sky Sports. The Japan international has two years left on his
contract at the Amex and the Seagulls are under no pressure to sell. Mikel Arteta wants
another wide forward before the window closes and sees Mitoma as a fit for his system.
Brighton are understood to value the 27-year-old highly after another strong season in
which he scored eight goals. Talks have not started yet, but Arsenal have made their
interest known to the player's camp, and further contact is expected in the coming weeks
as the Gunners weigh up their options on the left flank ahead of the new season."""

SECOND_STORY = """Arsenal have submitted a £60m bid for Brighton winger Kaoru Mitoma, as
exclusively revealed by Sky Sports. The offer was made on Monday and Brighton are weighing
it up. The Seagulls had hoped to keep the Japan international, but the 27-year-old is keen
on the move and Mikel Arteta sees him as his first-choice target on the left. Brighton paid
a modest fee to sign the winger in 2021 and would make a large profit. Sources close to the
club say a decision is expected later this week, with the Premier League side also holding
talks over a replacement should they accept the offer from north London."""


def _rss(base: str, items: list[tuple[str, str, str]]) -> str:
    # The feed carries teasers; the bot reads the full story from the linked page.
    body = "".join(
        f"<item><title>{title}</title><link>{base}/{slug}</link><guid>{base}/{slug}</guid>"
        f"<description><![CDATA[{text.split('.')[0]}...]]></description></item>"
        for title, slug, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test transfers'
            f"</title><link>http://127.0.0.1/</link>{body}</channel></rss>")


@contextlib.asynccontextmanager
async def feed_server(stories: list[tuple[str, str, str]]) -> AsyncIterator[str]:
    async def feed(request: web.Request) -> web.Response:
        base = f"http://{request.host}"
        return web.Response(text=_rss(base, stories), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        for title, slug, text in stories:
            if slug == request.match_info["slug"]:
                paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
                return web.Response(
                    text=f"<html><head><title>{title}</title></head><body><nav>Home | News"
                         f"</nav><article><h1>{title}</h1>{paragraphs}</article>"
                         "<footer>Cookie settings</footer></body></html>",
                    content_type="text/html")
        raise web.HTTPNotFound()

    app = web.Application()
    app.router.add_get("/rss", feed)
    app.router.add_get("/{slug}", page)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/rss"
    finally:
        await runner.cleanup()


async def test_story_in_feed_reaches_subscriber_dm_and_digest_once(
        standin: StandIn, world: World, clock: Clock) -> None:
    stories: list[tuple[str, str, str]] = [
        ("Arsenal keen on Mitoma", "story-1", FIRST_STORY)]

    def factory(endpoint: BotEndpoint) -> RumourBot:
        settings = world.settings.model_copy(update={
            "discord_api_base_url": endpoint.api_base_url, "discord_token": endpoint.token,
            "feeds_allow_private": True})
        return create_bot(settings, world.engine, clock=clock, guild_ready_timeout=0.05)

    async with feed_server(stories) as url, connected_bot(factory, standin) as bot:
        feeds, subs, digest = (cast(Any, bot.get_cog(name))
                               for name in ("Feeds", "Subscriptions", "DigestCog"))

        added = await command(standin, "feeds add", {"url": url})
        assert added.ephemeral and "Following" in added.content
        at = (clock() + timedelta(minutes=10)).astimezone(UTC).strftime("%H:%M")
        await command(standin, "digest setup",
                      {"channel": "rumours", "time": at, "timezone": "UTC"})

        [first] = await feeds.poll()
        assert first.new_articles == 1
        followed = await command(standin, "subscribe", {"player": "Mitoma"}, user="fan")
        assert "You now follow Kaoru Mitoma" in followed.content

        stories.append(("Arsenal bid £60m for Mitoma", "story-2", SECOND_STORY))
        clock.advance(minutes=30)  # past the feed's next fetch time (15 min + jitter)
        [second] = await feeds.poll()
        assert second.new_articles == 1

        assert await subs.send_alerts() == 1
        await standin.wait_until(lambda: bool(standin.dms("fan")))
        [dm] = standin.dms("fan")
        text = " ".join(f"{f['name']} {f['value']}" for e in dm.embeds for f in e["fields"])
        assert "Kaoru Mitoma" in text and "Arsenal" in text and "£60m" in text
        assert any("Unsubscribe" in (c.get("label") or "") for c in dm.iter_components())
        assert await subs.send_alerts() == 0  # never twice

        await digest.tick()  # the channel's time has passed (clock moved 30 minutes)
        await standin.wait_until(lambda: bool(standin.channel_messages("rumours")))
        [message] = standin.channel_messages("rumours")
        fields = {f["name"]: f["value"] for e in message.embeds for f in e["fields"]}
        assert "Kaoru Mitoma" in fields and "£60m" in fields["Kaoru Mitoma"]
        await digest.tick()
        path = f"/channels/{standin.channel('rumours').id}/messages"
        assert sum(r.method == "POST" and r.path == path for r in standin.requests) == 1

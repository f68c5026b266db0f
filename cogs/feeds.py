"""/feeds add|remove|list (Manage Server) and the polling job.

Feeds are shared: a feed followed by many servers is fetched once (bot.feeds). Polling runs
every minute and only fetches the feeds whose own next fetch time has come.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RumourBot
from bot.embeds import COLOUR, clean, stamp
from bot.feeds import (
    FeedPoller,
    FeedPollResult,
    PollLimits,
    PublicOnlyResolver,
    add_feed,
    list_feeds,
    remove_feed,
    sync_configured_feeds,
)
from bot.services import build_extract

log = logging.getLogger(__name__)
STATE_ICON = {"ok": "✅", "failing": "⚠️", "new": "🆕"}


class Feeds(commands.Cog):
    feeds = app_commands.Group(name="feeds", description="News feeds this server follows",
                               default_permissions=discord.Permissions(manage_guild=True),
                               guild_only=True)

    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot
        self.session: aiohttp.ClientSession | None = None
        self.poller: FeedPoller | None = None

    async def cog_load(self) -> None:
        settings = self.bot.settings
        private = settings.feeds_allow_private
        connector = aiohttp.TCPConnector(resolver=None if private else PublicOnlyResolver())
        self.session = aiohttp.ClientSession(connector=connector, headers={
            "User-Agent": "rumour-bot (+https://github.com/rumour-bot/rumour-bot)"})
        configured, problems = await self.bot.run_db(sync_configured_feeds, settings.feeds)
        for problem in problems:
            log.warning("FEEDS setting: %s", problem)
        limits = PollLimits(interval=timedelta(minutes=settings.feed_poll_minutes))
        self.poller = FeedPoller(self.session, self.bot.engine, build_extract(settings),
                                 clock=self.bot.clock, limits=limits,
                                 configured_urls=configured, allow_private=private)
        self.bot.every(60, self.poll, "feed-poll")

    async def cog_unload(self) -> None:
        self.bot.cancel("feed-poll")
        if self.session is not None:
            await self.session.close()

    async def poll(self) -> list[FeedPollResult]:
        assert self.poller is not None
        results = await self.poller.run_once()
        if any(result.new_articles for result in results):
            await self.bot.refresh_directory()  # new players become searchable at once
        return results

    @feeds.command(name="add", description="Follow an RSS or Atom feed")
    @app_commands.describe(url="The feed's address, e.g. https://example.com/transfers/rss")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def add(self, interaction: discord.Interaction,
                  url: app_commands.Range[str, 1, 2000]) -> None:
        assert interaction.guild_id is not None
        result = await self.bot.run_db(add_feed, interaction.guild_id, url, interaction.user.id,
                                       allow_private=self.bot.settings.feeds_allow_private)
        await interaction.response.send_message(clean(result.message), ephemeral=True)

    @feeds.command(name="remove", description="Stop following a feed")
    @app_commands.describe(feed="The feed's address or its number in /feeds list")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def remove(self, interaction: discord.Interaction,
                     feed: app_commands.Range[str, 1, 2000]) -> None:
        assert interaction.guild_id is not None
        message = await self.bot.run_db(remove_feed, interaction.guild_id, feed,
                                        configured=self.bot.settings.feeds)
        await interaction.response.send_message(clean(message), ephemeral=True)

    @feeds.command(name="list", description="Feeds this server follows and how they are doing")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def list(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        rows = await self.bot.run_db(list_feeds, interaction.guild_id,
                                     configured=self.bot.settings.feeds)
        embed = discord.Embed(title="Feeds", colour=COLOUR)
        if not rows:
            embed.description = "No feeds yet. Add one with `/feeds add`."
        for row in rows[:25]:
            lines = [f"{STATE_ICON.get(row.state, '')} {row.article_count} article(s)"]
            if row.last_fetched_at:
                lines.append(f"last fetch {stamp(row.last_fetched_at)}")
            if row.last_error:
                lines.append(f"last error: {clean(row.last_error, 200)}")
            if row.configured:
                lines.append("set by the bot's operator")
            name = f"Feed {row.feed_id}: {row.title or row.url}"
            embed.add_field(name=clean(name, 250), value="\n".join(lines)[:1024], inline=False)
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(Feeds(bot))

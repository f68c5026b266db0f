"""The Discord application: the bot class, its command tree and its start-up.

Everything the bot needs (settings, database engine, player lookup) is built in `run_bot` /
`create_bot` and passed in: no import-time globals, so tests start the same bot against the
local stand-in with their own database.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from discord import app_commands
from discord.ext import commands
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from bot.directory import Directory
from bot.discord_endpoint import EndpointAwareMixin
from bot.reports import PlayerReport
from bot.services import open_database, player_report
from bot.settings import DEFAULT_DATA_DIR, Settings
from db import queries

log = logging.getLogger(__name__)

REPORT_CACHE_TTL = timedelta(minutes=5)
REPORT_CACHE_SIZE = 2048
EXTENSIONS = ("cogs.rumours", "cogs.subscriptions", "cogs.digest", "cogs.feeds", "cogs.admin")


class UserFacingError(app_commands.AppCommandError):
    """An error whose message is meant for the user as it is."""


class RumourTree(app_commands.CommandTree):
    """Turns every exception into a short private reply plus one log line with context."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        original = getattr(error, "original", error)
        if isinstance(error, UserFacingError):
            message = str(error)
        elif isinstance(error, app_commands.CommandOnCooldown):
            message = f"Slow down: try again in {error.retry_after:.0f}s."
        elif isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
            message = "You need the Manage Server permission for this command."
        elif isinstance(original, OperationalError):
            message = "The rumour database is unavailable right now; try again in a minute."
            log.error("database unavailable in /%s: %s", _command_name(interaction), original)
        else:
            message = "Something went wrong on our side; it has been logged."
            log.error("error in /%s (guild %s, user %s)", _command_name(interaction),
                      interaction.guild_id, interaction.user.id, exc_info=original)
        await send_private(interaction, message)


def _command_name(interaction: discord.Interaction) -> str:
    command = interaction.command
    return command.qualified_name if command else "?"


async def send_private(interaction: discord.Interaction, message: str) -> None:
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException as error:
        log.warning("could not tell the user about an error: %s", error)


Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class RumourBot(EndpointAwareMixin, commands.Bot):
    def __init__(self, settings: Settings, engine: Engine, *,
                 scheduler: AsyncIOScheduler | None = None, clock: Clock = system_clock,
                 extensions: tuple[str, ...] = EXTENSIONS, sync_commands: bool = True,
                 **client_options: Any) -> None:
        intents = discord.Intents.default()  # no privileged intents: slash commands only
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            tree_cls=RumourTree,
            # Nothing the bot posts may ping anyone, whatever ends up in rumour data.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            discord_api_base_url=settings.discord_api_base_url,
            **client_options,
        )
        self.settings = settings
        self.engine = engine
        # Jobs are added by the cogs; the scheduler starts in setup_hook, inside the loop.
        self.scheduler = scheduler or AsyncIOScheduler(timezone=UTC)
        self.clock = clock
        self.extension_names = extensions
        self.sync_on_start = sync_commands
        self.directory = Directory()
        self.data_stamp: tuple[object, ...] = ()
        self.reports: OrderedDict[tuple[int, int | None], tuple[datetime, PlayerReport]] = \
            OrderedDict()

    async def setup_hook(self) -> None:
        self.directory = await asyncio.to_thread(Directory.load, self.engine)
        for name in self.extension_names:
            await self.load_extension(name)
        if self.sync_on_start:
            await sync_if_changed(self)
        self.every(30, self.refresh_directory, "directory-refresh")
        self.scheduler.start()
        # Start-up objects (reference data, name index) live for the whole run: keeping them
        # out of the collector's generations avoids tens-of-ms pauses under load.
        gc.freeze()

    def every(self, seconds: float, job: Callable[[], Awaitable[Any]], job_id: str, *,
              now: bool = False) -> None:
        """A recurring job: never two runs at once, missed runs folded into one; `now` also
        runs it at start-up (catch-up work)."""
        self.scheduler.add_job(job, IntervalTrigger(seconds=seconds), id=job_id,
                               replace_existing=True, coalesce=True, max_instances=1,
                               misfire_grace_time=30,
                               next_run_time=datetime.now(UTC) if now else None)

    def cancel(self, job_id: str) -> None:
        if self.scheduler.get_job(job_id):
            self.scheduler.remove_job(job_id)

    async def refresh_directory(self) -> int:
        """Pick up players and aliases stored since the last refresh (ingest, corrections),
        and drop cached reports if any data they show has changed."""
        # Read in a worker thread, update the index here: lookups never see it half-changed.
        changes = await asyncio.to_thread(self.directory.fetch, self.engine)
        added = self.directory.apply(changes)
        stamp = await self.run_db(_data_stamp)
        if added or stamp != self.data_stamp:
            self.reports.clear()
            self.data_stamp = stamp
        return added

    async def player_report(self, player_id: int, guild_id: int | None) -> PlayerReport:
        """A player's report, cached until new data arrives (or a few minutes pass, since
        links go cold with time): /rumours is the hottest command."""
        now = self.clock()
        key = (player_id, guild_id)
        cached = self.reports.get(key)
        if cached is not None and now - cached[0] < REPORT_CACHE_TTL:
            self.reports.move_to_end(key)
            return cached[1]
        report: PlayerReport = await self.run_db(
            player_report, player_id, now, timedelta(days=self.settings.cold_after_days),
            guild_id)
        self.reports[key] = (now, report)
        while len(self.reports) > REPORT_CACHE_SIZE:
            self.reports.popitem(last=False)
        return report

    def forget_reports(self) -> None:
        """Drop cached reports after a change made through the bot (corrections)."""
        self.reports.clear()

    async def close(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await super().close()

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s)", self.user, len(self.guilds))

    async def run_db(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Database work runs in a thread so the gateway heartbeat never waits on it."""
        return await asyncio.to_thread(function, self.engine, *args, **kwargs)


def _data_stamp(engine: Engine) -> tuple[object, ...]:
    with Session(engine) as session:
        return queries.data_stamp(session)


def _tree_fingerprint(bot: commands.Bot) -> str:
    payload = [command.to_dict(bot.tree) for command in bot.tree.get_commands()]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


async def sync_if_changed(bot: RumourBot, *, force: bool = False) -> int:
    """Register commands only when the tree changed since the last sync, so restarts do not
    spend the (low) command-registration rate limit."""
    fingerprint = _tree_fingerprint(bot)
    base = bot.settings.discord_api_base_url or "discord"
    marker = DEFAULT_DATA_DIR / f"commands-{hashlib.sha1(base.encode()).hexdigest()[:8]}.sha256"
    if not force and bot.settings.discord_api_base_url is None and marker.exists() \
            and marker.read_text().strip() == fingerprint:
        log.info("command tree unchanged, not syncing")
        return 0
    synced = await bot.tree.sync()
    if bot.settings.discord_api_base_url is None:
        Path(marker).parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(fingerprint)
    log.info("synced %d command(s)", len(synced))
    return len(synced)


def create_bot(settings: Settings, engine: Engine | None = None, **kwargs: Any) -> RumourBot:
    return RumourBot(settings, engine or open_database(settings), **kwargs)


def run_bot(settings: Settings) -> None:
    assert settings.discord_token
    bot = create_bot(settings)
    bot.run(settings.discord_token, log_handler=None)  # logging is set up by the CLI


def sync_commands(settings: Settings) -> int:
    assert settings.discord_token
    token = settings.discord_token

    async def _sync() -> int:
        bot = create_bot(settings, sync_commands=False)
        async with bot:
            await bot.login(token)  # login runs setup_hook: extensions are loaded
            return await sync_if_changed(bot, force=True)

    return asyncio.run(_sync())

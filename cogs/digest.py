"""/digest setup|preview|off and the daily digest delivery.

A one-minute tick asks, for every server with a digest, whether its local digest time has
passed (bot.schedule handles time zones and DST); the delivery itself is claimed in the
database first, so it goes out once even across restarts. A digest missed while the bot was
down goes out at the first tick after start-up, within `digest_grace_hours`.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime, timedelta

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RumourBot, UserFacingError
from bot.changes import change_row
from bot.delivery import (
    DigestJob,
    claim_digest,
    due_period,
    finish_digest,
    part_nonce,
    pause_digest,
    preview_digest,
    record_part,
    release_digest,
)
from bot.embeds import clean, digest_embeds, one_message
from bot.guilds import (
    configure_digest,
    disable_digest,
    enabled_digest_guilds,
    guild_settings,
    set_digest_filter,
)
from bot.schedule import ScheduleError, timezone_suggestions

log = logging.getLogger(__name__)
TIER_CHOICES = [app_commands.Choice(name=f"tier {n} or better", value=n) for n in (1, 2, 3, 4)]


class DigestCog(commands.Cog):
    digest = app_commands.Group(name="digest", description="The daily transfer digest",
                                default_permissions=discord.Permissions(manage_guild=True),
                                guild_only=True)

    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        # Also at start-up: a digest missed while the bot was down goes out now.
        self.bot.every(60, self.tick, "digest-tick", now=True)

    async def cog_unload(self) -> None:
        self.bot.cancel("digest-tick")

    async def tick(self) -> None:
        await self.bot.wait_until_ready()
        now = self.bot.clock()
        grace = timedelta(hours=self.bot.settings.digest_grace_hours)
        for settings in await self.bot.run_db(enabled_digest_guilds):
            period = due_period(settings, now, grace)
            if period is not None:
                try:
                    await self.deliver(settings.guild_id, period, now)
                except Exception:  # one server's failure must not stop the others
                    log.exception("digest for guild %s, period %s failed",
                                  settings.guild_id, period)

    async def deliver(self, guild_id: int, period: str, now: datetime) -> DigestJob | None:
        job: DigestJob | None = await self.bot.run_db(claim_digest, guild_id, period, now,
                                                      change_row)
        if job is None:
            return None
        if job.digest.empty and not job.post_when_empty:
            await self.bot.run_db(finish_digest, job.delivery_id, "empty", now)
            return job
        channel = await self._channel(job)
        if channel is None:
            return job
        for part, embed in list(enumerate(digest_embeds(job.digest)))[job.parts_sent:]:
            try:
                message = await channel.send(embed=embed, nonce=part_nonce(guild_id, period,
                                                                            part))
            except discord.Forbidden:
                await self._pause(job, "I lost permission to post in the digest channel")
                return job
            except discord.NotFound:  # deleted while the bot was not looking
                await self._pause(job, "the digest channel was deleted")
                return job
            await self.bot.run_db(record_part, job.delivery_id, message.id)
        await self.bot.run_db(finish_digest, job.delivery_id, "sent", now)
        return job

    async def _channel(self, job: DigestJob) -> discord.abc.Messageable | None:
        channel = self.bot.get_channel(job.channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(job.channel_id)
            except discord.NotFound:
                await self._pause(job, "the digest channel was deleted")
                return None
            except discord.Forbidden:
                await self._pause(job, "I cannot see the digest channel any more")
                return None
        if not isinstance(channel, discord.abc.Messageable):
            await self._pause(job, "the digest channel is not a text channel")
            return None
        return channel

    async def _pause(self, job: DigestJob, reason: str) -> None:
        log.warning("pausing digest of guild %s: %s", job.guild_id, reason)
        await self.bot.run_db(release_digest, job.delivery_id)
        first = await self.bot.run_db(pause_digest, job.guild_id, reason)
        if first:
            await self._tell_admins(job.guild_id, f"The daily transfer digest is paused: "
                                    f"{reason}. An admin can run `/digest setup` to resume it.")

    async def _tell_admins(self, guild_id: int, text: str) -> None:
        guild = self.bot.get_guild(guild_id)
        targets: list[discord.abc.Messageable] = []
        if guild is not None and guild.system_channel is not None:
            targets.append(guild.system_channel)
        settings = await self.bot.run_db(guild_settings, guild_id)
        if settings is not None and settings.configured_by:
            with contextlib.suppress(discord.HTTPException):
                targets.append(await self.bot.fetch_user(settings.configured_by))
        for target in targets:
            try:
                await target.send(text)
                return
            except discord.HTTPException as error:
                log.info("could not tell admins of guild %s via %s: %s", guild_id, target, error)

    @digest.command(name="setup", description="Post a daily digest in a channel")
    @app_commands.describe(channel="Where to post", time="Local time, HH:MM (24 h)",
                           timezone="Your time zone, e.g. Europe/London",
                           min_tier="Only changes reported by sources this reliable",
                           post_when_empty="Post even when nothing changed")
    @app_commands.choices(min_tier=TIER_CHOICES)  # type: ignore[misc]
    @app_commands.checks.has_permissions(manage_guild=True)
    async def setup(self, interaction: discord.Interaction, channel: discord.TextChannel,
                    time: str, timezone: str,
                    min_tier: app_commands.Choice[int] | None = None,
                    post_when_empty: bool = False) -> None:
        assert interaction.guild_id is not None
        me = channel.guild.me
        if me is not None and not channel.permissions_for(me).send_messages:
            raise UserFacingError(f"I cannot post in {channel.mention}: give me Send Messages "
                                  "there first.")
        try:
            message = await self.bot.run_db(
                configure_digest, interaction.guild_id, channel.id, time, timezone,
                interaction.user.id, min_tier=min_tier.value if min_tier else 4,
                post_when_empty=post_when_empty)
        except ScheduleError as error:
            raise UserFacingError(str(error)) from None
        await interaction.response.send_message(message, ephemeral=True)

    @setup.autocomplete("timezone")
    async def timezone_autocomplete(self, interaction: discord.Interaction,
                                    current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name)
                for name in timezone_suggestions(current or "Europe/")]

    @digest.command(name="preview", description="Show what the next digest would contain")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def preview(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        digest = await self.bot.run_db(preview_digest, interaction.guild_id, self.bot.clock(),
                                       change_row)
        await interaction.followup.send(embeds=one_message(digest_embeds(digest)),
                                        ephemeral=True)

    @digest.command(name="filter", description="Limit the digest to some clubs or sources")
    @app_commands.describe(clubs="Comma-separated clubs, e.g. Liverpool, Spurs (empty: all)",
                           min_tier="Only changes reported by sources this reliable")
    @app_commands.choices(min_tier=TIER_CHOICES)  # type: ignore[misc]
    @app_commands.checks.has_permissions(manage_guild=True)
    async def filter(self, interaction: discord.Interaction,
                     clubs: app_commands.Range[str, 0, 1000] = "",
                     min_tier: app_commands.Choice[int] | None = None) -> None:
        assert interaction.guild_id is not None
        club_ids: list[int] = []
        unknown: list[str] = []
        for name in (part.strip() for part in clubs.split(",")):
            if not name:
                continue
            found = self.bot.directory.resolve_club(name)
            if found.entity_id is None:
                unknown.append(name)
            elif found.entity_id not in club_ids:
                club_ids.append(found.entity_id)
        if unknown:
            raise UserFacingError(clean("Unknown or ambiguous club(s): " + ", ".join(unknown)
                                        + ". Nothing was changed.", 1900))
        message = await self.bot.run_db(set_digest_filter, interaction.guild_id,
                                        interaction.user.id, club_ids,
                                        min_tier.value if min_tier else None)
        await interaction.response.send_message(clean(message), ephemeral=True)

    @digest.command(name="off", description="Stop the daily digest")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def off(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        message = await self.bot.run_db(disable_digest, interaction.guild_id,
                                        interaction.user.id)
        await interaction.response.send_message(message, ephemeral=True)


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(DigestCog(bot))

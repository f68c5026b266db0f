"""/help, /about, and moderators' tools: /rumour add|remove (per-server corrections) and
/audit (who changed what). Moderator commands need Manage Server: Discord hides them from
others by default permissions, and the bot checks again on every call."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.app import RumourBot, UserFacingError
from bot.domain import Status
from bot.embeds import COLOUR, clean, stamp
from bot.extraction.money import parse_money
from bot.guilds import audit_log, hide_link, set_manual_link
from cogs.rumours import (
    club_autocomplete,
    player_autocomplete,
    resolve_club_or_raise,
    resolve_or_raise,
)

HELP = {
    "/rumours player": "clubs linked with a player: status, fees, sources, trust",
    "/club club": "players linked with a club, incoming and outgoing",
    "/latest [hours]": "the newest changes",
    "/subscribe player": "DM me when a player's news moves (optional source tier / stage)",
    "/unsubscribe player": "stop following a player",
    "/subscriptions": "the players you follow",
    "/digest setup · preview · off": "the daily digest of this server (Manage Server)",
    "/feeds add · remove · list": "news feeds this server follows (Manage Server)",
    "/rumour add · remove": "correct the data for this server (Manage Server)",
    "/about": "version, data sources and reliability tiers",
}
STATUS_CHOICES = [app_commands.Choice(name=s.replace("_", " "), value=str(s)) for s in Status]


class Admin(commands.Cog):
    rumour = app_commands.Group(name="rumour", description="Correct rumour data for this server",
                                default_permissions=discord.Permissions(manage_guild=True),
                                guild_only=True)

    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What this bot can do")
    async def help(self, interaction: discord.Interaction) -> None:
        embed = discord.Embed(title="rumour-bot commands", colour=COLOUR)
        for name, text in HELP.items():
            embed.add_field(name=name, value=text, inline=False)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="about", description="Version, sources and reliability tiers")
    async def about(self, interaction: discord.Interaction) -> None:
        embed = discord.Embed(title=f"rumour-bot {__version__}", colour=COLOUR, description=(
            "Transfer rumours extracted from real articles: feeds and pages the admins add, "
            "plus files ingested by the operators. Every link keeps its evidence sentence; "
            "copies of the same report count as one source."))
        embed.add_field(name="Reliability tiers", inline=False, value=(
            "**1** the most reliable reporters\n**2** reliable national and specialist press\n"
            "**3** tabloids and tipsters with a mixed record\n"
            "**4** aggregators that mostly repeat others"))
        embed.add_field(name="Cold links", inline=False, value=(
            f"A link with no new report for {self.bot.settings.cold_after_days} days is shown "
            "as gone cold."))
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @rumour.command(name="add", description="Add or correct a link, for this server only")
    @app_commands.describe(fee="e.g. £51m or €22.5m", source="Who reported it")
    @app_commands.autocomplete(player=player_autocomplete, club=club_autocomplete)
    @app_commands.choices(status=STATUS_CHOICES)  # type: ignore[misc]
    @app_commands.checks.has_permissions(manage_guild=True)
    async def add(self, interaction: discord.Interaction, player: str, club: str,
                  status: app_commands.Choice[str], fee: str | None = None,
                  source: app_commands.Range[str, 1, 200] | None = None) -> None:
        assert interaction.guild_id is not None
        player_id = resolve_or_raise(self.bot, player)
        club_id = resolve_club_or_raise(self.bot, club)
        amount = currency = None
        if fee:
            figures = parse_money(fee)
            if len(figures) != 1:
                raise UserFacingError(f"Could not read the fee {fee!r}: write it like £51m, "
                                      "€22.5m or $40 million.")
            amount, currency = figures[0].amount, figures[0].currency
        result = await self.bot.run_db(set_manual_link, interaction.guild_id,
                                       interaction.user.id, player_id, club_id, status.value,
                                       amount, currency, source)
        self.bot.forget_reports()
        await interaction.response.send_message(clean(result.message), ephemeral=True)

    @rumour.command(name="remove", description="Hide a link in this server")
    @app_commands.autocomplete(player=player_autocomplete, club=club_autocomplete)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def remove(self, interaction: discord.Interaction, player: str, club: str) -> None:
        assert interaction.guild_id is not None
        result = await self.bot.run_db(hide_link, interaction.guild_id, interaction.user.id,
                                       resolve_or_raise(self.bot, player),
                                       resolve_club_or_raise(self.bot, club))
        self.bot.forget_reports()
        await interaction.response.send_message(clean(result.message), ephemeral=True)

    @rumour.command(name="audit", description="Recent corrections and settings changes")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def audit(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        entries = await self.bot.run_db(audit_log, interaction.guild_id)
        lines = [f"{stamp(e.created_at)} <@{e.user_id}> {e.action}: {clean(e.detail, 150)}"
                 for e in entries]
        text = "\n".join(lines) or "No changes recorded yet."
        await interaction.response.send_message(text[:2000], ephemeral=True)


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(Admin(bot))

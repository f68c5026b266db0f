"""/help and /about."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.app import RumourBot
from bot.embeds import COLOUR

HELP = {
    "/rumours player": "clubs linked with a player, status, fees, sources",
    "/subscribe player": "DM me when a player's news moves (optional source tier / stage)",
    "/unsubscribe player": "stop following a player",
    "/subscriptions": "the players you follow",
    "/digest preview": "what the next daily digest would contain (Manage Server)",
    "/about": "version, data sources and reliability tiers",
}


class Admin(commands.Cog):
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
            "plus files ingested by the operators. Every link keeps its evidence sentence."))
        embed.add_field(name="Reliability tiers", inline=False, value=(
            "**1** the most reliable reporters\n**2** reliable national and specialist press\n"
            "**3** tabloids and tipsters with a mixed record\n"
            "**4** aggregators that mostly repeat others"))
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(Admin(bot))

"""/digest: what the server's digest would contain (setup and scheduling come with issue 8)."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RumourBot
from bot.embeds import digest_embeds
from bot.services import digest_preview


class DigestCog(commands.Cog):
    digest = app_commands.Group(name="digest", description="The daily transfer digest",
                                default_permissions=discord.Permissions(manage_guild=True),
                                guild_only=True)

    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot

    @digest.command(name="preview", description="Show what the next digest would contain")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def preview(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        preview = await self.bot.run_db(_preview_all)
        await interaction.followup.send(embeds=digest_embeds(preview)[:10], ephemeral=True)


def _preview_all(engine: object) -> object:
    # The preview covers every change stored so far when the server never had a digest.
    return digest_preview(engine, since=datetime(1970, 1, 1, tzinfo=UTC),  # type: ignore[arg-type]
                          now=datetime.now(UTC))


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(DigestCog(bot))

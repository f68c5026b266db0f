"""/subscribe, /unsubscribe, /subscriptions: private answers, per-subscription thresholds."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RumourBot
from bot.domain import Status
from bot.subscriptions import subscribe, subscriptions_of, unsubscribe
from cogs.rumours import player_autocomplete, resolve_or_raise

TIER_CHOICES = [app_commands.Choice(name=f"tier {n} or better", value=n) for n in (1, 2, 3)]
STATUS_CHOICES = [app_commands.Choice(name=s.replace("_", " "), value=str(s))
                  for s in (Status.CONTACT, Status.TALKS, Status.BID, Status.AGREED, Status.DONE)]


class Subscriptions(commands.Cog):
    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot

    @app_commands.command(name="subscribe", description="Get a DM when a player's news moves")
    @app_commands.describe(player="Player to follow",
                           min_tier="Only reports from sources this reliable",
                           min_status="Only news at this stage or further")
    @app_commands.autocomplete(player=player_autocomplete)
    @app_commands.choices(min_tier=TIER_CHOICES, min_status=STATUS_CHOICES)  # type: ignore[misc]
    async def subscribe(self, interaction: discord.Interaction, player: str,
                        min_tier: app_commands.Choice[int] | None = None,
                        min_status: app_commands.Choice[str] | None = None) -> None:
        player_id = resolve_or_raise(self.bot, player)
        message = await self.bot.run_db(
            subscribe, interaction.user.id, player_id, interaction.guild_id,
            min_tier.value if min_tier else 4,
            min_status.value if min_status else Status.INTEREST)
        await interaction.response.send_message(message, ephemeral=True)

    @app_commands.command(name="unsubscribe", description="Stop following a player")
    @app_commands.autocomplete(player=player_autocomplete)
    async def unsubscribe(self, interaction: discord.Interaction, player: str) -> None:
        player_id = resolve_or_raise(self.bot, player)
        message = await self.bot.run_db(unsubscribe, interaction.user.id, player_id)
        await interaction.response.send_message(message, ephemeral=True)

    @app_commands.command(name="subscriptions", description="The players you follow")
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        rows = await self.bot.run_db(subscriptions_of, interaction.user.id)
        if not rows:
            text = "You follow no players yet. Try `/subscribe`."
        else:
            text = "You follow:\n" + "\n".join(
                f"• {discord.utils.escape_markdown(row.player)} (tier ≤ {row.min_tier}, "
                f"{row.min_status.replace('_', ' ')}+)" for row in rows)
        await interaction.response.send_message(text[:2000], ephemeral=True)


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(Subscriptions(bot))

"""/subscribe, /unsubscribe, /subscriptions (private answers, per-subscription thresholds),
and the alert DMs: one message per user per batch, with Unsubscribe buttons that keep working
after a restart."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RumourBot
from bot.changes import change_row
from bot.delivery import AlertBatch, collect_alerts, mark_alerts, mark_dms_closed
from bot.domain import Status
from bot.embeds import alert_embed, clean
from bot.subscriptions import subscribe, subscriptions_of, unsubscribe
from cogs.rumours import answers_errors, player_autocomplete, resolve_or_raise

log = logging.getLogger(__name__)
CANNOT_DM = 50007  # Discord: "Cannot send messages to this user"
MAX_BUTTONS = 25


class UnsubscribeButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                        template=r"alerts:unsub:(?P<player>\d+)"):
    def __init__(self, player_id: int, label: str = "Unsubscribe") -> None:
        super().__init__(discord.ui.Button(label=label[:80], style=discord.ButtonStyle.secondary,
                                           custom_id=f"alerts:unsub:{player_id}"))
        self.player_id = player_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> UnsubscribeButton:
        return cls(int(match["player"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction) -> None:
        bot: RumourBot = interaction.client  # type: ignore[assignment]
        message = await bot.run_db(unsubscribe, interaction.user.id, self.player_id)
        await interaction.response.send_message(clean(message), ephemeral=True)

TIER_CHOICES = [app_commands.Choice(name=f"tier {n} or better", value=n) for n in (1, 2, 3)]
STATUS_CHOICES = [app_commands.Choice(name=s.replace("_", " "), value=str(s))
                  for s in (Status.CONTACT, Status.TALKS, Status.BID, Status.AGREED, Status.DONE)]


class Subscriptions(commands.Cog):
    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(UnsubscribeButton)
        self.bot.every(60, self.send_alerts, "alerts")

    async def cog_unload(self) -> None:
        self.bot.cancel("alerts")

    async def send_alerts(self) -> int:
        """Send the alerts owed now; returns how many DMs went out."""
        await self.bot.wait_until_ready()
        batches: list[AlertBatch] = await self.bot.run_db(collect_alerts, self.bot.clock(),
                                                          change_row)
        pause = 1 / self.bot.settings.dm_per_second  # stay under Discord's global limit
        sent = 0
        for batch in batches:
            try:
                if await self._send_batch(batch):
                    sent += 1
            except Exception:  # one user's failure must not strand the others' alerts
                log.exception("alert DM to %s failed", batch.user_id)
                await self.bot.run_db(mark_alerts, batch.delivery_ids, "failed",
                                      self.bot.clock())
            await asyncio.sleep(pause)
        return sent

    async def _send_batch(self, batch: AlertBatch) -> bool:
        view = discord.ui.View(timeout=None)
        names = {row.player_id: row.player for row in batch.rows}
        for player_id in batch.player_ids[:MAX_BUTTONS]:
            view.add_item(UnsubscribeButton(player_id, f"Unsubscribe: {names.get(player_id)}"))
        try:
            user = self.bot.get_user(batch.user_id) or await self.bot.fetch_user(batch.user_id)
            await user.send(embed=alert_embed(batch.rows), view=view)
        except discord.HTTPException as error:
            if isinstance(error, discord.Forbidden) and error.code == CANNOT_DM:
                await self.bot.run_db(mark_dms_closed, batch.user_id, self.bot.clock())
                await self.bot.run_db(mark_alerts, batch.delivery_ids, "dm_closed",
                                      self.bot.clock())
                return False
            # Any other refusal is this user's problem only: the batches after it are
            # already claimed and must still go out.
            log.warning("alert DM to %s failed: %s", batch.user_id, error)
            await self.bot.run_db(mark_alerts, batch.delivery_ids, "failed", self.bot.clock())
            return False
        await self.bot.run_db(mark_alerts, batch.delivery_ids, "sent", self.bot.clock())
        return True

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
        await interaction.response.send_message(clean(message), ephemeral=True)

    @app_commands.command(name="unsubscribe", description="Stop following a player")
    @app_commands.autocomplete(player=player_autocomplete)
    async def unsubscribe(self, interaction: discord.Interaction, player: str) -> None:
        player_id = resolve_or_raise(self.bot, player)
        message = await self.bot.run_db(unsubscribe, interaction.user.id, player_id)
        await interaction.response.send_message(clean(message), ephemeral=True)

    @app_commands.command(name="subscriptions", description="The players you follow")
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        rows = await self.bot.run_db(subscriptions_of, interaction.user.id)
        if not rows:
            text = "You follow no players yet. Try `/subscribe`."
        else:
            text = "You follow:\n" + "\n".join(
                f"• {clean(row.player)} (tier ≤ {row.min_tier}, "
                f"{row.min_status.replace('_', ' ')}+)" for row in rows)
        await interaction.response.send_message(text[:2000], ephemeral=True)


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(Subscriptions(bot))

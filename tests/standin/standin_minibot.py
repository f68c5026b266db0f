"""A small bot used to prove the stand-in end to end (and by the load benchmark).

It reaches the stand-in only through ``DISCORD_API_BASE_URL`` handling in
:mod:`bot.discord_endpoint`; nothing in discord.py is patched.
"""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_endpoint import EndpointAwareMixin
from bot.standin import BotEndpoint

PLAYERS = [
    "Teun Koopmeiners",
    "Khvicha Kvaratskhelia",
    "Victor Osimhen",
    "Jonathan David",
    "Joshua Zirkzee",
    "Kevin De Bruyne",
]


class FollowView(discord.ui.View):
    def __init__(self, player: str) -> None:
        super().__init__(timeout=60)
        self.player = player

    @discord.ui.button(label="Follow", style=discord.ButtonStyle.primary, custom_id="follow")
    async def follow(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(f"Following {self.player}", ephemeral=True)

    @discord.ui.button(label="Refresh", style=discord.ButtonStyle.secondary, custom_id="refresh")
    async def refresh(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content=f"{self.player} (refreshed)", view=self)

    @discord.ui.select(
        custom_id="club",
        placeholder="Pick a club",
        options=[
            discord.SelectOption(label="Juventus", value="juv"),
            discord.SelectOption(label="Arsenal", value="ars"),
        ],
    )
    async def club(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.send_message(f"{self.player} to {select.values[0]}")


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput = discord.ui.TextInput(label="Your feedback", custom_id="text")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks for: {self.text.value}", ephemeral=True)


digest = app_commands.Group(name="digest", description="Digest commands")


@digest.command(name="preview", description="Preview the digest")
@app_commands.describe(count="How many items")
async def digest_preview(interaction: discord.Interaction, count: int = 3) -> None:
    await interaction.response.send_message(f"digest with {count} items")


async def player_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    wanted = current.casefold()
    return [app_commands.Choice(name=p, value=p) for p in PLAYERS if wanted in p.casefold()][:25]


@app_commands.command(name="ping", description="Is the bot alive?")
async def ping(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("pong")


@app_commands.command(name="player", description="Show a player")
@app_commands.autocomplete(name=player_autocomplete)
async def player(interaction: discord.Interaction, name: str) -> None:
    embed = discord.Embed(title=name, description="Latest rumours", colour=0x2ECC71)
    embed.add_field(name="Club", value="Atalanta", inline=True)
    embed.add_field(name="Rumours", value="3", inline=True)
    embed.set_footer(text="Sources: 2")
    await interaction.response.send_message(embed=embed, view=FollowView(name))


@app_commands.command(name="slow", description="Deferred answer")
async def slow(interaction: discord.Interaction) -> None:
    await interaction.response.defer(thinking=True)
    await asyncio.sleep(0.05)
    await interaction.edit_original_response(content="done thinking")


@app_commands.command(name="steps", description="Reply plus follow-ups")
async def steps(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("step 1")
    await interaction.followup.send("step 2")
    await interaction.followup.send("step 3 (just you)", ephemeral=True)


@app_commands.command(name="later", description="Defer then follow up")
async def later(interaction: discord.Interaction) -> None:
    await interaction.response.defer()
    await interaction.followup.send("arrived later")


@app_commands.command(name="dm", description="Send yourself a DM")
async def dm(interaction: discord.Interaction, text: str) -> None:
    try:
        await interaction.user.send(text)
    except discord.Forbidden as exc:
        await interaction.response.send_message(f"cannot DM you ({exc.code})", ephemeral=True)
        return
    await interaction.response.send_message("sent you a DM", ephemeral=True)


@app_commands.command(name="announce", description="Post in a channel")
async def announce(
    interaction: discord.Interaction, channel: discord.TextChannel, text: str
) -> None:
    target = interaction.client.get_channel(channel.id)
    assert isinstance(target, discord.TextChannel)
    try:
        await target.send(text)
    except discord.Forbidden as exc:
        await interaction.response.send_message(f"cannot post ({exc.code})", ephemeral=True)
        return
    await interaction.response.send_message(f"posted in #{channel.name}", ephemeral=True)


@app_commands.command(name="greet", description="Greet a member")
async def greet(
    interaction: discord.Interaction, member: discord.Member, loud: bool = False
) -> None:
    text = f"hi {member.display_name}"
    await interaction.response.send_message(text.upper() if loud else text)


@app_commands.command(name="reset", description="Moderators only")
@app_commands.default_permissions(manage_guild=True)
async def reset(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("reset done")


@app_commands.command(name="feedback", description="Open a form")
async def feedback(interaction: discord.Interaction) -> None:
    await interaction.response.send_modal(FeedbackModal())


class MiniBot(EndpointAwareMixin, commands.Bot):
    """commands.Bot + the endpoint mixin, configured only through its settings."""

    def __init__(self, api_base_url: str | None) -> None:
        intents = discord.Intents.default()
        intents.members = True  # exercises REQUEST_GUILD_MEMBERS / GUILD_MEMBERS_CHUNK
        super().__init__(
            command_prefix="!",
            intents=intents,
            discord_api_base_url=api_base_url,
            guild_ready_timeout=0.05,
        )

    async def setup_hook(self) -> None:
        for command in (ping, player, slow, steps, later, dm, announce, greet, reset,
                        feedback, digest):
            self.tree.add_command(command)
        await self.tree.sync()


def make_minibot(endpoint: BotEndpoint) -> MiniBot:
    return MiniBot(endpoint.api_base_url)

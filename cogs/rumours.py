"""/rumours: one player's links, fees and sources, with persistent buttons."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RumourBot, UserFacingError
from bot.embeds import (
    clean,
    club_embed,
    digest_embeds,
    one_message,
    page_count,
    player_embed,
    sources_embed,
)
from bot.reports import PlayerReport
from bot.services import club_report, latest_changes
from bot.subscriptions import subscribe


class ComponentError(app_commands.AppCommandError):
    """A button or select menu failed; answered like a failed command."""

    def __init__(self, original: Exception) -> None:
        super().__init__(type(original).__name__)
        self.original = original


async def report_component_error(interaction: discord.Interaction, error: Exception) -> None:
    """discord.py only logs a failing button or menu, and the user sees "This interaction
    failed": give them the same short private answer (and log line) as a command."""
    tree_error = error if isinstance(error, app_commands.AppCommandError) \
        else ComponentError(error)
    await interaction.client.tree.on_error(interaction, tree_error)  # type: ignore[attr-defined]


ItemT = TypeVar("ItemT")


def answers_errors(
    callback: Callable[[ItemT, discord.Interaction], Coroutine[Any, Any, None]],
) -> Callable[[ItemT, discord.Interaction], Coroutine[Any, Any, None]]:
    @functools.wraps(callback)
    async def guarded(self: ItemT, interaction: discord.Interaction) -> None:
        try:
            await callback(self, interaction)
        except Exception as error:
            await report_component_error(interaction, error)

    return guarded


def resolve_or_raise(bot: RumourBot, value: str) -> int:
    """An autocomplete choice carries the player id; typed text goes through the resolver."""
    if value.isdigit() and bot.directory.has_player(int(value)):
        return int(value)
    found = bot.directory.resolve_player(value)
    if found.player_id is None:
        raise UserFacingError(clean(found.message, 1900))
    return found.player_id


def resolve_club_or_raise(bot: RumourBot, value: str) -> int:
    if value.isdigit() and int(value) in bot.directory.clubs:
        return int(value)
    found = bot.directory.resolve_club(value)
    if found.entity_id is None:
        raise UserFacingError(clean(found.message, 1900))
    return found.entity_id


async def club_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    bot: RumourBot = interaction.client  # type: ignore[assignment]
    return [app_commands.Choice(name=label[:100], value=value)
            for label, value in bot.directory.club_autocomplete(current)[:25]]


async def player_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    bot: RumourBot = interaction.client  # type: ignore[assignment]
    return [app_commands.Choice(name=label[:100], value=value)
            for label, value in bot.directory.autocomplete(current)[:25]]


async def load_report(bot: RumourBot, player_id: int,
                      guild_id: int | None = None) -> PlayerReport:
    return await bot.player_report(player_id, guild_id)


def report_view(report: PlayerReport, page: int = 0) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    pages = page_count(report)
    if pages > 1:
        view.add_item(PageButton(report.player_id, page - 1, "◀ Newer", disabled=page == 0))
        view.add_item(PageButton(report.player_id, page + 1, "Older ▶",
                                 disabled=page >= pages - 1))
    view.add_item(SourcesButton(report.player_id))
    view.add_item(SubscribeButton(report.player_id))
    return view


class SourcesButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=r"rumours:sources:(?P<player>\d+)"):
    def __init__(self, player_id: int) -> None:
        super().__init__(discord.ui.Button(label="Sources", style=discord.ButtonStyle.secondary,
                                           custom_id=f"rumours:sources:{player_id}"))
        self.player_id = player_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> SourcesButton:
        return cls(int(match["player"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction) -> None:
        report = await load_report(interaction.client, self.player_id,  # type: ignore[arg-type]
                                   interaction.guild_id)
        await interaction.response.send_message(embed=sources_embed(report), ephemeral=True)


class SubscribeButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                      template=r"rumours:subscribe:(?P<player>\d+)"):
    def __init__(self, player_id: int) -> None:
        super().__init__(discord.ui.Button(label="Subscribe", style=discord.ButtonStyle.primary,
                                           emoji="🔔",
                                           custom_id=f"rumours:subscribe:{player_id}"))
        self.player_id = player_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> SubscribeButton:
        return cls(int(match["player"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction) -> None:
        bot: RumourBot = interaction.client  # type: ignore[assignment]
        message = await bot.run_db(subscribe, interaction.user.id, self.player_id,
                                   interaction.guild_id)
        await interaction.response.send_message(clean(message), ephemeral=True)


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                 template=r"rumours:page:(?P<player>\d+):(?P<page>-?\d+)"):
    def __init__(self, player_id: int, page: int, label: str = "Page",
                 disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(label=label, disabled=disabled,
                                           custom_id=f"rumours:page:{player_id}:{page}"))
        self.player_id, self.page = player_id, page

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> PageButton:
        return cls(int(match["player"]), int(match["page"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction) -> None:
        report = await load_report(interaction.client, self.player_id,  # type: ignore[arg-type]
                                   interaction.guild_id)
        page = min(max(self.page, 0), page_count(report) - 1)
        await interaction.response.edit_message(embed=player_embed(report, page),
                                                view=report_view(report, page))


class PlayerPick(discord.ui.DynamicItem[discord.ui.Select[Any]],
                 template=r"rumours:pick:(?P<owner>\d+)"):
    """Shown when a name matches several players; only the person who asked can pick. The
    custom id carries who asked, so the menu keeps working after a restart."""

    def __init__(self, owner_id: int, candidates: list[tuple[int, str]] = ()) -> None:  # type: ignore[assignment]
        options = [discord.SelectOption(label=label[:100], value=str(pid))
                   for pid, label in candidates[:25]]
        super().__init__(discord.ui.Select(
            custom_id=f"rumours:pick:{owner_id}", placeholder="Which player did you mean?",
            options=options or [discord.SelectOption(label="…", value="0")]))
        self.owner_id = owner_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> PlayerPick:
        return cls(int(match["owner"]))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message("Only the person who asked can choose.",
                                                    ephemeral=True)
            return False
        return True

    @answers_errors
    async def callback(self, interaction: discord.Interaction) -> None:
        report = await load_report(interaction.client,  # type: ignore[arg-type]
                                   int(self.item.values[0]), interaction.guild_id)
        await interaction.response.edit_message(content=None, embed=player_embed(report),
                                                view=report_view(report))


def player_choice(owner_id: int, candidates: list[tuple[int, str]]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(PlayerPick(owner_id, candidates))
    return view


class Rumours(commands.Cog):
    def __init__(self, bot: RumourBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(SourcesButton, SubscribeButton, PageButton, PlayerPick)

    @app_commands.command(name="club", description="Players linked with a club, in and out")
    @app_commands.describe(club="Club name, short name works too (spurs, man utd)")
    @app_commands.autocomplete(club=club_autocomplete)
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def club(self, interaction: discord.Interaction, club: str) -> None:
        club_id = resolve_club_or_raise(self.bot, club)
        report = await self.bot.run_db(club_report, club_id, self.bot.clock(),
                                       timedelta(days=self.bot.settings.cold_after_days),
                                       interaction.guild_id)
        await interaction.response.send_message(embed=club_embed(report))

    @app_commands.command(name="latest", description="The newest transfer news")
    @app_commands.describe(hours="How far back to look (default 24)")
    async def latest(self, interaction: discord.Interaction,
                     hours: app_commands.Range[int, 1, 168] = 24) -> None:
        digest = await self.bot.run_db(latest_changes, hours, self.bot.clock())
        embeds = digest_embeds(digest, title=f"Latest transfer news ({hours} h)")
        await interaction.response.send_message(embeds=one_message(embeds))

    @app_commands.command(name="rumours", description="Transfer rumours about a player")
    @app_commands.describe(player="Player name (typos are fine)")
    @app_commands.autocomplete(player=player_autocomplete)
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def rumours(self, interaction: discord.Interaction, player: str) -> None:
        if not (player.isdigit() and self.bot.directory.has_player(int(player))):
            found = self.bot.directory.resolve_player(player)
            if found.player_id is None and found.candidates:
                await interaction.response.send_message(
                    clean(found.message, 2000),
                    view=player_choice(interaction.user.id, found.candidates),
                    ephemeral=True)
                return
        player_id = resolve_or_raise(self.bot, player)
        report = await load_report(self.bot, player_id, interaction.guild_id)
        await interaction.response.send_message(embed=player_embed(report),
                                                view=report_view(report))


async def setup(bot: RumourBot) -> None:
    await bot.add_cog(Rumours(bot))

"""Discord rendering of the core's reports: embeds within Discord's limits, data escaped.

Everything that comes from articles (names, titles, sentences) goes through `clean`, so
markdown cannot restyle the embed and no mention can ping anyone even if allowed mentions
were ever switched on.
"""

from __future__ import annotations

import re
from datetime import datetime

import discord

from bot.digest import ChangeRow, Digest, compose_digest
from bot.reports import LinkView, PlayerReport
from bot.services import ClubLink, ClubReport

MAX_FIELDS = 25
MAX_FIELD_VALUE = 1024
MAX_EMBED_TOTAL = 6000  # per message: all its embeds together
MAX_EMBEDS = 10
MAX_TITLE = 256
LINKS_PER_PAGE = 8
COLOUR = discord.Colour.from_rgb(200, 16, 46)


# Mention syntax with any id: escape_mentions only breaks 17-20 digit ids ("<@&123>" stays).
_MENTION_SYNTAX = re.compile(r"<(?=(?:@[!&]?|#)\d+>)")


def clean(text: str, limit: int | None = None) -> str:
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    text = _MENTION_SYNTAX.sub("<\u200b", text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def stamp(moment: datetime, style: str = "R") -> str:
    """A Discord timestamp: every reader sees it in their own time zone."""
    return discord.utils.format_dt(moment, style=style)  # type: ignore[arg-type]


def link_line(link: LinkView) -> str:
    tier = f", best tier {link.best_tier}" if link.best_tier else ""
    sources = f"{link.independent_sources} source{'s' if link.independent_sources != 1 else ''}"
    lines = [link.summary, f"{sources}{tier}",
             f"first {stamp(link.first_seen)}, last {stamp(link.last_seen)}"]
    lines.extend(f"⚠ {clean(conflict)}" for conflict in link.conflicts)
    return clean("\n".join(lines[:1])) + "\n" + "\n".join(lines[1:])


def page_count(report: PlayerReport) -> int:
    live = [link for link in report.links if not link.cold]
    return max(1, -(-len(live) // LINKS_PER_PAGE))


def player_embed(report: PlayerReport, page: int = 0) -> discord.Embed:
    title = report.name + (f" ({report.current_club})" if report.current_club else "")
    embed = discord.Embed(title=clean(title, MAX_TITLE), colour=COLOUR)
    live = [link for link in report.links if not link.cold]
    cold = [link for link in report.links if link.cold]
    pages = page_count(report)
    page = min(max(page, 0), pages - 1)
    shown = live[page * LINKS_PER_PAGE:(page + 1) * LINKS_PER_PAGE]
    if not report.links:
        embed.description = "No rumours stored for this player yet."
    for link in shown:
        embed.add_field(name=clean(f"→ {link.club}", 256), value=link_line(link)[:MAX_FIELD_VALUE],
                        inline=False)
    if cold and page == pages - 1:
        names = ", ".join(f"{link.club} ({link.status.replace('_', ' ')})" for link in cold)
        embed.add_field(name="Gone cold", value=clean(names, MAX_FIELD_VALUE), inline=False)
    if report.other_fees:
        fees = ", ".join(fee.text for fee in report.other_fees[-5:])
        embed.add_field(name="Valuations and clauses", value=clean(fees, MAX_FIELD_VALUE),
                        inline=False)
    for conflict in report.conflicts:
        embed.add_field(name="⚠ Sources disagree", value=clean(conflict, MAX_FIELD_VALUE),
                        inline=False)
    footer = "Tier 1 = most reliable … tier 4 = aggregator"
    if pages > 1:
        footer = f"Page {page + 1}/{pages} · " + footer
    embed.set_footer(text=footer)
    return fit(embed)


def sources_embed(report: PlayerReport) -> discord.Embed:
    embed = discord.Embed(title=clean(f"Sources: {report.name}", MAX_TITLE), colour=COLOUR)
    for link in report.links[:MAX_FIELDS]:
        lines = []
        for source in link.sources:
            name = clean(source.outlet or "unattributed")
            tier = f" (tier {source.tier})" if source.tier else ""
            title = clean(source.title or source.url or "article", 80)
            if source.url and source.url.startswith(("http://", "https://")):
                lines.append(f"{name}{tier}: [{title}](<{source.url}>)")
            else:
                lines.append(f"{name}{tier}: {title}")
        value = "\n".join(lines) or "no sources"
        if len(value) > MAX_FIELD_VALUE:
            value = value[: MAX_FIELD_VALUE - 12].rsplit("\n", 1)[0] + "\n… and more"
        embed.add_field(name=clean(f"→ {link.club}", 256), value=value, inline=False)
    if not report.links:
        embed.description = "No sources stored for this player yet."
    return fit(embed)


def digest_embeds(digest: Digest, title: str = "Transfer digest") -> list[discord.Embed]:
    """One embed per chunk of players; each within Discord's limits."""
    embeds: list[discord.Embed] = []
    current = discord.Embed(title=title, colour=COLOUR)
    for player, lines in digest.players.items():
        value = clean("\n".join(line.text() for line in lines), MAX_FIELD_VALUE)
        if len(current.fields) >= MAX_FIELDS or len(current) + len(value) + 300 > MAX_EMBED_TOTAL:
            embeds.append(current)
            current = discord.Embed(title=f"{title} (continued)", colour=COLOUR)
        current.add_field(name=clean(player, 256), value=value, inline=False)
    if digest.empty:
        current.description = "Nothing new since the last digest."
    embeds.append(current)
    return embeds


def one_message(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """The leading embeds that fit in one message: Discord takes at most 10, and counts the
    6000-character limit over all of them together; a footer says how much was left out."""
    kept: list[discord.Embed] = []
    total = 0
    for embed in embeds[:MAX_EMBEDS]:
        if kept and total + len(embed) > MAX_EMBED_TOTAL - 100:  # room for the footer
            break
        kept.append(embed)
        total += len(embed)
    left = sum(len(embed.fields) for embed in embeds[len(kept):])
    if left:
        kept[-1].set_footer(text=f"… and {left} more player{'s' if left != 1 else ''} "
                                 "not shown")
    return kept


def club_embed(report: ClubReport) -> discord.Embed:
    embed = discord.Embed(title=clean(f"Transfer links: {report.name}", MAX_TITLE),
                          colour=COLOUR)

    def lines(links: list[ClubLink], arrow: str) -> str:
        out = []
        for link in links:
            other = f" {arrow} {link.other_club}" if link.other_club else ""
            fee = f", {link.fee}" if link.fee else ""
            cold = " (cold)" if link.cold else ""
            out.append(clean(f"{link.player}{other}: {link.status.replace('_', ' ')}{fee}"
                             f"{cold}") + f" · {stamp(link.last_seen)}")
        text = "\n".join(out)
        if len(text) > MAX_FIELD_VALUE:
            text = text[: MAX_FIELD_VALUE - 12].rsplit("\n", 1)[0] + "\n… and more"
        return text

    embed.add_field(name="Incoming", value=lines(report.incoming, "from") or "none",
                    inline=False)
    embed.add_field(name="Outgoing", value=lines(report.outgoing, "to") or "none",
                    inline=False)
    return fit(embed)


def alert_embed(rows: list[ChangeRow]) -> discord.Embed:
    """One DM for a batch of changes about the players a fan follows."""
    digest = compose_digest(rows, rows[0].created_at, rows[-1].created_at)
    embed = discord.Embed(title="Transfer news about players you follow", colour=COLOUR)
    for player, lines in list(digest.players.items())[:MAX_FIELDS]:
        value = clean("\n".join(line.text() for line in lines), MAX_FIELD_VALUE)
        embed.add_field(name=clean(player, 256), value=value, inline=False)
    return fit(embed)


def fit(embed: discord.Embed) -> discord.Embed:
    """Drop trailing fields until the embed is within Discord's 6000-character total."""
    while len(embed) > MAX_EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    return embed

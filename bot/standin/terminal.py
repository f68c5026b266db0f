"""Terminal front-end for the stand-in: render messages and run demo sessions.

A demo session reads lines such as::

    /rumours Koopmeiners            first words -> first required option
    /rumours player:Teun Koopmeiners days:7
    /digest preview                 subcommands by name
    complete /rumours player:koop   show autocomplete suggestions
    press Follow                    click a button (label or custom_id) on the latest message
    select club Arsenal             pick option(s) (comma separated) in a select menu
    as mod                          act as another member;  in #rumours  switch channel
    dms                             DMs the bot sent to the current user
    channel                         recent messages in the current channel
    wait 1.5                        let time pass (scheduled jobs, slow replies)
    # comment, help, quit

and prints what a Discord user would see: message text, embeds (title, description,
fields, footer), buttons and selects, ephemeral markers, DMs and channel posts.
"""

from __future__ import annotations

import asyncio
import re
import shlex
import sys
import textwrap
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

import discord

from .harness import BotEndpoint, connected_bot, running_standin
from .models import JSON, Message
from .server import CommandNotAvailable, InteractionHandle, Reply, StandIn, StandInTimeout

__all__ = [
    "DemoSession",
    "render_choices",
    "render_message",
    "render_reply",
    "run_demo",
    "run_demo_session",
]

HELP = __doc__.split("::", 1)[1].split("and prints", 1)[0].rstrip() if __doc__ else ""
BUTTON_STYLES = {1: "", 2: "", 3: "+", 4: "!", 5: "link"}


_TIMESTAMP = re.compile(r"<t:(-?\d{1,13})(?::([tTdDfFR]))?>")


def _timestamp(match: re.Match[str]) -> str:
    """Discord shows <t:unix:R> in the reader's time zone; the terminal shows UTC."""
    moment = datetime.fromtimestamp(int(match.group(1)), UTC)
    if match.group(2) != "R":
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    days = (datetime.now(UTC) - moment).total_seconds() / 86400
    if abs(days) < 1:
        return "today"
    count = round(abs(days))
    unit = "day" if count < 60 else "month"
    count = count if unit == "day" else round(count / 30)
    plural = "s" if count != 1 else ""
    return f"{count} {unit}{plural} ago" if days > 0 else f"in {count} {unit}{plural}"


def humanise(text: str) -> str:
    return _TIMESTAMP.sub(_timestamp, text)


def _wrap(text: str, prefix: str, width: int) -> list[str]:
    lines: list[str] = []
    for raw in humanise(str(text)).splitlines() or [""]:
        lines.extend(textwrap.wrap(raw, width=max(20, width - len(prefix)),
                                   replace_whitespace=False) or [""])
    return [prefix + line for line in lines]


def _render_embed(embed: JSON, width: int) -> list[str]:
    out: list[str] = []
    author = (embed.get("author") or {}).get("name")
    title = embed.get("title")
    head = " | ".join(x for x in (author, title) if x)
    if embed.get("url"):
        head = f"{head} <{embed['url']}>" if head else f"<{embed['url']}>"
    out.append(f"  +-- {head}" if head else "  +--")
    if embed.get("description"):
        out.extend(_wrap(embed["description"], "  |  ", width))
    for fld in embed.get("fields") or []:
        name, value = fld.get("name", ""), str(fld.get("value", ""))
        if "\n" in value or len(name) + len(value) > width - 10:
            out.append(f"  |  {name}:")
            out.extend(_wrap(value, "  |    ", width))
        else:
            out.append(f"  |  {name}: {value}")
    if (embed.get("image") or {}).get("url"):
        out.append(f"  |  [image {embed['image']['url']}]")
    footer = (embed.get("footer") or {}).get("text")
    stamp = embed.get("timestamp")
    tail = " | ".join(x for x in (footer, stamp) if x)
    out.append(f"  +-- {tail}" if tail else "  +--")
    return out


def _render_components(components: list[JSON], width: int) -> list[str]:
    out: list[str] = []
    for comp in components:
        ctype = comp.get("type")
        if ctype == 1:  # action row
            buttons = [c for c in comp.get("components") or [] if c.get("type") == 2]
            if buttons:
                out.append("  " + " ".join(_button(b) for b in buttons))
            others = [c for c in comp.get("components") or [] if c.get("type") != 2]
            out.extend(_render_components(others, width))
        elif ctype == 2:
            out.append("  " + _button(comp))
        elif ctype in (3, 5, 6, 7, 8):  # selects
            label = comp.get("placeholder") or comp.get("custom_id", "select")
            opts = comp.get("options") or []
            shown = " | ".join(o.get("label", o.get("value", "")) for o in opts)
            kind = {3: "", 5: " (users)", 6: " (roles)", 7: " (users/roles)", 8: " (channels)"}
            out.append(f"  v {label}{kind.get(int(ctype), '')}: {shown}".rstrip(": "))
        elif ctype == 10:  # text display
            out.extend(_wrap(comp.get("content", ""), "  ", width))
        elif ctype == 14:  # separator
            out.append("  " + "-" * min(40, width - 2))
        elif ctype in (9, 17):  # section, container
            out.extend(_render_components(comp.get("components") or [], width))
            accessory = comp.get("accessory")
            if isinstance(accessory, dict):
                out.extend(_render_components([accessory], width))
    return out


def _button(button: JSON) -> str:
    label = button.get("label") or (button.get("emoji") or {}).get("name") or "?"
    mark = BUTTON_STYLES.get(int(button.get("style") or 2), "")
    if button.get("style") == 5:
        return f"[{label} -> {button.get('url', '')}]"
    off = " (disabled)" if button.get("disabled") else ""
    return f"[{mark}{label}{off}]"


def render_message(message: Message | JSON, *, width: int = 78, who: str = "bot") -> str:
    """A message as text: header, content, embeds, buttons and selects."""
    msg = message if isinstance(message, Message) else Message(message)
    tags = []
    if msg.ephemeral:
        tags.append("only you")
    if msg.flags & 128:
        tags.append("thinking...")
    if msg.payload.get("edited_timestamp"):
        tags.append("edited")
    head = f"{who}" + (f" ({', '.join(tags)})" if tags else "") + ":"
    lines = [head]
    if msg.content:
        lines.extend(_wrap(msg.content, "  ", width))
    for embed in msg.embeds:
        lines.extend(_render_embed(embed, width))
    for att in msg.payload.get("attachments") or []:
        lines.append(f"  [file {att.get('filename')} ({att.get('size', 0)} bytes)]")
    lines.extend(_render_components(msg.components, width))
    if len(lines) == 1:
        lines.append("  (empty message)")
    return "\n".join(lines)


def render_choices(choices: list[JSON]) -> str:
    if not choices:
        return "suggestions: (none)"
    return "suggestions:\n" + "\n".join(
        f"  - {c['name']}" + (f"  ({c['value']})" if str(c["value"]) != c["name"] else "")
        for c in choices)


def render_reply(reply: Reply, *, width: int = 78) -> str:
    if reply.choices is not None:
        return render_choices(reply.choices)
    if reply.modal is not None:
        fields: list[str] = []
        for row in reply.modal.get("components") or []:
            inner = row.get("components") or ([row["component"]] if "component" in row else [])
            fields.extend(c.get("label") or c.get("custom_id") for c in inner)
        title = reply.modal.get("title", "form")
        return f"bot opened a form '{title}' with fields: {', '.join(str(f) for f in fields if f)}"
    if reply.message is None:
        return "bot acknowledged (no visible change)"
    return render_message(reply.message, width=width)


def _split_options(tokens: list[str], specs: list[JSON]) -> dict[str, str]:
    """``key:value`` pairs (values may span words) and leading positional words."""
    names = {s["name"] for s in specs}
    options: dict[str, str] = {}
    positional: list[str] = []
    current: str | None = None
    for token in tokens:
        key, sep, value = token.partition(":")
        if sep and key in names:
            current = key
            options[key] = value
        elif current is not None:
            options[current] = f"{options[current]} {token}".strip()
        else:
            positional.append(token)
    if positional:
        free = [s for s in specs if s["name"] not in options]
        target = next((s for s in free if s.get("required")), free[0] if free else None)
        if target is None:
            raise ValueError(f"don't know which option {' '.join(positional)!r} is for")
        options[target["name"]] = " ".join(positional)
    return options


class DemoSession:
    """Interprets demo lines against a running stand-in and writes what users would see."""

    def __init__(self, standin: StandIn, out: TextIO, *, user: str = "fan",
                 channel: str | None = None, echo: bool = False, width: int = 78,
                 settle: float = 0.3, timeout: float = 10.0) -> None:
        self.standin = standin
        self.out = out
        self.user = standin.user(user)
        self.channel = standin.channel(channel)
        self.echo = echo
        self.width = width
        self.settle = settle
        self.timeout = timeout
        self.failures = 0
        self._shown: dict[int, int] = {m.id: m.revision for m in standin.messages.values()}

    def write(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    # -- parsing ------------------------------------------------------------------
    def parse_command(self, line: str) -> tuple[str, dict[str, str]]:
        tokens = shlex.split(line.strip().lstrip("/"))
        if not tokens:
            raise ValueError("empty command")
        guild = None if self.channel.guild_id is None else self.standin.guild(
            self.channel.guild_id)
        command, _ = self.standin._find_command(tokens[0], guild)
        path = [tokens[0]]
        specs: list[JSON] = command.get("options") or []
        rest = tokens[1:]
        while rest:
            sub = next((o for o in specs if o["type"] in (1, 2) and o["name"] == rest[0]), None)
            if sub is None:
                break
            path.append(rest.pop(0))
            specs = sub.get("options") or []
        return " ".join(path), _split_options(rest, specs)

    # -- running ------------------------------------------------------------------
    async def run(self, lines: Iterable[str] | AsyncIterable[str]) -> int:
        async for line in _aiter(lines):
            if not await self.run_line(line):
                break
        return self.failures

    async def run_line(self, line: str) -> bool:
        """Run one line; False means "quit"."""
        line = line.strip()
        if not line or line.startswith("#"):
            return True
        if self.echo:
            self.write(f"> {line}")
        word, _, rest = line.partition(" ")
        try:
            if word in ("quit", "exit"):
                return False
            if word == "help":
                self.write(HELP)
            elif line.startswith("/"):
                await self._command(line)
            elif word in ("complete", "?"):
                await self._complete(rest)
            elif word == "press":
                await self._press(rest.strip())
            elif word == "select":
                await self._select(rest)
            elif word == "as":
                self.user = self.standin.user(rest.strip().lstrip("@"))
                self.write(f"(now acting as {self.user.username})")
            elif word == "in":
                self.channel = self.standin.channel(rest.strip())
                self.write(f"(now in #{self.channel.name})")
            elif word == "dms":
                for msg in self.standin.dms(self.user):
                    self._show(msg, "bot (DM)")
            elif word == "channel":
                for msg in self.standin.channel_messages(self.channel)[-10:]:
                    self._show(msg, self._author(msg))
            elif word == "wait":
                await asyncio.sleep(float(rest or 1))
                self._show_new()
            else:
                raise ValueError(f"unknown input {word!r}; type 'help'")
        except (CommandNotAvailable, ValueError, KeyError, StandInTimeout) as exc:
            self.failures += 1
            self.write(f"! {exc}")
        return True

    async def _command(self, line: str) -> None:
        name, options = self.parse_command(line)
        handle = await self.standin.send_command(name, options, user=self.user,
                                                 channel=self.channel)
        await self._show_response(handle)

    async def _complete(self, line: str) -> None:
        name, options = self.parse_command(line)
        if not options:
            raise ValueError("give the option being typed, e.g. complete /rumours player:koop")
        focused = list(options)[-1]
        choices = await self.standin.autocomplete(name, options, focused, user=self.user,
                                                  channel=self.channel, timeout=self.timeout)
        self.write(render_choices(choices))

    def _latest_with(self, key: str) -> Message:
        for msg in sorted(self.standin.messages.values(), key=lambda m: m.id, reverse=True):
            if not msg.visible or msg.deleted:
                continue
            if msg.ephemeral_to not in (None, self.user.id):
                continue
            try:
                msg.find_component(key)
            except KeyError:
                continue
            return msg
        raise KeyError(f"no message with a component {key!r}")

    async def _press(self, key: str) -> None:
        handle = await self.standin.press_button(self._latest_with(key), key, user=self.user)
        await self._show_response(handle)

    async def _select(self, rest: str) -> None:
        tokens = shlex.split(rest)
        if len(tokens) < 2:
            raise ValueError("usage: select <menu> <value>[,<value>...]")
        key, values = tokens[0], " ".join(tokens[1:]).split(",")
        handle = await self.standin.select(self._latest_with(key), key,
                                           [v.strip() for v in values], user=self.user)
        await self._show_response(handle)

    async def _show_response(self, handle: InteractionHandle) -> None:
        reply = await handle.response(self.timeout)
        if reply.message is not None:
            self._shown[reply.message.id] = self._version(reply.message)
        self.write(render_reply(reply, width=self.width))
        await asyncio.sleep(self.settle)  # let follow-ups, DMs and posts arrive
        self._show_new()

    @staticmethod
    def _version(msg: Message) -> int:
        return msg.revision

    def _author(self, msg: Message) -> str:
        if msg.author_id == self.standin.bot_user.id:
            return "bot"
        return self.standin.users[msg.author_id].username

    def _show(self, msg: Message, who: str) -> None:
        self._shown[msg.id] = self._version(msg)
        self.write(render_message(msg, width=self.width, who=who))

    def _show_new(self) -> None:
        """Print messages that appeared or changed since they were last shown."""
        for msg in sorted(self.standin.messages.values(), key=lambda m: m.id):
            if not msg.visible or msg.deleted or msg.author_id != self.standin.bot_user.id:
                continue
            if msg.ephemeral_to not in (None, self.user.id):
                continue
            if self._shown.get(msg.id) == self._version(msg):
                continue
            channel = self.standin.channels[msg.channel_id]
            if channel.type == 1:
                recipient = self.standin.users[channel.recipient_id or 0].username
                who = f"bot -> DM to {recipient}"
            else:
                edited = " (updated)" if msg.id in self._shown else ""
                who = f"bot in #{channel.name}{edited}"
            self._show(msg, who)


async def _aiter(lines: Iterable[str] | AsyncIterable[str]) -> AsyncIterator[str]:
    if isinstance(lines, AsyncIterable):
        async for line in lines:
            yield line
    else:
        for line in lines:
            yield line


async def run_demo_session(standin: StandIn, lines: Iterable[str] | AsyncIterable[str],
                           out: TextIO, **session_options: Any) -> int:
    """Run demo ``lines`` against a stand-in whose bot is connected; returns the failures."""
    return await DemoSession(standin, out, **session_options).run(lines)


async def _stdin_lines(prompt: str, out: TextIO) -> AsyncIterator[str]:
    while True:
        try:
            line = await asyncio.to_thread(input, prompt)
        except EOFError:
            out.write("\n")
            return
        yield line


async def run_demo(
    bot_factory: Callable[[BotEndpoint], discord.Client | Awaitable[discord.Client]],
    script_lines: Iterable[str] | None = None,
    out: TextIO | None = None,
    *,
    user: str = "fan",
    channel: str | None = None,
    start: Callable[[Any, str], Awaitable[None]] | None = None,
    standin_options: dict[str, Any] | None = None,
) -> int:
    """Start a stand-in and the bot, then run a demo session; returns an exit code.

    ``script_lines=None`` reads commands interactively from stdin (prompt ``> ``);
    otherwise the lines are echoed and run, and the exit code is 1 if any line failed
    (unknown command, bad option, bot did not answer in time), which suits CI.
    """
    out = out or sys.stdout
    async with running_standin(strict=False, **(standin_options or {})) as standin, \
            connected_bot(bot_factory, standin, start=start, check_clean=False):
        guild = standin.guild()
        names = sorted("/" + c["name"] for c in standin.registered_commands()) + sorted(
            "/" + c["name"] for c in standin.registered_commands(guild))
        out.write(f"Local Discord stand-in: server '{guild.name}', channel "
                  f"#{standin.channel(channel).name}, you are '{user}'.\n"
                  f"Commands: {' '.join(names) or '(none registered)'}\n"
                  "Type 'help' for more, 'quit' to leave.\n")
        interactive = script_lines is None
        lines: Iterable[str] | AsyncIterable[str] = (
            _stdin_lines("> ", out) if script_lines is None else script_lines
        )
        failures = await run_demo_session(standin, lines, out, user=user, channel=channel,
                                          echo=not interactive)
        if standin.unknown_requests:
            routes = ", ".join(f"{r.method} {r.path}" for r in standin.unknown_requests)
            out.write(f"! the bot called routes the stand-in does not know: {routes}\n")
            failures += 1
    return 0 if interactive or failures == 0 else 1

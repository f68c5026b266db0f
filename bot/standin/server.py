"""The Discord stand-in: a local HTTP API + gateway websocket speaking Discord's protocol.

The real, unmodified discord.py client connects to it exactly as it connects to Discord:
REST calls over HTTP (``/api/v10/...``) and a gateway websocket (HELLO, IDENTIFY -> READY,
GUILD_CREATE, heartbeats, dispatches, zlib-stream transport compression). The bot finds it
through ``DISCORD_API_BASE_URL`` (see :mod:`bot.discord_endpoint`); the gateway URL is the
one this server returns from ``GET /gateway/bot``.

Tests (and the demo) play the *users*: :meth:`StandIn.send_command`,
:meth:`StandIn.autocomplete`, :meth:`StandIn.press_button`, :meth:`StandIn.select` send
INTERACTION_CREATE events as a given member and return an :class:`InteractionHandle` whose
:meth:`InteractionHandle.response` waits for the bot's answer. Messages the bot posts are in
:meth:`StandIn.channel_messages` and :meth:`StandIn.dms`.

Fidelity notes (things Discord does that the stand-in also does, because bots trip on them):

* interaction callbacks must arrive within ``interaction_ack_deadline`` (3 s like Discord)
  and only once (40060 "already acknowledged"); follow-ups need an acknowledged token;
* after a deferred (type 5) response the first follow-up *replaces* the "thinking" message;
* slash commands the member may not use (``default_member_permissions``) cannot be sent;
* 429 answers carry ``Via`` and ``retry_after`` like Discord's, otherwise discord.py treats
  them as a Cloudflare ban; unknown routes are recorded and answered 404.

Everything lives in memory and runs on the caller's event loop, bound to 127.0.0.1 on a
free port.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import socket
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import discord
from aiohttp import WSMsgType, web

from .models import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    DEFAULT_EVERYONE,
    EMBED_LINKS,
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    JSON,
    MANAGE_GUILD,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    USE_APPLICATION_COMMANDS,
    VIEW_CHANNEL,
    Channel,
    Guild,
    Member,
    Message,
    Role,
    User,
    iso_now,
    snowflake,
)

__all__ = [
    "CommandNotAvailable",
    "Fault",
    "InteractionHandle",
    "RecordedRequest",
    "Reply",
    "StandIn",
    "StandInTimeout",
]

_log = logging.getLogger(__name__)

API_PREFIX = r"/api/v{version:\d+}"
_BODY: web.RequestKey[Any] = web.RequestKey("standin_body", object)
_AFTER = web.RequestKey("standin_after", list)
EPHEMERAL = 1 << 6
LOADING = 1 << 7

UserRef = User | int | str
GuildRef = Guild | int
ChannelRef = Channel | int | str
MessageRef = Message | int


class StandInTimeout(TimeoutError):
    """The bot did not do what a test waited for in time."""


class CommandNotAvailable(LookupError):
    """The member cannot invoke this command (not registered, wrong context, no permission)."""


@dataclass
class RecordedRequest:
    method: str
    path: str
    template: str | None
    query: dict[str, str]
    body: Any
    status: int = 0


@dataclass
class Fault:
    """A canned error answer for the next ``times`` matching requests."""

    method: str
    path: str  # route template ("/channels/{channel_id}/messages") or concrete path
    status: int
    body: JSON
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1

    def matches(self, method: str, path: str, template: str | None) -> bool:
        return self.method in (method, "*") and self.path in (path, template)


@dataclass
class Reply:
    """What a user sees after an interaction: the callback type plus its result."""

    type: int
    message: Message | None = None
    choices: list[JSON] | None = None
    modal: JSON | None = None

    @property
    def content(self) -> str:
        return self.message.content if self.message else ""

    @property
    def embeds(self) -> list[JSON]:
        return self.message.embeds if self.message else []

    @property
    def components(self) -> list[JSON]:
        return self.message.components if self.message else []

    @property
    def ephemeral(self) -> bool:
        return bool(self.message and self.message.ephemeral)


class InteractionHandle:
    """One interaction sent to the bot, and everything the bot answered to it."""

    def __init__(
        self,
        standin: StandIn,
        payload: JSON,
        *,
        user_id: int,
        channel_id: int,
        source_message_id: int | None = None,
    ) -> None:
        self._standin = standin
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.type: int = payload["type"]
        self.user_id = user_id
        self.channel_id = channel_id
        self.guild_id: int | None = int(payload["guild_id"]) if "guild_id" in payload else None
        self.source_message_id = source_message_id
        self.dispatched_at = time.perf_counter()
        self.callback_type: int | None = None
        self.callback_data: JSON | None = None
        self.callback_at: float | None = None
        self.completed_at: float | None = None
        self.original_message_id: int | None = None
        self.original_edits = 0
        self.followup_ids: list[int] = []
        self.expired = False
        # What the *user* has seen: updated only after the HTTP answer has been written to
        # the bot, because discord.py registers views only once it has read that answer.
        self.seen_callback = False
        self.seen_edits = 0
        self.seen_followups = 0

    # -- state ------------------------------------------------------------------------
    @property
    def acknowledged(self) -> bool:
        return self.callback_type is not None

    @property
    def original(self) -> Message | None:
        """The ``@original`` message (reply, deferred placeholder, or updated component msg)."""
        if self.original_message_id is None:
            return None
        return self._standin.messages.get(self.original_message_id)

    @property
    def followups(self) -> list[Message]:
        return [self._standin.messages[i] for i in self.followup_ids[: self.seen_followups]]

    @property
    def latency(self) -> float | None:
        """Seconds from dispatch to a complete response (see :meth:`response`)."""
        if self.completed_at is None:
            return None
        return self.completed_at - self.dispatched_at

    def _complete(self) -> bool:
        if not self.seen_callback:
            return False
        if self.callback_type == 5:  # "thinking": done when @original is edited
            return self.seen_edits > 0
        return True

    def _reply(self) -> Reply:
        assert self.callback_type is not None
        data = self.callback_data or {}
        reply = Reply(type=self.callback_type, message=self.original)
        if self.callback_type == 8:
            reply.choices = list(data.get("choices") or [])
        elif self.callback_type == 9:
            reply.modal = data
        return reply

    # -- waiting ----------------------------------------------------------------------
    async def callback(self, timeout: float = 5.0) -> int:
        """Wait for the interaction callback; return its type (4, 5, 6, 7, 8, 9...)."""
        await self._standin.wait_until(
            lambda: self.seen_callback, timeout, f"a callback for interaction {self.id}"
        )
        assert self.callback_type is not None
        return self.callback_type

    async def response(self, timeout: float = 5.0) -> Reply:
        """Wait until the user sees a complete answer and return it.

        Immediate replies (4), component updates (6, 7), autocomplete (8) and modals (9)
        complete at the callback; a deferred "thinking" reply (5) completes when the bot
        edits ``@original`` (or sends its first follow-up, which replaces the placeholder).
        """
        await self._standin.wait_until(
            self._complete, timeout, f"a complete response to interaction {self.id}"
        )
        return self._reply()

    async def wait_edit(self, count: int = 1, timeout: float = 5.0) -> Message:
        """Wait until ``@original`` has been edited ``count`` times in total."""
        await self._standin.wait_until(
            lambda: self.seen_edits >= count, timeout, f"{count} edit(s) of @original"
        )
        assert self.original is not None
        return self.original

    async def wait_followups(self, count: int = 1, timeout: float = 5.0) -> list[Message]:
        await self._standin.wait_until(
            lambda: self.seen_followups >= count, timeout, f"{count} follow-up(s)"
        )
        return self.followups

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} type={self.type} callback={self.callback_type}>"


class _GatewaySession:
    def __init__(self, ws: web.WebSocketResponse, compress: bool) -> None:
        self.ws = ws
        self.compressor = zlib.compressobj() if compress else None
        self.seq = 0
        self.session_id = secrets.token_hex(16)
        self.identified = False
        self.intents = 0
        self.shard: list[int] | None = None
        self.lock = asyncio.Lock()

    async def send(self, op: int, d: Any, t: str | None = None) -> None:
        async with self.lock:
            payload: JSON = {"op": op, "d": d, "s": None, "t": t}
            if op == 0:
                self.seq += 1
                payload["s"] = self.seq
            raw = json.dumps(payload, separators=(",", ":"))
            if self.ws.closed:
                return
            if self.compressor is not None:
                data = self.compressor.compress(raw.encode()) + self.compressor.flush(
                    zlib.Z_SYNC_FLUSH
                )
                await self.ws.send_bytes(data)
            else:
                await self.ws.send_str(raw)


def _json(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    """JSON answer with exactly ``Content-Type: application/json`` like Discord sends.

    discord.py's ``json_or_text`` compares the header for equality, so aiohttp's default
    ``application/json; charset=utf-8`` would make every body arrive as a string.
    """
    body = json.dumps(data, separators=(",", ":")).encode()
    return web.Response(body=body, status=status,
                        headers={**(headers or {}), "Content-Type": "application/json"})


def _error(status: int, message: str, code: int = 0, **extra: Any) -> web.Response:
    return _json({"message": message, "code": code, **extra}, status=status)


def _no_content() -> web.Response:
    return web.Response(status=204)


class StandIn:
    """A local Discord for one bot application. Use :func:`bot.standin.running_standin`.

    The default world (``populate_default``) is one guild "Transfer Talk" with channels
    ``#general`` and ``#rumours``, roles ``@everyone`` / ``Moderator`` (Manage Server) /
    ``Admin`` (Administrator) and members ``olivia`` (owner), ``mod`` (Moderator) and
    ``fan`` (no role; the default user of interactions), plus the bot itself.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        application_name: str = "Rumour Bot",
        heartbeat_interval_ms: int = 41_250,
        interaction_ack_deadline: float = 3.0,
        populate: bool = True,
        settle_delay: float = 0.01,
    ) -> None:
        self.token = token or f"standin.{secrets.token_urlsafe(24)}"
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.interaction_ack_deadline = interaction_ack_deadline
        self.application_id = snowflake()
        self.bot_user = User(self.application_id, application_name.lower().replace(" ", "-"),
                             global_name=application_name, bot=True)
        self.application_name = application_name
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}
        self._channel_log: dict[int, list[int]] = {}
        self._dm_channel_of: dict[int, int] = {}
        self.global_commands: dict[str, JSON] = {}
        self.guild_commands: dict[int, dict[str, JSON]] = {}
        self.interactions: dict[int, InteractionHandle] = {}
        self._by_token: dict[str, InteractionHandle] = {}
        self.requests: list[RecordedRequest] = []
        self.unknown_requests: list[RecordedRequest] = []
        self.faults: list[Fault] = []
        self.heartbeats = 0
        self.identifies = 0
        self._sessions: list[_GatewaySession] = []
        self._waiters: set[asyncio.Future[None]] = set()
        self._pending: set[asyncio.TimerHandle] = set()
        #: Seconds between answering the bot and showing the result to tests (see middleware).
        self.settle_delay = settle_delay
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.owner = User(snowflake(), "olivia", global_name="Olivia")
        self.users[self.owner.id] = self.owner
        if populate:
            self.populate_default()

    # ---------------------------------------------------------------- world building --
    def populate_default(self) -> Guild:
        guild = self.add_guild("Transfer Talk", owner=self.owner)
        self.add_role(guild, "Moderator", MANAGE_GUILD)
        self.add_role(guild, "Admin", ADMINISTRATOR)
        self.add_channel(guild, "general")
        self.add_channel(guild, "rumours", topic="Transfer rumours")
        self.add_user("mod", roles=["Moderator"], guild=guild)
        self.add_user("fan", guild=guild)
        return guild

    def add_guild(self, name: str, *, owner: User | None = None) -> Guild:
        owner = owner or self.owner
        gid = snowflake()
        guild = Guild(gid, name, owner.id)
        guild.roles[gid] = Role(gid, "@everyone", DEFAULT_EVERYONE, position=0)
        bot_role = Role(
            snowflake(),
            self.application_name,
            VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY
            | USE_APPLICATION_COMMANDS,
            position=1,
            managed=True,
        )
        guild.roles[bot_role.id] = bot_role
        guild.members[owner.id] = Member(owner.id)
        guild.members[self.bot_user.id] = Member(self.bot_user.id, [bot_role.id])
        self.guilds[gid] = guild
        return guild

    def add_role(self, guild: GuildRef, name: str, permissions: int = 0) -> Role:
        g = self.guild(guild)
        role = Role(snowflake(), name, permissions, position=len(g.roles))
        g.roles[role.id] = role
        return role

    def add_channel(self, guild: GuildRef, name: str, *, type: int = 0,
                    topic: str | None = None) -> Channel:
        g = self.guild(guild)
        channel = Channel(snowflake(), name, type, g.id, position=len(g.channels), topic=topic)
        g.channels[channel.id] = channel
        self.channels[channel.id] = channel
        return channel

    def add_user(self, username: str, *, roles: Iterable[str | int] = (),
                 guild: GuildRef | None = None, global_name: str | None = None) -> User:
        """Create a user and make them a member of ``guild`` (default guild) with ``roles``."""
        user = User(snowflake(), username, global_name=global_name or username.title())
        self.users[user.id] = user
        g = self.guild(guild)
        role_ids = [r if isinstance(r, int) else g.role_named(r).id for r in roles]
        g.members[user.id] = Member(user.id, role_ids)
        return user

    def close_dms(self, user: UserRef) -> None:
        """Make sending DMs to ``user`` fail with 403 / 50007 like Discord does."""
        self.user(user).dms_open = False

    # ------------------------------------------------------------------- look-ups --
    def guild(self, ref: GuildRef | None = None) -> Guild:
        if isinstance(ref, Guild):
            return ref
        if ref is None:
            return next(iter(self.guilds.values()))
        return self.guilds[int(ref)]

    def user(self, ref: UserRef | None = None) -> User:
        if isinstance(ref, User):
            return ref
        if ref is None:
            ref = "fan"
        if isinstance(ref, int):
            return self.users[ref]
        for user in self.users.values():
            if user.username == ref:
                return user
        raise KeyError(f"no user {ref!r}")

    def channel(self, ref: ChannelRef | None = None, guild: GuildRef | None = None) -> Channel:
        if isinstance(ref, Channel):
            return ref
        if isinstance(ref, int):
            return self.channels[ref]
        g = self.guild(guild)
        if ref is None:
            return next(c for c in g.channels.values() if c.type == 0)
        return g.channel_named(ref.lstrip("#"))

    def message(self, ref: MessageRef) -> Message:
        return ref if isinstance(ref, Message) else self.messages[int(ref)]

    def dm_channel(self, user: UserRef) -> Channel:
        u = self.user(user)
        cid = self._dm_channel_of.get(u.id)
        if cid is None:
            channel = Channel(snowflake(), "", 1, recipient_id=u.id)
            self.channels[channel.id] = channel
            self._dm_channel_of[u.id] = cid = channel.id
        return self.channels[cid]

    def channel_messages(self, channel: ChannelRef | None = None, *,
                         include_ephemeral: bool = False) -> list[Message]:
        """Messages in a channel, oldest first (ephemeral replies only if asked)."""
        cid = self.channel(channel).id
        out = [self.messages[i] for i in self._channel_log.get(cid, [])]
        return [m for m in out if m.visible and not m.deleted
                and (include_ephemeral or not m.ephemeral)]

    def dms(self, user: UserRef) -> list[Message]:
        """Direct messages the bot sent to ``user``, oldest first."""
        cid = self._dm_channel_of.get(self.user(user).id)
        if cid is None:
            return []
        msgs = [self.messages[i] for i in self._channel_log.get(cid, [])]
        return [m for m in msgs if m.visible and not m.deleted]

    def registered_commands(self, guild: GuildRef | None = None) -> list[JSON]:
        if guild is None:
            return list(self.global_commands.values())
        return list(self.guild_commands.get(self.guild(guild).id, {}).values())

    def forget(self, handle: InteractionHandle) -> None:
        """Drop a finished interaction and its messages (keeps long load runs small)."""
        self.interactions.pop(handle.id, None)
        self._by_token.pop(handle.token, None)
        for mid in (handle.original_message_id, *handle.followup_ids):
            if mid is None or mid == handle.source_message_id:
                continue
            message = self.messages.pop(mid, None)
            if message is not None:
                log = self._channel_log.get(message.channel_id, [])
                with contextlib.suppress(ValueError):
                    log.remove(mid)

    # -------------------------------------------------------------------- faults --
    def fail(self, method: str, path: str, status: int, *, code: int = 0,
             message: str | None = None, times: int = 1,
             headers: Mapping[str, str] | None = None, **extra: Any) -> Fault:
        """Answer the next ``times`` requests matching ``method path`` with an error.

        ``path`` is a route template as discord.py writes it (``/channels/{channel_id}/
        messages``) or a concrete path (``/channels/123/messages``); ``method`` may be "*".
        """
        body: JSON = {"message": message or f"{status}: simulated error", "code": code, **extra}
        fault = Fault(method.upper(), path, status, body, dict(headers or {}), times)
        self.faults.append(fault)
        return fault

    def rate_limit(self, method: str, path: str, *, retry_after: float = 0.1, times: int = 1,
                   is_global: bool = False) -> Fault:
        """Answer with 429 the way Discord does (JSON body, ``Retry-After``, ``Via``)."""
        headers = {
            "Retry-After": str(max(1, round(retry_after))),
            "Via": "1.1 google",
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        return self.fail(method, path, 429, message="You are being rate limited.",
                         times=times, headers=headers, retry_after=retry_after,
                         **{"global": is_global})

    # ------------------------------------------------------------------- waiting --
    def _notify(self) -> None:
        waiters, self._waiters = self._waiters, set()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0,
                         what: str = "condition") -> None:
        """Wait until ``predicate()`` holds (re-checked after every state change)."""
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                while not predicate():
                    waiter = loop.create_future()
                    self._waiters.add(waiter)
                    await waiter
        except TimeoutError:
            raise StandInTimeout(f"timed out after {timeout}s waiting for {what}") from None

    async def wait_for_message(self, channel: ChannelRef | None = None, *,
                               timeout: float = 5.0,
                               predicate: Callable[[Message], bool] | None = None,
                               after: MessageRef | None = None,
                               include_ephemeral: bool = False) -> Message:
        """Wait for a message in ``channel`` newer than ``after`` (default: now)."""
        cid = self.channel(channel).id
        return await self._wait_new_message(cid, timeout, predicate, after, include_ephemeral)

    async def wait_for_dm(self, user: UserRef, *, timeout: float = 5.0,
                          predicate: Callable[[Message], bool] | None = None,
                          after: MessageRef | None = None) -> Message:
        cid = self.dm_channel(user).id
        return await self._wait_new_message(cid, timeout, predicate, after, False)

    async def _wait_new_message(self, cid: int, timeout: float,
                                predicate: Callable[[Message], bool] | None,
                                after: MessageRef | None, include_ephemeral: bool) -> Message:
        log = self._channel_log.setdefault(cid, [])
        if after is None:
            start = len(log)
        else:
            mid = self.message(after).id
            start = log.index(mid) + 1 if mid in log else len(log)
        found: list[Message] = []

        def check() -> bool:
            for mid in log[start:]:
                m = self.messages[mid]
                if not m.visible or m.deleted or (m.ephemeral and not include_ephemeral):
                    continue
                if predicate is None or predicate(m):
                    found.append(m)
                    return True
            return False

        await self.wait_until(check, timeout, f"a new message in channel {cid}")
        return found[0]

    async def wait_until_connected(self, timeout: float = 10.0) -> None:
        """Wait until a gateway session has identified and received its guilds."""
        await self.wait_until(lambda: any(s.identified for s in self._sessions), timeout,
                              "the bot to IDENTIFY on the gateway")

    async def wait_for_commands(self, *names: str, guild: GuildRef | None = None,
                                timeout: float = 5.0) -> None:
        gid = None if guild is None else self.guild(guild).id

        def check() -> bool:
            registered = self.global_commands if gid is None else self.guild_commands.get(
                gid, {})
            return all(n in registered for n in names)

        await self.wait_until(check, timeout, f"commands {names} to be registered")

    # ----------------------------------------------------------------- lifecycle --
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base_url(self) -> str:
        """The value for ``DISCORD_API_BASE_URL``."""
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application(middlewares=[self._middleware], client_max_size=32 * 1024**2)
        self._add_routes(app)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        site = web.SockSite(self._runner, sock)
        await site.start()
        _log.info("Discord stand-in listening on %s", self.base_url)

    async def stop(self) -> None:
        for session in list(self._sessions):
            if not session.ws.closed:
                await session.ws.close(code=1001, message=b"stand-in stopping")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        for handle in self._pending:
            handle.cancel()
        self._pending.clear()

    # -------------------------------------------------------------- HTTP plumbing --
    def _add_routes(self, app: web.Application) -> None:
        r = app.router
        p = API_PREFIX
        r.add_get("/gateway", self._gateway)
        routes: list[tuple[str, str, Callable[[web.Request], Awaitable[web.StreamResponse]]]] = [
            ("GET", "/gateway", self._h_gateway),
            ("GET", "/gateway/bot", self._h_gateway_bot),
            ("GET", "/users/@me", self._h_me),
            ("GET", "/users/{user_id}", self._h_user),
            ("POST", "/users/@me/channels", self._h_open_dm),
            ("GET", "/oauth2/applications/@me", self._h_application),
            ("GET", "/applications/@me", self._h_application),
            ("GET", "/applications/{app_id}/commands", self._h_get_commands),
            ("PUT", "/applications/{app_id}/commands", self._h_put_commands),
            ("POST", "/applications/{app_id}/commands", self._h_post_command),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self._h_get_commands),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self._h_put_commands),
            ("POST", "/applications/{app_id}/guilds/{guild_id}/commands", self._h_post_command),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._h_callback),
            ("GET", "/webhooks/{app_id}/{token}/messages/@original", self._h_get_webhook_msg),
            ("PATCH", "/webhooks/{app_id}/{token}/messages/@original", self._h_edit_webhook_msg),
            ("DELETE", "/webhooks/{app_id}/{token}/messages/@original",
             self._h_delete_webhook_msg),
            ("GET", "/webhooks/{app_id}/{token}/messages/{message_id}", self._h_get_webhook_msg),
            ("PATCH", "/webhooks/{app_id}/{token}/messages/{message_id}",
             self._h_edit_webhook_msg),
            ("DELETE", "/webhooks/{app_id}/{token}/messages/{message_id}",
             self._h_delete_webhook_msg),
            ("POST", "/webhooks/{app_id}/{token}", self._h_followup),
            ("GET", "/channels/{channel_id}", self._h_channel),
            ("GET", "/channels/{channel_id}/messages", self._h_history),
            ("POST", "/channels/{channel_id}/messages", self._h_post_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self._h_get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self._h_edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self._h_delete_message),
            ("GET", "/guilds/{guild_id}", self._h_guild),
            ("GET", "/guilds/{guild_id}/channels", self._h_guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self._h_guild_roles),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._h_guild_member),
        ]
        for method, path, handler in routes:
            r.add_route(method, p + path, handler)

    @staticmethod
    def _template(request: web.Request) -> str | None:
        if request.match_info.http_exception is not None:
            return None
        resource = request.match_info.route.resource
        if resource is None:
            return None
        canonical = resource.canonical
        prefix = "/api/v{version}"
        return canonical[len(prefix):] if canonical.startswith(prefix) else canonical

    @staticmethod
    def _api_path(request: web.Request) -> str:
        path = request.path
        if path.startswith("/api/v"):
            rest = path[len("/api/v"):]
            return rest[rest.find("/"):] if "/" in rest else "/"
        return path

    @web.middleware
    async def _middleware(self, request: web.Request,
                          handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                          ) -> web.StreamResponse:
        if request.path == "/gateway":
            return await handler(request)
        template = self._template(request)
        path = self._api_path(request)
        body = await self._read_body(request)
        record = RecordedRequest(request.method, path, template, dict(request.query), body)
        self.requests.append(record)
        request[_AFTER] = []
        response = await self._answer(request, handler, record)
        record.status = response.status
        after: list[Callable[[], None]] = request[_AFTER]
        if after:
            # Make the change visible to tests only once the bot has had its answer and a
            # moment to act on it: discord.py registers a View only after reading the
            # callback response, so a test pressing the button any earlier races the bot.
            await response.prepare(request)
            await response.write_eof()
            loop = asyncio.get_running_loop()
            self._pending.add(loop.call_later(self.settle_delay, self._run_updates, after))
        return response

    def _run_updates(self, updates: list[Callable[[], None]]) -> None:
        self._pending = {h for h in self._pending if not h.cancelled() and h.when() >
                         asyncio.get_running_loop().time()}
        for update in updates:
            update()
        self._notify()

    async def _answer(self, request: web.Request,
                      handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
                      record: RecordedRequest) -> web.StreamResponse:
        if record.template is None:
            self.unknown_requests.append(record)
            _log.warning("stand-in: unknown route %s %s", record.method, record.path)
            return _error(404, "404: Not Found")
        for fault in self.faults:
            if fault.times > 0 and fault.matches(record.method, record.path, record.template):
                fault.times -= 1
                return _json(fault.body, status=fault.status, headers=fault.headers)
        needs_auth = not record.template.startswith(("/webhooks/", "/interactions/"))
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
            return _error(401, "401: Unauthorized")
        request[_BODY] = record.body
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except KeyError as exc:
            _log.debug("stand-in: lookup failed for %s %s: %r", record.method, record.path, exc)
            return _error(404, f"404: Unknown object {exc}", 10000)

    @staticmethod
    async def _read_body(request: web.Request) -> Any:
        if not request.body_exists:
            return None
        ctype = request.content_type
        if ctype == "multipart/form-data":
            payload: JSON = {}
            files: list[JSON] = []
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not hasattr(part, "read"):
                    continue
                raw = await part.read()  # type: ignore[union-attr]
                name = getattr(part, "name", None)
                if name == "payload_json":
                    payload = json.loads(raw)
                else:
                    files.append({"field": name, "filename": getattr(part, "filename", None),
                                  "size": len(raw)})
            if files:
                payload["__files__"] = files
            return payload
        text = await request.text()
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return text

    @staticmethod
    def _publish(request: web.Request, *updates: Callable[[], None]) -> None:
        """Run ``updates`` and wake waiters after the answer has been sent to the bot."""
        request[_AFTER].extend(updates or [lambda: None])

    @staticmethod
    def _show(message: Message) -> Callable[[], None]:
        def show() -> None:
            message.visible = True

        return show

    # -------------------------------------------------------------- REST handlers --
    async def _h_gateway(self, request: web.Request) -> web.Response:
        return _json({"url": self.gateway_url})

    async def _h_gateway_bot(self, request: web.Request) -> web.Response:
        return _json({
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0,
                                    "max_concurrency": 1},
        })

    def _me_payload(self) -> JSON:
        data = self.bot_user.payload()
        data.update(verified=True, mfa_enabled=False, locale="en-US", email=None, bio="")
        return data

    async def _h_me(self, request: web.Request) -> web.Response:
        return _json(self._me_payload())

    async def _h_user(self, request: web.Request) -> web.Response:
        return _json(self.users[int(request.match_info["user_id"])].payload())

    def _application_payload(self) -> JSON:
        return {
            "id": str(self.application_id),
            "name": self.application_name,
            "icon": None,
            "description": "Local Discord stand-in application",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": secrets.token_hex(32),
            "owner": self.owner.payload(),
            "team": None,
            "flags": (1 << 15) | (1 << 19),  # members + message content intents (limited)
            "bot": self.bot_user.payload(),
            "rpc_origins": [],
            "tags": [],
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "approximate_guild_count": len(self.guilds),
            "integration_types_config": {"0": {}},
        }

    async def _h_application(self, request: web.Request) -> web.Response:
        return _json(self._application_payload())

    def _check_app(self, request: web.Request) -> web.Response | None:
        if int(request.match_info["app_id"]) != self.application_id:
            return _error(403, "Missing Access", 50001)
        return None

    def _command_table(self, request: web.Request) -> dict[str, JSON]:
        gid = request.match_info.get("guild_id")
        if gid is None:
            return self.global_commands
        if int(gid) not in self.guilds:
            raise KeyError(f"guild {gid}")
        return self.guild_commands.setdefault(int(gid), {})

    def _normalise_command(self, data: JSON, guild_id: str | None, old: JSON | None) -> JSON:
        cmd = dict(data)
        cmd.setdefault("type", 1)
        cmd.setdefault("description", "")
        cmd.setdefault("options", [])
        cmd.setdefault("default_member_permissions", None)
        cmd.setdefault("nsfw", False)
        cmd["id"] = old["id"] if old else str(snowflake())
        cmd["application_id"] = str(self.application_id)
        cmd["version"] = str(snowflake())
        if guild_id is not None:
            cmd["guild_id"] = guild_id
        else:
            cmd.setdefault("contexts", None)
            cmd.setdefault("integration_types", [0])
        return cmd

    async def _h_get_commands(self, request: web.Request) -> web.Response:
        if (err := self._check_app(request)) is not None:
            return err
        return _json(list(self._command_table(request).values()))

    async def _h_put_commands(self, request: web.Request) -> web.Response:
        if (err := self._check_app(request)) is not None:
            return err
        table = self._command_table(request)
        body = request[_BODY] or []
        gid = request.match_info.get("guild_id")
        new: dict[str, JSON] = {}
        for data in body:
            key = f"{data.get('type', 1)}:{data['name']}"
            new[key] = self._normalise_command(data, gid, table.get(data["name"]))
        table.clear()
        for cmd in new.values():
            table[cmd["name"] if cmd["type"] == 1 else f"{cmd['type']}:{cmd['name']}"] = cmd
        self._publish(request)
        return _json(list(new.values()))

    async def _h_post_command(self, request: web.Request) -> web.Response:
        if (err := self._check_app(request)) is not None:
            return err
        table = self._command_table(request)
        data = request[_BODY]
        old = table.get(data["name"])
        cmd = self._normalise_command(data, request.match_info.get("guild_id"), old)
        table[cmd["name"]] = cmd
        self._publish(request)
        return _json(cmd, status=200 if old else 201)

    async def _h_channel(self, request: web.Request) -> web.Response:
        channel = self.channels[int(request.match_info["channel_id"])]
        return _json(channel.payload(self.users))

    async def _h_open_dm(self, request: web.Request) -> web.Response:
        body = request[_BODY] or {}
        try:
            user = self.users[int(body["recipient_id"])]
        except (KeyError, ValueError, TypeError):
            return _error(400, "Invalid Form Body", 50035)
        return _json(self.dm_channel(user).payload(self.users))

    async def _h_post_message(self, request: web.Request) -> web.Response:
        channel = self.channels[int(request.match_info["channel_id"])]
        if channel.type == 1:
            recipient = self.users.get(channel.recipient_id or 0)
            if recipient is None or not recipient.dms_open or recipient.bot:
                return _error(403, "Cannot send messages to this user", 50007)
        body = request[_BODY] or {}
        if not (body.get("content") or body.get("embeds") or body.get("components")
                or body.get("__files__") or body.get("sticker_ids") or body.get("poll")):
            return _error(400, "Cannot send an empty message", 50006)
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            # Discord: the same author and nonce within a few minutes returns the earlier
            # message instead of posting a second one.
            for earlier_id in reversed(self._channel_log.get(channel.id, [])):
                earlier = self.messages.get(earlier_id)
                if earlier is not None and earlier.payload.get("nonce") == nonce:
                    return _json(earlier.payload)
        msg_type = 19 if body.get("message_reference") else 0
        message = self._create_message(channel, body, author=self.bot_user, type=msg_type)
        await self._dispatch_message_create(message)
        self._publish(request, self._show(message))
        return _json(message.payload)

    async def _h_history(self, request: web.Request) -> web.Response:
        channel = self.channels[int(request.match_info["channel_id"])]
        limit = int(request.query.get("limit", 50))
        msgs = [m.payload for m in self.channel_messages(channel)][::-1][:limit]
        return _json(msgs)

    def _channel_message(self, request: web.Request) -> Message:
        cid = int(request.match_info["channel_id"])
        message = self.messages[int(request.match_info["message_id"])]
        if message.channel_id != cid or message.deleted or message.ephemeral:
            raise KeyError("message")
        return message

    async def _h_get_message(self, request: web.Request) -> web.Response:
        return _json(self._channel_message(request).payload)

    async def _h_edit_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message.author_id != self.bot_user.id:
            return _error(403, "Cannot edit a message authored by another user", 50005)
        self._edit(message, request[_BODY] or {})
        self._publish(request)
        return _json(message.payload)

    async def _h_delete_message(self, request: web.Request) -> web.Response:
        self._channel_message(request).deleted = True
        self._publish(request)
        return _no_content()

    async def _h_guild(self, request: web.Request) -> web.Response:
        guild = self.guilds[int(request.match_info["guild_id"])]
        data = guild.payload(self.users)
        for key in ("members", "channels", "threads", "presences", "voice_states", "joined_at",
                    "large", "unavailable", "member_count", "stage_instances",
                    "guild_scheduled_events", "soundboard_sounds"):
            data.pop(key, None)
        return _json(data)

    async def _h_guild_channels(self, request: web.Request) -> web.Response:
        guild = self.guilds[int(request.match_info["guild_id"])]
        return _json([c.payload() for c in guild.channels.values()])

    async def _h_guild_roles(self, request: web.Request) -> web.Response:
        guild = self.guilds[int(request.match_info["guild_id"])]
        return _json([r.payload() for r in guild.roles.values()])

    async def _h_guild_member(self, request: web.Request) -> web.Response:
        guild = self.guilds[int(request.match_info["guild_id"])]
        member = guild.members.get(int(request.match_info["user_id"]))
        if member is None:
            return _error(404, "Unknown Member", 10007)
        return _json(member.payload(self.users))

    # ---------------------------------------------------- interaction responses --
    async def _h_callback(self, request: web.Request) -> web.Response:
        handle = self.interactions.get(int(request.match_info["interaction_id"]))
        if handle is None or handle.token != request.match_info["token"]:
            return _error(404, "Unknown interaction", 10062)
        if handle.acknowledged:
            return _error(400, "Interaction has already been acknowledged.", 40060)
        if time.perf_counter() - handle.dispatched_at > self.interaction_ack_deadline:
            handle.expired = True
            self._notify()
            return _error(404, "Unknown interaction", 10062)
        body = request[_BODY] or {}
        ctype = int(body.get("type", 0))
        data: JSON = body.get("data") or {}
        allowed = {1: {1}, 2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}
        if ctype not in allowed.get(handle.type, set()):
            return _error(400, "Invalid Form Body", 50035,
                          errors={"type": f"callback type {ctype} not valid for interaction "
                                          f"type {handle.type}"})
        channel = self.channels[handle.channel_id]
        message: Message | None = None
        if ctype == 4:
            message = self._create_interaction_message(handle, channel, data)
            handle.original_message_id = message.id
        elif ctype == 5:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            message = self._create_interaction_message(handle, channel, {"content": "",
                                                                         "flags": flags})
            handle.original_message_id = message.id
        elif ctype in (6, 7):
            handle.original_message_id = handle.source_message_id
            message = handle.original
            if ctype == 7 and message is not None:
                self._edit(message, data)
        handle.callback_type = ctype
        handle.callback_data = data
        handle.callback_at = time.perf_counter()
        if ctype != 5:
            handle.completed_at = handle.callback_at
        if message is not None and ctype == 4 and not message.ephemeral:
            await self._dispatch_message_create(message)

        def seen() -> None:
            handle.seen_callback = True
            if message is not None:
                message.visible = True

        self._publish(request, seen)
        if request.query.get("with_response") not in ("1", "true", "True"):
            return _no_content()
        answer: JSON = {
            "interaction": {
                "id": str(handle.id),
                "type": handle.type,
                "response_message_loading": ctype == 5,
                "response_message_ephemeral": bool(message and message.ephemeral),
            },
        }
        if message is not None:
            answer["interaction"]["response_message_id"] = str(message.id)
            if ctype in (4, 5, 7):
                answer["resource"] = {"type": ctype, "message": message.payload}
        return _json(answer)

    def _webhook_handle(self, request: web.Request) -> InteractionHandle:
        if int(request.match_info["app_id"]) != self.application_id:
            raise KeyError("webhook")
        handle = self._by_token.get(request.match_info["token"])
        if handle is None:
            raise KeyError("webhook")
        return handle

    def _webhook_message(self, request: web.Request, handle: InteractionHandle) -> Message | None:
        mid = request.match_info.get("message_id")
        if mid is None:
            return handle.original
        message = self.messages.get(int(mid))
        if message is None or message.id not in (*handle.followup_ids, handle.original_message_id):
            return None
        return message

    async def _h_get_webhook_msg(self, request: web.Request) -> web.Response:
        handle = self._webhook_handle(request)
        message = self._webhook_message(request, handle)
        if message is None or message.deleted:
            return _error(404, "Unknown Message", 10008)
        return _json(message.payload)

    async def _h_edit_webhook_msg(self, request: web.Request) -> web.Response:
        handle = self._webhook_handle(request)
        message = self._webhook_message(request, handle)
        if message is None or message.deleted:
            return _error(404, "Unknown Message", 10008)
        self._edit(message, request[_BODY] or {})
        if message.id == handle.original_message_id:
            self._publish(request, self._mark_original_edited(handle))
        else:
            self._publish(request)
        return _json(message.payload)

    async def _h_delete_webhook_msg(self, request: web.Request) -> web.Response:
        handle = self._webhook_handle(request)
        message = self._webhook_message(request, handle)
        if message is None or message.deleted:
            return _error(404, "Unknown Message", 10008)
        message.deleted = True
        self._publish(request)
        return _no_content()

    async def _h_followup(self, request: web.Request) -> web.Response:
        handle = self._webhook_handle(request)
        if not handle.acknowledged:
            return _error(404, "Unknown Webhook", 10015)
        body = request[_BODY] or {}
        original = handle.original
        if handle.callback_type == 5 and original is not None and original.flags & LOADING \
                and handle.original_edits == 0:
            # Discord: the first follow-up after a "thinking" defer replaces the placeholder.
            self._edit(original, {**body, "flags": original.flags & EPHEMERAL})
            self._publish(request, self._mark_original_edited(handle))
            message = original
        else:
            message = self._create_interaction_message(handle, self.channels[handle.channel_id],
                                                       body)
            handle.followup_ids.append(message.id)

            def seen() -> None:
                message.visible = True
                handle.seen_followups += 1

            self._publish(request, seen)
        if not message.ephemeral:
            await self._dispatch_message_create(message)
        if request.query.get("wait") in ("1", "true", "True"):
            return _json(message.payload)
        return _no_content()

    @staticmethod
    def _mark_original_edited(handle: InteractionHandle) -> Callable[[], None]:
        """Count an edit of ``@original`` now; return the update that makes it visible."""
        handle.original_edits += 1
        if handle.completed_at is None and handle.callback_type == 5:
            handle.completed_at = time.perf_counter()

        def seen() -> None:
            handle.seen_edits += 1

        return seen

    # ---------------------------------------------------------------- messages --
    def _create_interaction_message(self, handle: InteractionHandle, channel: Channel,
                                    data: JSON) -> Message:
        user = self.users[handle.user_id]
        extra: JSON = {
            "application_id": str(self.application_id),
            "webhook_id": str(self.application_id),
            "interaction_metadata": {
                "id": str(handle.id),
                "type": handle.type,
                "user": user.payload(),
                "authorizing_integration_owners": handle.payload.get(
                    "authorizing_integration_owners", {}),
            },
        }
        if handle.source_message_id is not None:
            extra["interaction_metadata"]["interacted_message_id"] = str(handle.source_message_id)
        msg_type = 20 if handle.type == 2 else 0
        message = self._create_message(channel, data, author=self.bot_user, type=msg_type,
                                       extra=extra)
        if message.ephemeral:
            message.ephemeral_to = user.id
        return message

    def _create_message(self, channel: Channel, data: JSON, *, author: User, type: int = 0,
                        extra: JSON | None = None, visible: bool = False) -> Message:
        mid = snowflake()
        payload: JSON = {
            "id": str(mid),
            "channel_id": str(channel.id),
            "author": author.payload(),
            "content": "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": type,
            "flags": 0,
            "components": [],
        }
        if channel.guild_id is not None:
            payload["guild_id"] = str(channel.guild_id)
        if extra:
            payload.update(extra)
        self._apply_body(payload, data)
        message = Message(payload, visible=visible)
        self.messages[mid] = message
        self._channel_log.setdefault(channel.id, []).append(mid)
        return message

    def _apply_body(self, payload: JSON, data: JSON) -> None:
        for key in ("content", "embeds", "components", "flags", "tts", "poll", "nonce",
                    "message_reference"):
            if key in data and data[key] is not None:
                payload[key] = data[key]
            elif key in data and key in ("content", "embeds", "components"):
                payload[key] = "" if key == "content" else []
        for embed in payload.get("embeds") or []:
            embed.setdefault("type", "rich")
        files = data.get("__files__") or []
        if files or "attachments" in data:
            attachments = []
            for i, f in enumerate(files):
                aid = snowflake()
                attachments.append({
                    "id": str(aid), "filename": f.get("filename") or f"file{i}",
                    "size": f["size"],
                    "url": f"{self.base_url}/attachments/{aid}/{f.get('filename')}",
                    "proxy_url": f"{self.base_url}/attachments/{aid}/{f.get('filename')}",
                })
            if files:
                payload["attachments"] = attachments
            elif not data.get("attachments"):
                payload["attachments"] = []

    def _edit(self, message: Message, data: JSON) -> None:
        data = dict(data)
        if "flags" in data and data["flags"] is not None:
            # ephemeral cannot change; LOADING is cleared by any edit
            data["flags"] = (int(data["flags"]) & ~(EPHEMERAL | LOADING)) | (
                message.flags & EPHEMERAL)
        was_loading = bool(message.flags & LOADING)
        self._apply_body(message.payload, data)
        message.payload["flags"] = message.flags & ~LOADING
        message.revision += 1
        if not was_loading:  # resolving a "thinking" placeholder is not shown as an edit
            message.payload["edited_timestamp"] = iso_now()

    # ----------------------------------------------------------------- gateway --
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        compress = request.query.get("compress")
        if request.query.get("encoding", "json") != "json" or compress not in (None,
                                                                               "zlib-stream"):
            await ws.close(code=4000, message=b"stand-in supports json + zlib-stream only")
            return ws
        session = _GatewaySession(ws, compress == "zlib-stream")
        self._sessions.append(session)
        try:
            await session.send(10, {"heartbeat_interval": self.heartbeat_interval_ms})
            async for msg in ws:
                if msg.type == WSMsgType.TEXT or msg.type == WSMsgType.BINARY:
                    await self._gateway_op(session, json.loads(msg.data))
                elif msg.type == WSMsgType.ERROR:
                    break
        finally:
            self._sessions.remove(session)
            self._notify()
        return ws

    async def _gateway_op(self, session: _GatewaySession, payload: JSON) -> None:
        op = payload.get("op")
        d = payload.get("d")
        if op == 1:
            self.heartbeats += 1
            await session.send(11, None)
        elif op == 2:
            await self._identify(session, d or {})
        elif op == 6:
            await self._resume(session, d or {})
        elif op == 8:
            await self._request_members(session, d or {})
        elif op in (3, 4):
            pass  # presence / voice state updates: accepted, ignored
        else:
            await session.ws.close(code=4001, message=b"Unknown opcode")

    async def _identify(self, session: _GatewaySession, d: JSON) -> None:
        if d.get("token") != self.token and d.get("token") != f"Bot {self.token}":
            await session.ws.close(code=4004, message=b"Authentication failed.")
            return
        if session.identified:
            await session.ws.close(code=4005, message=b"Already authenticated.")
            return
        self.identifies += 1
        session.identified = True
        session.intents = int(d.get("intents") or 0)
        session.shard = d.get("shard")
        ready: JSON = {
            "v": 10,
            "user": self._me_payload(),
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id),
                            "flags": self._application_payload()["flags"]},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "user_settings": {},
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "auth": {},
            "_trace": ["[\"discord-standin\"]"],
        }
        if session.shard is not None:
            ready["shard"] = session.shard
        await session.send(0, ready, "READY")
        for guild in self.guilds.values():
            await session.send(0, guild.payload(self.users), "GUILD_CREATE")
        self._notify()

    async def _resume(self, session: _GatewaySession, d: JSON) -> None:
        if d.get("token") != self.token:
            await session.ws.close(code=4004, message=b"Authentication failed.")
            return
        # No replay buffer: like Discord after the buffer expired, refuse and make the
        # client IDENTIFY again.
        await session.send(9, False)

    async def _request_members(self, session: _GatewaySession, d: JSON) -> None:
        guild = self.guilds.get(int(d.get("guild_id", 0)))
        if guild is None:
            return
        wanted = {int(u) for u in d.get("user_ids") or []}
        query = (d.get("query") or "").casefold()
        members = [
            m.payload(self.users) for m in guild.members.values()
            if (not wanted or m.user_id in wanted)
            and self.users[m.user_id].username.casefold().startswith(query)
        ]
        chunk: JSON = {"guild_id": str(guild.id), "members": members, "chunk_index": 0,
                       "chunk_count": 1, "not_found": []}
        if d.get("nonce"):
            chunk["nonce"] = d["nonce"]
        await session.send(0, chunk, "GUILD_MEMBERS_CHUNK")

    def _bot_sessions(self) -> list[_GatewaySession]:
        return [s for s in self._sessions if s.identified and not s.ws.closed]

    async def dispatch(self, event: str, data: JSON, *, intent: int | None = None) -> None:
        """Send a gateway DISPATCH to every identified session (optionally intent-gated)."""
        sessions = self._bot_sessions()
        if not sessions and intent is None:
            raise RuntimeError("the bot is not connected to the stand-in gateway")
        for session in sessions:
            if intent is None or session.intents & intent:
                await session.send(0, data, event)

    async def _dispatch_message_create(self, message: Message) -> None:
        data = dict(message.payload)
        intent = INTENT_GUILD_MESSAGES if "guild_id" in data else INTENT_DIRECT_MESSAGES
        author_id = message.author_id
        if "guild_id" in data:
            guild = self.guilds[int(data["guild_id"])]
            member = guild.members.get(author_id)
            if member is not None:
                data["member"] = member.payload(self.users, with_user=False)
        await self.dispatch("MESSAGE_CREATE", data, intent=intent)

    async def post_user_message(self, content: str, *, user: UserRef | None = None,
                                channel: ChannelRef | None = None) -> Message:
        """A member writes a plain message (MESSAGE_CREATE to the bot)."""
        u = self.user(user)
        message = self._create_message(self.channel(channel), {"content": content}, author=u,
                                       visible=True)
        await self._dispatch_message_create(message)
        self._notify()
        return message

    # ------------------------------------------------------------ interactions --
    def member_permissions(self, user: UserRef, guild: GuildRef | None = None) -> int:
        return self.guild(guild).permissions_of(self.user(user).id)

    def _find_command(self, name: str, guild: Guild | None) -> tuple[JSON, list[str]]:
        top, *path = name.strip().lstrip("/").split()
        command = None
        if guild is not None:
            command = self.guild_commands.get(guild.id, {}).get(top)
        if command is None:
            command = self.global_commands.get(top)
        if command is None:
            raise CommandNotAvailable(f"/{top} is not registered by the bot")
        return command, path

    def _check_command_allowed(self, command: JSON, guild: Guild | None, perms: int) -> None:
        name = command["name"]
        contexts = command.get("contexts")
        if guild is None:
            if "guild_id" in command or command.get("dm_permission") is False or (
                    contexts is not None and 1 not in contexts):
                raise CommandNotAvailable(f"/{name} cannot be used in DMs")
            return
        if contexts is not None and 0 not in contexts:
            raise CommandNotAvailable(f"/{name} cannot be used in servers")
        required = command.get("default_member_permissions")
        if required is not None and not perms & ADMINISTRATOR:
            needed = int(required)
            if needed == 0 or perms & needed != needed:
                missing = [n for n, v in discord.Permissions(needed & ~perms) if v]
                raise CommandNotAvailable(
                    f"/{name} is hidden from this member: needs {', '.join(missing) or 'admin'}")

    def _resolve_value(self, spec: JSON, value: Any, guild: Guild | None,
                       resolved: JSON, focused: bool) -> Any:
        t = spec["type"]
        if focused:
            return str(value)
        choices = spec.get("choices")
        if choices:
            for choice in choices:
                if value == choice["value"] or (isinstance(value, str) and (
                        value.casefold() == str(choice["name"]).casefold()
                        or value == str(choice["value"]))):
                    return choice["value"]
            raise ValueError(f"{value!r} is not a choice of option {spec['name']!r}: "
                             f"{[c['name'] for c in choices]}")
        if t == 3:
            text = str(value)
            if spec.get("max_length") is not None and len(text) > spec["max_length"]:
                raise ValueError(f"option {spec['name']!r} is longer than {spec['max_length']}")
            return text
        if t in (4, 10):
            number = int(value) if t == 4 else float(value)
            if spec.get("min_value") is not None and number < spec["min_value"]:
                raise ValueError(f"option {spec['name']!r} below {spec['min_value']}")
            if spec.get("max_value") is not None and number > spec["max_value"]:
                raise ValueError(f"option {spec['name']!r} above {spec['max_value']}")
            return number
        if t == 5:
            if isinstance(value, str):
                return value.strip().casefold() in ("true", "yes", "1", "on")
            return bool(value)
        if t in (6, 9) and not isinstance(value, Role):
            if t == 9 and guild is not None and isinstance(value, str):
                with contextlib.suppress(KeyError):
                    value = guild.role_named(value.lstrip("@"))
            if not isinstance(value, Role):
                u = self.user(value if not isinstance(value, str) else value.lstrip("@"))
                resolved.setdefault("users", {})[str(u.id)] = u.payload()
                if guild is not None and u.id in guild.members:
                    member = guild.members[u.id].payload(self.users, with_user=False)
                    member["permissions"] = str(guild.permissions_of(u.id))
                    resolved.setdefault("members", {})[str(u.id)] = member
                return str(u.id)
        if t in (8, 9):
            if guild is None:
                raise ValueError("role options need a guild")
            role = value if isinstance(value, Role) else (
                guild.roles[value] if isinstance(value, int) else guild.role_named(
                    str(value).lstrip("@")))
            resolved.setdefault("roles", {})[str(role.id)] = role.payload()
            return str(role.id)
        if t == 7:
            channel = self.channel(value if not isinstance(value, str) else value.lstrip("#"),
                                   guild)
            types = spec.get("channel_types")
            if types and channel.type not in types:
                raise ValueError(f"channel type {channel.type} not allowed for {spec['name']!r}")
            data = channel.payload()
            data["permissions"] = str(ALL_PERMISSIONS)
            resolved.setdefault("channels", {})[str(channel.id)] = data
            return str(channel.id)
        raise ValueError(f"option type {t} ({spec['name']!r}) is not supported by the stand-in")

    def _build_command_data(self, name: str, options: Mapping[str, Any], guild: Guild | None,
                            *, focused: str | None = None) -> tuple[JSON, JSON]:
        command, path = self._find_command(name, guild)
        if command.get("type", 1) != 1:
            raise CommandNotAvailable(f"{command['name']} is not a slash command")
        resolved: JSON = {}
        data: JSON = {"id": command["id"], "name": command["name"], "type": 1}
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        specs: list[JSON] = command.get("options") or []
        container: JSON = data
        for part in path:
            sub = next((o for o in specs if o["type"] in (1, 2) and o["name"] == part), None)
            if sub is None:
                raise CommandNotAvailable(f"/{command['name']} has no subcommand {part!r}")
            entry: JSON = {"name": part, "type": sub["type"], "options": []}
            container.setdefault("options", []).append(entry)
            container = entry
            specs = sub.get("options") or []
        if any(o["type"] in (1, 2) for o in specs):
            subs = [o["name"] for o in specs if o["type"] in (1, 2)]
            raise CommandNotAvailable(f"/{name} needs a subcommand: {subs}")
        by_name = {o["name"]: o for o in specs}
        unknown = set(options) - set(by_name)
        if unknown:
            raise ValueError(f"/{name} has no option(s) {sorted(unknown)}; has {list(by_name)}")
        values: list[JSON] = []
        for spec in specs:
            if spec["name"] not in options:
                if spec.get("required") and focused is None:
                    raise ValueError(f"/{name} needs option {spec['name']!r}")
                continue
            is_focused = spec["name"] == focused
            value = self._resolve_value(spec, options[spec["name"]], guild, resolved,
                                        is_focused)
            option: JSON = {"name": spec["name"], "type": spec["type"], "value": value}
            if is_focused:
                if not spec.get("autocomplete"):
                    raise ValueError(f"option {focused!r} of /{name} has no autocomplete")
                option["focused"] = True
            values.append(option)
        if focused is not None and focused not in by_name:
            raise ValueError(f"/{name} has no option {focused!r}")
        container["options"] = values
        if resolved and focused is None:
            data["resolved"] = resolved
        return data, command

    def _interaction_base(self, itype: int, data: JSON, user: User, guild: Guild | None,
                          channel: Channel, permissions: int | None) -> tuple[JSON, int]:
        iid = snowflake()
        payload: JSON = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "data": data,
            "channel_id": str(channel.id),
            "token": f"{iid}.{secrets.token_urlsafe(32)}",
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if guild is not None:
            # discord.Permissions is accepted too (it has .value)
            perms = guild.permissions_of(user.id) if permissions is None else int(
                getattr(permissions, "value", permissions))
            member = guild.members.get(user.id)
            if member is None:
                raise CommandNotAvailable(f"{user.username} is not a member of {guild.name}")
            mdata = member.payload(self.users)
            mdata["permissions"] = str(perms)
            channel_data = channel.payload()
            channel_data["permissions"] = str(perms)
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                guild_locale="en-US",
                member=mdata,
                channel=channel_data,
                app_permissions=str(guild.permissions_of(self.bot_user.id)),
                authorizing_integration_owners={"0": str(guild.id)},
                context=0,
            )
        else:
            perms = 0
            payload.update(
                user=user.payload(),
                channel=channel.payload(self.users),
                app_permissions=str(VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
                                    | READ_MESSAGE_HISTORY),
                authorizing_integration_owners={"0": str(guild.id) if guild else "0"},
                context=1,
            )
        return payload, perms

    def _where(self, user: UserRef | None, guild: GuildRef | None,
               channel: ChannelRef | None, dm: bool) -> tuple[User, Guild | None, Channel]:
        u = self.user(user)
        if dm:
            return u, None, self.dm_channel(u)
        if isinstance(channel, Channel | int) and guild is None:
            ch = self.channel(channel)
            if ch.type == 1:
                return u, None, ch
            return u, self.guild(ch.guild_id), ch
        g = self.guild(guild)
        return u, g, self.channel(channel, g)

    async def _send_interaction(self, payload: JSON, user: User, channel: Channel,
                                source: Message | None = None) -> InteractionHandle:
        handle = InteractionHandle(self, payload, user_id=user.id, channel_id=channel.id,
                                   source_message_id=source.id if source else None)
        self.interactions[handle.id] = handle
        self._by_token[handle.token] = handle
        handle.dispatched_at = time.perf_counter()
        await self.dispatch("INTERACTION_CREATE", payload)
        return handle

    async def send_command(self, name: str, options: Mapping[str, Any] | None = None, *,
                           user: UserRef | None = None, guild: GuildRef | None = None,
                           channel: ChannelRef | None = None, permissions: Any = None,
                           dm: bool = False) -> InteractionHandle:
        """Invoke ``/name`` ("digest preview" for subcommands) as ``user`` (default "fan").

        Options are given by name with Python values; users, roles and channels may be
        given as objects, ids or names and are put into ``resolved`` like Discord does.
        ``permissions`` overrides the member's computed permissions. Raises
        :class:`CommandNotAvailable` if the member could not see the command in Discord.
        """
        u, g, ch = self._where(user, guild, channel, dm)
        data, command = self._build_command_data(name, options or {}, g)
        payload, perms = self._interaction_base(2, data, u, g, ch, permissions)
        self._check_command_allowed(command, g, perms)
        return await self._send_interaction(payload, u, ch)

    async def autocomplete(self, name: str, options: Mapping[str, Any], focused: str, *,
                           user: UserRef | None = None, guild: GuildRef | None = None,
                           channel: ChannelRef | None = None, permissions: Any = None,
                           dm: bool = False, timeout: float = 5.0) -> list[JSON]:
        """Type into option ``focused`` of ``/name`` and return the bot's suggestions."""
        handle = await self.autocomplete_interaction(
            name, options, focused, user=user, guild=guild, channel=channel,
            permissions=permissions, dm=dm)
        reply = await handle.response(timeout)
        return reply.choices or []

    async def autocomplete_interaction(self, name: str, options: Mapping[str, Any],
                                       focused: str, *, user: UserRef | None = None,
                                       guild: GuildRef | None = None,
                                       channel: ChannelRef | None = None,
                                       permissions: Any = None,
                                       dm: bool = False) -> InteractionHandle:
        u, g, ch = self._where(user, guild, channel, dm)
        opts = dict(options)
        opts.setdefault(focused, "")
        data, command = self._build_command_data(name, opts, g, focused=focused)
        payload, perms = self._interaction_base(4, data, u, g, ch, permissions)
        self._check_command_allowed(command, g, perms)
        return await self._send_interaction(payload, u, ch)

    async def press_button(self, message: MessageRef, key: str, *,
                           user: UserRef | None = None,
                           permissions: Any = None) -> InteractionHandle:
        """Click the button with ``custom_id`` or label ``key`` on ``message``."""
        msg = self.message(message)
        comp = msg.find_component(key)
        if comp.get("type") != 2:
            raise ValueError(f"{key!r} is not a button")
        if comp.get("disabled"):
            raise ValueError(f"button {key!r} is disabled")
        if comp.get("style") == 5 or "custom_id" not in comp:
            raise ValueError(f"button {key!r} is a link button; the bot never hears about it")
        return await self._component(msg, {"custom_id": comp["custom_id"], "component_type": 2},
                                     user, permissions)

    async def select(self, message: MessageRef, key: str, values: Iterable[str], *,
                     user: UserRef | None = None,
                     permissions: Any = None) -> InteractionHandle:
        """Choose ``values`` in the string select ``key`` (custom_id or placeholder)."""
        msg = self.message(message)
        comp = msg.find_component(key)
        chosen = [str(v) for v in values]
        if comp.get("type") != 3:
            raise ValueError(f"{key!r} is not a string select (type {comp.get('type')})")
        options = comp.get("options") or []
        by_label = {str(o["label"]).casefold(): o["value"] for o in options}
        valid = {o["value"] for o in options}
        chosen = [v if v in valid else by_label.get(v.casefold(), v) for v in chosen]
        bad = [v for v in chosen if v not in valid]
        if bad:
            raise ValueError(f"{bad} are not options of select {key!r}: {sorted(valid)}")
        lo, hi = comp.get("min_values", 1), comp.get("max_values", 1)
        if not lo <= len(chosen) <= hi:
            raise ValueError(f"select {key!r} takes {lo}..{hi} values, got {len(chosen)}")
        data = {"custom_id": comp["custom_id"], "component_type": 3, "values": chosen}
        return await self._component(msg, data, user, permissions)

    async def _component(self, msg: Message, data: JSON, user: UserRef | None,
                         permissions: int | None) -> InteractionHandle:
        if msg.ephemeral_to is not None and user is None:
            user = msg.ephemeral_to
        channel = self.channels[msg.channel_id]
        u, g, ch = self._where(user, None, channel, False)
        if msg.ephemeral_to is not None and msg.ephemeral_to != u.id:
            raise CommandNotAvailable("only the user who received an ephemeral message sees it")
        payload, _ = self._interaction_base(3, data, u, g, ch, permissions)
        payload["message"] = msg.payload
        return await self._send_interaction(payload, u, ch, source=msg)

    async def submit_modal(self, handle: InteractionHandle, values: Mapping[str, str], *,
                           permissions: Any = None) -> InteractionHandle:
        """Fill in and submit the modal the bot opened in answer to ``handle``."""
        if handle.callback_type != 9 or handle.callback_data is None:
            raise ValueError("the bot did not open a modal for this interaction")
        modal = handle.callback_data
        rows: list[JSON] = []
        for item in modal.get("components") or []:
            if item.get("type") == 1:
                inner = [{"type": c["type"], "custom_id": c["custom_id"],
                          "value": str(values.get(c["custom_id"], c.get("value") or ""))}
                         for c in item.get("components") or []]
                rows.append({"type": 1, "components": inner})
            elif item.get("type") == 18 and isinstance(item.get("component"), dict):
                c = item["component"]
                rows.append({"type": 18, "component": {
                    "type": c["type"], "custom_id": c["custom_id"],
                    "value": str(values.get(c["custom_id"], c.get("value") or ""))}})
        data = {"custom_id": modal["custom_id"], "components": rows}
        u = self.users[handle.user_id]
        channel = self.channels[handle.channel_id]
        _, g, ch = self._where(u, None, channel, False)
        payload, _ = self._interaction_base(5, data, u, g, ch, permissions)
        source = self.messages.get(handle.source_message_id or 0)
        if source is not None:
            payload["message"] = source.payload
        return await self._send_interaction(payload, u, ch, source=source)

"""Honour the ``DISCORD_API_BASE_URL`` setting: where the bot talks to Discord.

By default discord.py talks to ``https://discord.com/api/v10`` and opens its gateway
websocket at ``wss://gateway.discord.gg``. Setting ``DISCORD_API_BASE_URL`` points the
bot at another server that speaks the same protocol -- in practice the local stand-in in
:mod:`bot.standin` used by the integration tests, the offline demo and the load benchmark.
Nothing else changes: the bot still logs in, syncs commands, opens the gateway, answers
interactions and posts messages through discord.py's own network code.

How discord.py builds its URLs (2.4 - 2.7), and therefore what this module changes:

* Every REST call, *including* the interaction callbacks and the follow-up / ``@original``
  webhook calls made through ``discord.webhook.async_``, builds its URL as
  ``discord.http.Route.BASE + path`` when the ``Route`` object is created. ``Route.BASE``
  is a class attribute, so one assignment before :meth:`discord.Client.login` redirects all
  of them. (Webhooks have no separate base URL in the request path; only the cosmetic
  ``Webhook.url`` property hard-codes ``discord.com``.)
* The gateway URL is *not* asked from the API by a plain ``discord.Client``: ``connect()``
  calls ``DiscordWebSocket.from_client`` without a URL, which falls back to the class
  attribute ``DiscordWebSocket.DEFAULT_GATEWAY``. The same attribute is used again after an
  INVALID_SESSION, while RESUMEs use READY's ``resume_gateway_url``. So we ask the
  configured server ``GET /gateway/bot`` (as Discord documents bots should) and store the
  answer in ``DEFAULT_GATEWAY`` right before ``connect()``. Overriding ``connect()`` in a
  mixin keeps the library's reconnect loop untouched instead of copying it.

Both attributes are process-wide. That is fine for a bot process (one bot, one Discord);
tests that start several stand-ins one after the other simply reconfigure before each
login. :func:`restore_discord_endpoint` puts discord.py's defaults back.

When the setting is empty (``None`` or ``""``) nothing is touched and the bot behaves
exactly like stock discord.py.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import HTTPClient, Route

__all__ = [
    "DISCORD_DEFAULT_API_BASE",
    "DISCORD_DEFAULT_GATEWAY",
    "EndpointAwareMixin",
    "configure_discord_endpoint",
    "configure_gateway",
    "normalise_api_base",
    "restore_discord_endpoint",
    "set_api_base",
]

_log = logging.getLogger(__name__)

#: discord.py's own defaults, captured at import time so they can be restored.
DISCORD_DEFAULT_API_BASE: str = Route.BASE
DISCORD_DEFAULT_GATEWAY: yarl.URL = DiscordWebSocket.DEFAULT_GATEWAY

_VERSIONED = re.compile(r"/api/v\d+$")


def normalise_api_base(base_url: str) -> str:
    """Return ``base_url`` as a versioned REST base without a trailing slash.

    ``http://127.0.0.1:8080`` and ``http://127.0.0.1:8080/api`` become
    ``http://127.0.0.1:8080/api/v10`` (the API version discord.py speaks);
    an explicit ``.../api/v9`` or ``.../api/v10`` is kept as given.
    """
    url = base_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"DISCORD_API_BASE_URL must be an http(s) URL, got {base_url!r}")
    if _VERSIONED.search(url):
        return url
    from discord.http import INTERNAL_API_VERSION

    if not url.endswith("/api"):
        url += "/api"
    return f"{url}/v{INTERNAL_API_VERSION}"


def set_api_base(base_url: str | None) -> str:
    """Point every discord.py REST route (webhooks and interactions included) at ``base_url``.

    Must run before :meth:`discord.Client.login`, which makes the first request
    (``GET /users/@me``). Returns the base now in effect. ``None``/empty leaves it alone.
    """
    if base_url:
        Route.BASE = normalise_api_base(base_url)
        _log.info("Discord REST API base set to %s", Route.BASE)
    return Route.BASE


async def configure_gateway(http: HTTPClient) -> yarl.URL:
    """Ask the configured API for its gateway (``GET /gateway/bot``) and make discord.py use it.

    Needs a logged-in :class:`discord.http.HTTPClient` (``client.http`` after ``login``).
    Raises :class:`discord.GatewayNotFound` when the server does not answer.
    """
    _shards, url, _limits = await http.get_bot_gateway()
    gateway = yarl.URL(url)
    if not gateway.path:
        gateway = gateway.with_path("/")
    DiscordWebSocket.DEFAULT_GATEWAY = gateway
    _log.info("Discord gateway set to %s", gateway)
    return gateway


@dataclass(frozen=True)
class EndpointConfig:
    """What :func:`configure_discord_endpoint` set up."""

    api_base: str
    gateway: yarl.URL


async def configure_discord_endpoint(
    base_url: str | None, http: HTTPClient | None = None
) -> EndpointConfig:
    """Apply ``DISCORD_API_BASE_URL`` in one call.

    Sets the REST base and, when ``http`` is a logged-in client and ``base_url`` is set,
    the gateway from that server's ``/gateway/bot``. Without ``base_url`` nothing changes.
    Prefer :class:`EndpointAwareMixin` for a bot: it calls these at the right moments.
    """
    api_base = set_api_base(base_url)
    gateway = DiscordWebSocket.DEFAULT_GATEWAY
    if base_url and http is not None:
        gateway = await configure_gateway(http)
    return EndpointConfig(api_base=api_base, gateway=gateway)


def restore_discord_endpoint() -> None:
    """Put discord.py's built-in Discord URLs back (REST base and gateway)."""
    Route.BASE = DISCORD_DEFAULT_API_BASE
    DiscordWebSocket.DEFAULT_GATEWAY = DISCORD_DEFAULT_GATEWAY


class EndpointAwareMixin:
    """Mix into a :class:`discord.Client` subclass (before the client class) to honour
    ``DISCORD_API_BASE_URL``::

        class RumourBot(EndpointAwareMixin, commands.Bot):
            def __init__(self, settings: Settings) -> None:
                super().__init__(
                    command_prefix=..., intents=...,
                    discord_api_base_url=settings.discord_api_base_url,
                )

    ``login`` sets the REST base before the first request; ``connect`` fetches
    ``/gateway/bot`` from the configured server before opening the websocket; ``close``
    restores discord.py's defaults if they are still the ones this bot installed.
    """

    discord_api_base_url: str | None

    def __init__(self, *args: Any, discord_api_base_url: str | None = None, **kwargs: Any) -> None:
        self.discord_api_base_url = discord_api_base_url or None
        self._endpoint_installed: EndpointConfig | None = None
        super().__init__(*args, **kwargs)

    async def login(self, token: str) -> None:
        if self.discord_api_base_url:
            set_api_base(self.discord_api_base_url)
        await super().login(token)  # type: ignore[misc]

    async def connect(self, *, reconnect: bool = True) -> None:
        if self.discord_api_base_url:
            client: discord.Client = self  # type: ignore[assignment]
            gateway = await configure_gateway(client.http)
            self._endpoint_installed = EndpointConfig(Route.BASE, gateway)
        await super().connect(reconnect=reconnect)  # type: ignore[misc]

    async def close(self) -> None:
        try:
            await super().close()  # type: ignore[misc]
        finally:
            installed = self._endpoint_installed
            if (
                installed is not None
                and installed.api_base == Route.BASE
                and installed.gateway == DiscordWebSocket.DEFAULT_GATEWAY
            ):
                restore_discord_endpoint()
            self._endpoint_installed = None

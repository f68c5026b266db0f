"""A protocol-level local Discord for end-to-end tests, the offline demo and benchmarks.

The real discord.py client connects to it over sockets exactly as it connects to Discord
(REST on ``http://127.0.0.1:<port>/api/v10``, gateway websocket from ``GET /gateway/bot``);
the bot only needs ``DISCORD_API_BASE_URL`` (see :mod:`bot.discord_endpoint`).

* :mod:`bot.standin.server` -- :class:`StandIn`: HTTP API, gateway, in-memory state,
  the test API (send commands, autocomplete, press buttons, read channels and DMs),
  error simulation (429s, 403s, closed DMs) and unknown-route recording.
* :mod:`bot.standin.harness` -- ``running_standin()`` / ``connected_bot()`` context
  managers used by the pytest fixtures, the demo and the benchmark.
* :mod:`bot.standin.terminal` -- renders messages/embeds/components as text and runs
  demo sessions (``run_demo``).
"""

from .harness import (
    BotEndpoint,
    UncleanShutdownError,
    UnknownRouteError,
    connected_bot,
    endpoint_of,
    running_standin,
)
from .models import Channel, Guild, Member, Message, Role, User
from .server import (
    CommandNotAvailable,
    Fault,
    InteractionHandle,
    RecordedRequest,
    Reply,
    StandIn,
    StandInTimeout,
)

__all__ = [
    "BotEndpoint",
    "Channel",
    "CommandNotAvailable",
    "Fault",
    "Guild",
    "InteractionHandle",
    "Member",
    "Message",
    "RecordedRequest",
    "Reply",
    "Role",
    "StandIn",
    "StandInTimeout",
    "UncleanShutdownError",
    "UnknownRouteError",
    "User",
    "connected_bot",
    "endpoint_of",
    "running_standin",
]

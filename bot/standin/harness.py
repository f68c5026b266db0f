"""Start/stop helpers shared by the tests, the demo and the benchmark.

::

    async with running_standin() as standin:
        async with connected_bot(make_bot, standin) as bot:
            handle = await standin.send_command("rumours", {"player": "Koopmeiners"})
            reply = await handle.response()

``make_bot`` receives a :class:`BotEndpoint` (``api_base_url`` = the value for
``DISCORD_API_BASE_URL``, ``token``) and returns the bot -- built the same way
``rumour-bot run`` builds it -- or an awaitable of it. :func:`connected_bot` then runs the
bot's normal start-up (``bot.start(token)``, or a custom ``start`` coroutine), waits until
it is connected and ready, and on exit closes it and checks that it shut down cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import discord

from .server import StandIn

__all__ = [
    "BotEndpoint",
    "UncleanShutdownError",
    "UnknownRouteError",
    "connected_bot",
    "running_standin",
]

_log = logging.getLogger(__name__)

ClientT = TypeVar("ClientT", bound=discord.Client)


class UnknownRouteError(AssertionError):
    """The bot called REST routes the stand-in does not implement."""


class UncleanShutdownError(AssertionError):
    """The bot left tasks running or aiohttp sessions open after it was closed."""


@dataclass(frozen=True)
class BotEndpoint:
    """What a bot factory needs to reach the stand-in."""

    api_base_url: str  # -> DISCORD_API_BASE_URL
    token: str  # -> DISCORD_TOKEN
    application_id: int
    guild_ids: tuple[int, ...]


@contextlib.asynccontextmanager
async def running_standin(*, strict: bool = True, **options: Any) -> AsyncIterator[StandIn]:
    """Run a :class:`StandIn` on 127.0.0.1 for the duration of the block.

    With ``strict`` the block fails with :class:`UnknownRouteError` if any request hit a
    route the stand-in does not know (tests that provoke one clear
    ``standin.unknown_requests``). ``options`` go to :class:`StandIn`.
    """
    standin = StandIn(**options)
    await standin.start()
    failed = False
    try:
        yield standin
    except BaseException:
        failed = True
        raise
    finally:
        await standin.stop()
        if strict and standin.unknown_requests and not failed:
            routes = ", ".join(f"{r.method} {r.path}" for r in standin.unknown_requests)
            raise UnknownRouteError(f"bot called routes the stand-in does not know: {routes}")


def endpoint_of(standin: StandIn) -> BotEndpoint:
    return BotEndpoint(standin.api_base_url, standin.token, standin.application_id,
                       tuple(standin.guilds))


@contextlib.asynccontextmanager
async def connected_bot(
    bot_factory: Callable[[BotEndpoint], ClientT | Awaitable[ClientT]],
    standin: StandIn,
    *,
    start: Callable[[ClientT, str], Awaitable[None]] | None = None,
    wait_ready: bool = True,
    timeout: float = 15.0,
    check_clean: bool = True,
) -> AsyncIterator[ClientT]:
    """Build the bot, start it against ``standin`` and yield it once it is ready.

    ``start(bot, token)`` defaults to ``bot.start(token)`` (login -> setup_hook -> connect,
    the path ``rumour-bot run`` takes). ``wait_ready`` waits for ``on_ready``; note that
    discord.py fires it ``guild_ready_timeout`` (default 2 s) after the last GUILD_CREATE,
    so test bots pass ``guild_ready_timeout=0.05``. On exit the bot is closed, its start
    task awaited, and (``check_clean``) any task it left running or aiohttp session it left
    unclosed is reported as :class:`UncleanShutdownError`.
    """
    loop = asyncio.get_running_loop()
    before = set(asyncio.all_tasks())
    unclosed: list[str] = []
    previous_handler = loop.get_exception_handler()

    def record_unclosed(lp: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        message = str(context.get("message", ""))
        if "Unclosed" in message:
            unclosed.append(message)
        if previous_handler is not None:
            previous_handler(lp, context)
        else:
            lp.default_exception_handler(context)

    if check_clean:
        loop.set_exception_handler(record_unclosed)
    made = bot_factory(endpoint_of(standin))
    bot: ClientT = await made if inspect.isawaitable(made) else made  # type: ignore[assignment]
    starter = start or (lambda b, token: b.start(token))
    task: asyncio.Task[None] = asyncio.create_task(
        starter(bot, standin.token), name="standin-bot")  # type: ignore[arg-type]
    failed = False
    try:
        ready = asyncio.create_task(bot.wait_until_ready() if wait_ready
                                    else standin.wait_until_connected(timeout))
        done, _ = await asyncio.wait({task, ready}, timeout=timeout,
                                     return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            ready.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ready
            if task in done:
                task.result()  # re-raise the start-up error
                raise RuntimeError("the bot stopped during start-up")
            raise TimeoutError(f"the bot was not ready within {timeout}s")
        ready.result()
        yield bot
    except BaseException:
        failed = True
        raise
    finally:
        await bot.close()
        try:
            await asyncio.wait_for(task, timeout=10)
        except asyncio.CancelledError:
            pass
        except Exception:
            if not failed:
                raise
            _log.exception("bot start task failed")
        # let callbacks scheduled by close() (aiohttp connector cleanup, ...) run
        for _ in range(3):
            await asyncio.sleep(0)
        if check_clean:
            gc.collect()
            loop.set_exception_handler(previous_handler)
        if check_clean and not failed:
            if unclosed:
                raise UncleanShutdownError("; ".join(unclosed))
            leftover = [
                t for t in asyncio.all_tasks() - before
                if not t.done() and t is not asyncio.current_task()
            ]
            # discord.py gotcha: a View's timeout task outlives Client.close(); it belongs
            # to a message the bot sent, not to its run loop, so end it here.
            for t in leftover:
                if getattr(t.get_coro(), "__qualname__", "").endswith("__timeout_task_impl"):
                    t.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await t
            leftover = [t for t in leftover if not t.done()]
            if leftover:
                await asyncio.sleep(0.05)
                leftover = [t for t in leftover if not t.done()]
            if leftover:
                names = ", ".join(f"{t.get_name()}:{t.get_coro()!r}" for t in leftover)
                for t in leftover:
                    t.cancel()
                raise UncleanShutdownError(f"tasks still running after bot.close(): {names}")

"""Load benchmark through the Discord stand-in.

N concurrent users each send slash commands and autocomplete requests to the real bot over
the stand-in's gateway; the latency of each interaction is measured by the stand-in from
the moment it dispatches INTERACTION_CREATE to the moment the bot's HTTP answer arrives
(callback, or the ``@original`` edit after a "thinking" defer). Prints p50/p90/p99/max and
throughput; ``--check`` exits 1 when p99 exceeds ``--target-p99-ms``.

Bot and stand-in share one process and event loop, so the numbers include the stand-in's
own work (a pessimistic setting for the bot).

Usage::

    python benchmarks/bench_standin_load.py                        # small test bot
    python benchmarks/bench_standin_load.py --users 20 --requests 100 --check \\
        --factory bot.app:make_bot_for_standin \\
        --command "/rumours Koopmeiners" --complete "/rumours player:koop"

``--factory module:function`` names a callable ``(BotEndpoint) -> bot`` (or awaitable);
commands use the demo syntax of :mod:`bot.standin.terminal`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import io
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.standin import BotEndpoint, StandIn, connected_bot, running_standin  # noqa: E402
from bot.standin.terminal import DemoSession  # noqa: E402

DEFAULT_FACTORY = "standin_minibot:make_minibot"  # tests/standin/standin_minibot.py
DEFAULT_COMMANDS = ["/player Teun Koopmeiners", "/ping"]
DEFAULT_COMPLETES = ["/player name:ko"]


@dataclass
class Result:
    kind: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_factory(spec: str) -> Callable[[BotEndpoint], Any]:
    if spec == DEFAULT_FACTORY:
        sys.path.insert(0, str(ROOT / "tests" / "standin"))
    module_name, _, attr = spec.partition(":")
    factory: Callable[[BotEndpoint], Any] = getattr(importlib.import_module(module_name), attr)
    return factory


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def _user(standin: StandIn, username: str, requests: int,
                commands: list[tuple[str, dict[str, str]]],
                completes: list[tuple[str, dict[str, str], str]],
                results: dict[str, Result], timeout: float) -> None:
    jobs: list[tuple[str, Callable[[], Awaitable[Any]]]] = []
    for i in range(requests):
        if completes and (not commands or i % 2 == 1):
            name, opts, focused = completes[i % len(completes)]
            jobs.append((f"autocomplete /{name}", lambda n=name, o=opts, f=focused:
                         standin.autocomplete_interaction(n, o, f, user=username)))
        else:
            name, opts = commands[i % len(commands)]
            jobs.append((f"/{name}", lambda n=name, o=opts:
                         standin.send_command(n, o, user=username)))
    for kind, send in jobs:
        result = results.setdefault(kind, Result(kind))
        try:
            handle = await send()
            await handle.response(timeout)
        except Exception as exc:
            result.errors.append(f"{type(exc).__name__}: {exc}")
            continue
        assert handle.latency is not None
        result.latencies.append(handle.latency)
        standin.forget(handle)  # the stand-in's own memory must not load the GC


async def run_benchmark(
    bot_factory: Callable[[BotEndpoint], Any],
    *,
    users: int = 20,
    requests: int = 50,
    commands: list[str] | None = None,
    completes: list[str] | None = None,
    warmup: int = 2,
    timeout: float = 10.0,
    freeze_gc: bool = True,
    out: Any = sys.stdout,
) -> dict[str, Result]:
    """Run the load and print a report; returns per-kind results (plus "all")."""
    async with running_standin(settle_delay=0.0) as standin, \
            connected_bot(bot_factory, standin) as _bot:
        parser = DemoSession(standin, io.StringIO())
        parsed_cmds = [parser.parse_command(c) for c in (commands or [])]
        parsed_completes = []
        for line in completes or []:
            name, opts = parser.parse_command(line)
            parsed_completes.append((name, opts, list(opts)[-1]))
        names = [f"load{i}" for i in range(users)]
        for name in names:
            standin.add_user(name)
        # Warm-up (not measured): the first concurrent burst opens one keep-alive HTTP
        # connection per in-flight request in the bot's aiohttp pool and fills its caches.
        warm: dict[str, Result] = {}
        await asyncio.gather(*(
            _user(standin, n, warmup, parsed_cmds, parsed_completes, warm, timeout)
            for n in names))
        if freeze_gc:
            # Start-up objects (discord.py, the stand-in, seed data) are moved out of the
            # cyclic GC, as a long-running bot would do once after start-up; otherwise a
            # single full collection over all of them pauses the shared loop for ~50-70 ms.
            gc.collect()
            gc.freeze()
        pauses: list[float] = []
        gc_started: list[float] = [0.0]

        def on_gc(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            elif info["generation"] == 2:
                pauses.append(time.perf_counter() - gc_started[0])

        results: dict[str, Result] = {}
        gc.callbacks.append(on_gc)
        started = time.perf_counter()
        try:
            await asyncio.gather(*(
                _user(standin, n, requests, parsed_cmds, parsed_completes, results, timeout)
                for n in names))
        finally:
            elapsed = time.perf_counter() - started
            gc.callbacks.remove(on_gc)
            if freeze_gc:
                gc.unfreeze()
    everything = Result("all", [x for r in results.values() for x in r.latencies],
                        [e for r in results.values() for e in r.errors])
    results["all"] = everything
    out.write(f"{users} concurrent users x {requests} interactions, {elapsed:.2f}s wall\n")
    out.write(f"{'kind':<28}{'n':>6}{'err':>5}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
              f"{'max ms':>9}\n")
    for result in results.values():
        lat = result.latencies
        out.write(
            f"{result.kind:<28}{len(lat):>6}{len(result.errors):>5}"
            f"{_pct(lat, 50) * 1000:>9.1f}{_pct(lat, 90) * 1000:>9.1f}"
            f"{_pct(lat, 99) * 1000:>9.1f}{(max(lat) if lat else float('nan')) * 1000:>9.1f}\n")
    out.write(f"throughput: {len(everything.latencies) / elapsed:.1f} interactions/s\n")
    if everything.latencies:
        out.write(f"mean: {statistics.fmean(everything.latencies) * 1000:.1f} ms\n")
    out.write(f"full GC pauses during the run: {len(pauses)}"
              + (f", longest {max(pauses) * 1000:.1f} ms" if pauses else "")
              + (" (start-up objects frozen)" if freeze_gc else "") + "\n")
    for error in sorted(set(everything.errors))[:5]:
        out.write(f"error: {error}\n")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="interactions per user")
    ap.add_argument("--factory", default=DEFAULT_FACTORY)
    ap.add_argument("--command", action="append", dest="commands")
    ap.add_argument("--complete", action="append", dest="completes")
    ap.add_argument("--target-p99-ms", type=float, default=50.0)
    ap.add_argument("--check", action="store_true", help="exit 1 if p99 is over target")
    ap.add_argument("--no-gc-freeze", action="store_true",
                    help="leave start-up objects in the cyclic GC (shows full-GC pauses)")
    args = ap.parse_args(argv)
    default = args.factory == DEFAULT_FACTORY
    commands = args.commands or (DEFAULT_COMMANDS if default else [])
    completes = args.completes or (DEFAULT_COMPLETES if default else [])
    if not commands and not completes:
        ap.error("give --command and/or --complete for a custom bot")
    results = asyncio.run(run_benchmark(load_factory(args.factory), users=args.users,
                                        requests=args.requests, commands=commands,
                                        completes=completes,
                                        freeze_gc=not args.no_gc_freeze))
    p99 = _pct(results["all"].latencies, 99) * 1000
    ok = not results["all"].errors and p99 <= args.target_p99_ms
    print(f"p99 {p99:.1f} ms vs target {args.target_p99_ms:.0f} ms: {'OK' if ok else 'FAIL'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())

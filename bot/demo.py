"""`rumour-bot demo`: the real bot against the local Discord stand-in, with the seed articles
ingested into a throwaway database. No token, no network: for newcomers and for CI."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import Engine

from bot.app import RumourBot, create_bot
from bot.articles import ArticleError, collect_article_paths, read_article
from bot.ingest import ingest_article
from bot.reference import DEFAULT_REFERENCE_DIR
from bot.services import build_extract, open_database
from bot.settings import Settings
from bot.standin.harness import BotEndpoint
from bot.standin.terminal import run_demo

SEEDS_DIR = DEFAULT_REFERENCE_DIR.parent


def _ingest_seeds(engine: Engine, settings: Settings) -> int:
    paths, _ = collect_article_paths([SEEDS_DIR])
    extract = build_extract(settings)
    changes = 0
    for path in paths:
        try:
            changes += len(ingest_article(engine, read_article(path), extract, str(path)).changes)
        except ArticleError as error:
            print(f"skipped {error}", file=sys.stderr)
    return changes


def run_demo_command(settings: Settings, script: Path | None) -> int:
    lines = None
    if script is not None:
        try:
            lines = script.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(f"error: {script}: {error.strerror}", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="rumour-bot-demo-") as folder:
        demo = settings.model_copy(update={
            "database_url": f"sqlite:///{Path(folder) / 'demo.sqlite3'}"})
        engine = open_database(demo)
        changes = _ingest_seeds(engine, demo)
        print(f"Demo database: the seed articles in {SEEDS_DIR} ingested ({changes} changes).")

        def make_bot(endpoint: BotEndpoint) -> RumourBot:
            bot_settings = demo.model_copy(update={
                "discord_api_base_url": endpoint.api_base_url,
                "discord_token": endpoint.token})
            return create_bot(bot_settings, engine)

        try:
            return asyncio.run(run_demo(make_bot, lines, sys.stdout, user="mod"))
        finally:
            engine.dispose()


def make_seeded_bot(endpoint: BotEndpoint) -> RumourBot:
    """Bot factory for the load benchmark: the seed data in a temporary SQLite database.

    `python benchmarks/bench_standin_load.py --factory bot.demo:make_seeded_bot`"""
    folder = tempfile.mkdtemp(prefix="rumour-bot-bench-")
    settings = Settings(database_url=f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
                        discord_api_base_url=endpoint.api_base_url,
                        discord_token=endpoint.token)
    engine = open_database(settings)
    _ingest_seeds(engine, settings)
    return create_bot(settings, engine, guild_ready_timeout=0.05)

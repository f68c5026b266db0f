"""The `rumour-bot` command line (contract in DESIGN.md).

Exit codes: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import discord
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from bot import __version__
from bot.settings import Settings

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Bad input: printed as one line per problem on stderr, exit code 1."""

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _engine(settings: Settings, *, migrate: bool = True) -> Engine:
    """Engine at the newest schema with reference data loaded: zero set-up for the user."""
    from bot.services import open_database

    return open_database(settings, migrate=migrate)


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    from db.migrate import current_revision

    engine = _engine(settings)
    print(f"database at revision {current_revision(engine)}: "
          f"{engine.url.render_as_string(hide_password=True)}")
    return EXIT_OK


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.articles import ArticleError, collect_article_paths, read_article
    from bot.ingest import ingest_article
    from bot.services import build_extract

    paths, problems = collect_article_paths([Path(p) for p in args.paths])
    engine = _engine(settings)
    extract = None  # built on the first readable article: the rules take a moment to compile
    outcomes = []
    for path in paths:
        try:
            parsed = read_article(path)
            extract = extract or build_extract(settings)
            outcomes.append(ingest_article(engine, parsed, extract, str(path)))
        except ArticleError as error:
            problems.append(str(error))
    if args.json:
        _print_json({"articles": [o.to_json() for o in outcomes], "errors": problems})
    else:
        for outcome in outcomes:
            if outcome.duplicate:
                print(f"{outcome.origin}: already stored, nothing changed")
                continue
            print(f"{outcome.origin}: {outcome.links} link(s), {outcome.fees} fee(s), "
                  f"{len(outcome.changes)} change(s)")
            for change in outcome.changes:
                print(f"  {change}")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from bot.articles import read_article
    from bot.money import format_money
    from bot.services import build_extract

    parsed = read_article(Path(args.path))
    extraction = build_extract(settings)(parsed)
    if args.json:
        _print_json(extraction.to_json())
        return EXIT_OK
    print(f"published: {extraction.published or 'unknown'}")
    for link in extraction.links:
        print(f"link: {link.player} → {link.to_club} (from {link.from_club or '?'}), "
              f"{link.status}, confidence {link.confidence:.2f}")
    for fee in extraction.fees:
        print(f"fee: {fee.player} → {fee.to_club or '-'}: "
              f"{format_money(fee.amount, fee.currency)} {fee.kind}")
    for person in extraction.people:
        print(f"not a player: {person.name} ({person.role})")
    if extraction.outlets:
        print(f"sources: {', '.join(extraction.outlets)}")
    return EXIT_OK


def cmd_rumours(args: argparse.Namespace, settings: Settings) -> int:
    from bot.directory import Directory
    from bot.reports import render_text
    from bot.services import player_report

    engine = _engine(settings)
    name = " ".join(args.name)
    found = Directory.load(engine).resolve_player(name)
    if found.player_id is None and found.candidates:
        labels = "; ".join(label for _, label in found.candidates[:10])
        raise CommandError(f"{name!r} matches several players, be more precise: {labels}")
    if found.player_id is None:
        raise CommandError(found.message)
    report = player_report(engine, found.player_id, datetime.now(UTC),
                           timedelta(days=settings.cold_after_days))
    if args.json:
        _print_json(report.to_json())
    else:
        print(render_text(report))
    return EXIT_OK


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import run_bot

    if not settings.discord_token:
        raise CommandError("DISCORD_TOKEN is not set: put it in the environment or .env "
                           "(or try `rumour-bot demo`, which needs no token)")
    run_bot(settings)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import sync_commands

    if not settings.discord_token:
        raise CommandError("DISCORD_TOKEN is not set: syncing needs the bot's token")
    count = sync_commands(settings)
    print(f"registered {count} command(s) with Discord")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from bot.demo import run_demo_command

    return run_demo_command(settings, script=Path(args.script) if args.script else None)


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services import digest_preview

    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise CommandError(f"--since: not an ISO date or datetime: {args.since!r}") from None
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
    engine = _engine(settings)
    if args.guild is not None:  # that server's next digest: its window and its filters
        from bot.changes import change_row
        from bot.delivery import preview_digest

        preview = preview_digest(engine, args.guild, datetime.now(UTC), change_row)
    else:
        preview = digest_preview(engine, since=since, now=datetime.now(UTC))
    if args.json:
        _print_json(preview.to_json())
    else:
        print(preview.render_text())
    return EXIT_OK


def cmd_alias(args: argparse.Namespace, settings: Settings) -> int:
    from bot.directory import Directory
    from bot.services import add_alias

    engine = _engine(settings)
    directory = Directory.load(engine)
    kind = "club" if args.club else "player"
    target = args.club or args.player
    found = directory.resolve_club(target) if args.club else directory.resolve_player(target)
    if found.entity_id is None:
        raise CommandError(found.message.replace("\n", " "))
    try:
        print(add_alias(engine, kind, found.entity_id, args.alias))
    except ValueError as error:
        raise CommandError(str(error)) from None
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rumour-bot",
        description="Football transfer rumours from real articles, for Discord communities.")
    parser.add_argument("--version", action="version", version=f"rumour-bot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="create or migrate the database, load reference data")
    db.set_defaults(handler=cmd_db)

    ingest = commands.add_parser("ingest", help="ingest article files or folders")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--json", action="store_true", help="print the changes as JSON")
    ingest.set_defaults(handler=cmd_ingest)

    extract = commands.add_parser("extract", help="extract from one article without storing it")
    extract.add_argument("path", metavar="PATH")
    extract.add_argument("--json", action="store_true")
    extract.set_defaults(handler=cmd_extract)

    rumours = commands.add_parser("rumours", help="what /rumours NAME answers")
    rumours.add_argument("name", nargs="+", metavar="NAME")
    rumours.add_argument("--json", action="store_true")
    rumours.set_defaults(handler=cmd_rumours)

    digest = commands.add_parser("digest", help="what the next digest would contain")
    digest.add_argument("--since", metavar="ISO", help="changes since this time (default: 24h)")
    digest.add_argument("--guild", type=int, metavar="ID",
                        help="a server's next digest, with its filters and window")
    digest.add_argument("--json", action="store_true")
    digest.set_defaults(handler=cmd_digest)

    alias = commands.add_parser("alias", help="teach the bot another name for a player or club")
    target = alias.add_mutually_exclusive_group(required=True)
    target.add_argument("--player", metavar="NAME", help='quote names with spaces')
    target.add_argument("--club", metavar="NAME")
    alias.add_argument("alias", metavar="ALIAS", help='e.g. "KDB" or "the Cottagers"')
    alias.set_defaults(handler=cmd_alias)

    commands.add_parser("run", help="run the bot (needs DISCORD_TOKEN)").set_defaults(
        handler=cmd_run)
    commands.add_parser("sync", help="register the slash commands with Discord now"
                        ).set_defaults(handler=cmd_sync)
    demo = commands.add_parser("demo", help="offline: the bot against a local Discord stand-in")
    demo.add_argument("--script", metavar="FILE", help="run commands from FILE, then exit")
    demo.set_defaults(handler=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        for problem in error.errors():
            print(f"error: setting {'.'.join(map(str, problem['loc']))}: {problem['msg']}",
                  file=sys.stderr)
        return EXIT_USAGE
    from bot.logs import setup_logging

    setup_logging("WARNING" if args.command != "run" else settings.log_level)
    if args.command != "run":  # voice-support notices are noise outside a real deployment
        logging.getLogger("discord.client").setLevel(logging.ERROR)
    handler: Callable[[argparse.Namespace, Settings], int] = args.handler
    return _run_handler(handler, args, settings)


def _run_handler(
    handler: Callable[[argparse.Namespace, Settings], int],
    args: argparse.Namespace,
    settings: Settings,
) -> int:
    from bot.articles import ArticleError

    try:
        return handler(args, settings)
    except (CommandError, ArticleError) as error:
        problems = error.problems if isinstance(error, CommandError) else (str(error),)
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        print(f"error: database unavailable: {reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SQLAlchemyError as error:
        print(f"error: database error: {error.__class__.__name__}: "
              f"{str(error).splitlines()[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except discord.LoginFailure:
        print("error: Discord refused the token in DISCORD_TOKEN; copy it again from the "
              "Developer Portal (Bot → Reset Token)", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (discord.GatewayNotFound, aiohttp.ClientConnectionError) as error:
        print(f"error: cannot reach Discord: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `rumour-bot rumours X | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

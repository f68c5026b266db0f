"""`rumour-bot sync` and `rumour-bot run` are the real entry points: run them against the
stand-in (in its own thread and event loop, as a separate Discord would be)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.standin import StandIn


@pytest.fixture
def standin_thread() -> Iterator[StandIn]:
    loop = asyncio.new_event_loop()
    standin = StandIn()
    ready = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(standin.start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(10)
    yield standin
    asyncio.run_coroutine_threadsafe(standin.stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def test_sync_registers_the_commands(standin_thread: StandIn, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setenv("DISCORD_TOKEN", standin_thread.token)
    monkeypatch.setenv("DISCORD_API_BASE_URL", standin_thread.base_url)
    assert main(["sync"]) == 0
    assert "registered" in capsys.readouterr().out
    names = {command["name"] for command in standin_thread.registered_commands()}
    assert {"rumours", "club", "latest", "subscribe", "unsubscribe", "subscriptions", "digest",
            "feeds", "rumour", "help", "about"} <= names


def test_sync_with_a_wrong_token_fails_cleanly(standin_thread: StandIn, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setenv("DISCORD_TOKEN", "not-the-token")
    monkeypatch.setenv("DISCORD_API_BASE_URL", standin_thread.base_url)
    assert main(["sync"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "token" in err[0].lower()

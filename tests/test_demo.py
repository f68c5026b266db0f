"""`rumour-bot demo --script`: the offline tour runs the real bot end to end, as CI does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.integration
def test_demo_tour_runs_without_failures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["demo", "--script", str(REPO / "demo" / "tour.txt")]) == 0
    out = capsys.readouterr().out
    assert "Teun Koopmeiners (Atalanta)" in out
    assert "You now follow Teun Koopmeiners" in out
    assert "Transfer digest" in out
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir()), \
        "the demo must not write to the user's database"


def test_demo_missing_script_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--script", "no-such-file.txt"]) == 1
    assert "no-such-file.txt" in capsys.readouterr().err

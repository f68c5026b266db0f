"""The command-line contract of DESIGN.md: outputs, exit codes, bad input, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import Session

from bot.cli import main
from db import queries
from db.models import Article
from db.session import create_db_engine

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def cli_db(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)  # no .env or ./data from the developer's checkout
    return database_url


def _articles(url: str) -> int:
    """Articles stored; a database never created (extract does not touch it) holds none."""
    engine = create_db_engine(url)
    try:
        if "article" not in inspect(engine).get_table_names():
            return 0
        with Session(engine) as session:
            return queries.count_rows(session, Article)
    finally:
        engine.dispose()


def test_seed_scenario(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(REPO / "seeds")]) == 0
    first = capsys.readouterr().out
    assert "new link: Teun Koopmeiners → Chelsea" in first
    assert main(["rumours", "Koopmeiners"]) == 0
    out = capsys.readouterr().out
    for club in ("Liverpool", "Juventus", "Chelsea", "Newcastle United"):
        assert f"→ {club}:" in out, out
    assert "£51m" in out
    assert "Football Insider" in out and "Calciomercato" in out
    assert main(["rumours", "Koopmeiners", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["player"] == "Teun Koopmeiners"
    assert {link["club"] for link in data["links"]} >= {"Liverpool", "Juventus", "Chelsea",
                                                          "Newcastle United"}
    assert all({"club", "status", "first_seen", "last_seen", "sources", "fees"} <= set(link)
               for link in data["links"])


def test_ingest_twice_reports_no_change(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(REPO / "seeds"), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert sum(len(a["changes"]) for a in first["articles"]) > 0
    assert main(["ingest", str(REPO / "seeds"), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert all(a["duplicate"] and a["changes"] == [] for a in second["articles"])
    assert _articles(cli_db) == 3


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \n", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
    ("latin1.txt", "Transfer news: Müller joins Bayern for £20m".encode("latin-1"), "UTF-8"),
    ("huge.txt", b"Liverpool want Koopmeiners. " * 750_000, "limit"),
    ("header-only.txt", b"Source: Sky Sports\nDate: 2024-01-01\n", "no article text"),
])
def test_bad_article_is_refused_with_one_line(
    cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, data: bytes, message: str,
) -> None:
    path = _bad(tmp_path, name, data)
    assert main(["ingest", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and name in err[0]
    assert _articles(cli_db) == 0


def test_missing_path(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "no/such/file.txt"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_good_files_are_kept_when_one_is_bad(
    cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text((REPO / "seeds" / "000_a55dc350cbbc6842.txt").read_text())
    bad = _bad(tmp_path, "bad.txt", b"\xff\xfe\x00bad")
    assert main(["ingest", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "good.txt" in captured.out and "bad.txt" in captured.err
    assert _articles(cli_db) == 1


def test_unknown_player(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rumours", "Nobody Atall"]) == 1
    err = capsys.readouterr().err
    assert err.lower().startswith("error: no player matching")
    assert len(err.strip().splitlines()) == 1


def test_extract_json_contract(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(REPO / "seeds" / "002_67b09ea07b725da8.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published"] == "2024-06-18"
    assert {"published", "links", "fees", "people", "outlets"} <= set(data)
    link = data["links"][0]
    assert {"player", "to_club", "from_club", "status", "confidence", "evidence"} <= set(link)
    assert _articles(cli_db) == 0  # extract never stores


def test_usage_errors_exit_2(cli_db: str) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["rumours"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["no-such-command"])
    assert raised.value.code == 2


def test_database_down_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none")
    assert main(["rumours", "Koopmeiners"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: database unavailable")


def test_run_without_token_explains(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["run"]) == 1
    assert "DISCORD_TOKEN" in capsys.readouterr().err


def test_alias_teaches_a_new_name(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(REPO / "seeds")]) == 0
    assert main(["rumours", "Koopy"]) == 1
    assert main(["alias", "--player", "Teun Koopmeiners", "Koopy"]) == 0
    assert "now also answers to 'Koopy'" in capsys.readouterr().out
    assert main(["alias", "--player", "Koopmeiners", "koopy"]) == 0
    assert "already answers" in capsys.readouterr().out
    assert main(["rumours", "Koopy", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["player"] == "Teun Koopmeiners"
    assert main(["alias", "--club", "Nowhere Rovers FC", "x"]) == 1
    assert main(["alias", "--player", "Koopmeiners", "!!!"]) == 1
    assert "letters or digits" in capsys.readouterr().err


def test_digest_json_shows_changes_since(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(REPO / "seeds")]) == 0
    capsys.readouterr()
    assert main(["digest", "--since", "2000-01-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    players = {entry["player"]: entry["changes"] for entry in data["players"]}
    assert "Teun Koopmeiners" in players
    assert any(change["club"] == "Chelsea" for change in players["Teun Koopmeiners"])
    assert main(["digest", "--since", "2999-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["players"] == []
    assert main(["digest", "--since", "yesterday"]) == 1
    assert "--since" in capsys.readouterr().err


def test_db_upgrade_creates_and_is_idempotent(cli_db: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from db.migrate import head_revision

    assert main(["db", "upgrade"]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    engine = create_db_engine(cli_db)
    try:
        assert {"rumour", "change_event", "digest_delivery"} <= set(
            inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_digest_for_a_server_uses_its_filters(
        cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlmodel import select

    from bot.guilds import configure_digest, set_digest_filter
    from db.models import Club

    assert main(["ingest", str(REPO / "seeds")]) == 0
    engine = create_db_engine(cli_db)
    with Session(engine) as session:
        chelsea = session.exec(select(Club).where(Club.name == "Chelsea")).one()
    configure_digest(engine, 77, 1, "09:00", "Europe/London", 5)
    set_digest_filter(engine, 77, 5, [chelsea.id or 0], None)
    engine.dispose()
    capsys.readouterr()
    assert main(["digest", "--guild", "77", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert datetime.fromisoformat(data["since"]) > datetime.now(UTC) - timedelta(days=2)
    changes = {p["player"]: {c["club"] for c in p["changes"]} for p in data["players"]}
    # Links to Chelsea, and links of players leaving Chelsea; nothing else.
    assert set(changes) == {"Teun Koopmeiners", "Conor Gallagher", "Levi Colwill"}
    assert changes["Teun Koopmeiners"] == {"Chelsea"}

"""Shared fixtures: a migrated database on SQLite and, where .ci/run started one, PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.reference import ReferenceData, load_reference
from bot.services import prepare_database
from db.session import create_db_engine

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


def postgres_url() -> str | None:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url and os.environ.get("CI"):
        pytest.fail("CI must run the PostgreSQL tests: .ci/run sets TEST_POSTGRES_URL")
    return url


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    return load_reference()


def _reset_postgres(url: str) -> Engine:
    engine = create_db_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL here: set TEST_POSTGRES_URL (bash .ci/run does)")
    _reset_postgres(url).dispose()
    yield url


@pytest.fixture
def engine(database_url: str, reference: ReferenceData) -> Iterator[Engine]:
    engine = create_db_engine(database_url)
    prepare_database(engine, reference)
    yield engine
    engine.dispose()

"""All configuration in one place: environment variables and an optional `.env` file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.reference import DEFAULT_REFERENCE_DIR

DEFAULT_DATA_DIR = Path("data")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(
        default="",
        description="SQLAlchemy URL; empty means an SQLite file under ./data/ (created on use).",
    )
    discord_token: str | None = Field(default=None, description="Bot token; needed by `run`.")
    discord_api_base_url: str | None = Field(
        default=None,
        description="HTTP API base (a proxy or the local stand-in); gateway URL is asked of it.",
    )
    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR.")
    reference_dir: Path = Field(
        default=DEFAULT_REFERENCE_DIR, description="Folder with clubs/outlets/people TOML."
    )
    cold_after_days: int = Field(
        default=30, ge=1, description="A link with no new report for this long is cold."
    )

    digest_grace_hours: float = Field(
        default=6, ge=0, description="A digest missed while the bot was down is still sent "
        "on start-up if its time passed less than this many hours ago.")
    feed_poll_minutes: float = Field(default=15, gt=0, description="How often feeds are polled.")
    feeds: list[str] = Field(
        default_factory=list, description="Feeds polled for every server (JSON list of URLs).")
    feeds_allow_private: bool = Field(
        default=False, description="Allow feeds on localhost/private addresses (tests, labs).")
    dm_per_second: float = Field(
        default=20, gt=0, le=45, description="Pace of alert DMs, under Discord's global 50/s.")

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        DEFAULT_DATA_DIR.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DEFAULT_DATA_DIR / 'rumour-bot.sqlite3'}"

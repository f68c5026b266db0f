"""Logging, set up once at start-up, in the style of discord.utils.setup_logging."""

from __future__ import annotations

import logging

import discord


def setup_logging(level: str = "INFO") -> None:
    discord.utils.setup_logging(level=getattr(logging, level.upper(), logging.INFO), root=True)
    # discord.http logs every request at DEBUG/INFO; rate-limit warnings still come through.
    logging.getLogger("discord.http").setLevel(logging.WARNING)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)

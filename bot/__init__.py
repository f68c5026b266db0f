"""rumour-bot: football transfer rumours for Discord communities."""

__version__ = "0.1.0"

"""Showing money the way fans write it: £51m, €22.5m, $1.2bn, £200k."""

from __future__ import annotations

SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def format_money(amount: int, currency: str) -> str:
    symbol = SYMBOLS.get(currency, currency + " ")
    if amount >= 1_000_000_000:
        value, unit = amount / 1_000_000_000, "bn"
    elif amount >= 1_000_000:
        value, unit = amount / 1_000_000, "m"
    elif amount >= 1_000:
        value, unit = amount / 1_000, "k"
    else:
        return f"{symbol}{amount:,}"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{symbol}{text}{unit}"

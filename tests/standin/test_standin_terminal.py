"""The demo runner and renderer, driven through the stand-in with the small bot."""

from __future__ import annotations

import io

from standin_minibot import MiniBot, make_minibot

from bot.standin import StandIn
from bot.standin.terminal import render_message, run_demo, run_demo_session


def test_render_embed_fields_buttons_and_select() -> None:
    text = render_message({
        "id": "1", "channel_id": "2", "author": {"id": "3"}, "content": "hello", "flags": 64,
        "embeds": [{"title": "Koopmeiners", "description": "Atalanta -> Juventus",
                    "fields": [{"name": "Fee", "value": "EUR 60m"}],
                    "footer": {"text": "3 sources"}}],
        "components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Follow", "custom_id": "f"},
            {"type": 2, "style": 5, "label": "Article", "url": "https://example.org"}]},
            {"type": 1, "components": [{"type": 3, "custom_id": "s", "placeholder": "Club",
                                        "options": [{"label": "Juventus", "value": "juv"}]}]}],
    })
    assert text.splitlines() == [
        "bot (only you):",
        "  hello",
        "  +-- Koopmeiners",
        "  |  Atalanta -> Juventus",
        "  |  Fee: EUR 60m",
        "  +-- 3 sources",
        "  [Follow] [Article -> https://example.org]",
        "  v Club: Juventus",
    ]


async def test_demo_session_lines(standin: StandIn, minibot: MiniBot) -> None:
    out = io.StringIO()
    failures = await run_demo_session(standin, [
        "/player Teun Koopmeiners",
        "complete /player name:kvara",
        "press Follow",
        "select club Juventus",
        "/digest preview count:4",
        "/greet member:mod loud:true",
        "/dm text:see you",
        "/reset",
    ], out, echo=True, settle=0.05)
    text = out.getvalue()
    assert failures == 1, text  # /reset is hidden from "fan"
    assert "+-- Teun Koopmeiners" in text and "[Follow] [Refresh]" in text
    assert "  - Khvicha Kvaratskhelia" in text
    assert "bot (only you):\n  Following Teun Koopmeiners" in text
    assert "Teun Koopmeiners to juv" in text
    assert "digest with 4 items" in text and "HI MOD" in text
    assert "bot -> DM to fan:\n  see you" in text
    assert "! /reset is hidden from this member: needs manage_guild" in text


async def test_run_demo_script_exit_codes() -> None:
    out = io.StringIO()
    assert await run_demo(make_minibot, ["/ping", "as mod", "/reset"], out) == 0
    assert "> /ping\nbot:\n  pong" in out.getvalue()
    assert await run_demo(make_minibot, ["/ping", "/missing"], io.StringIO()) == 1

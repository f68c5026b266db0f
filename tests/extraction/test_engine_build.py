"""Which build of the engine runs: the sources in a checkout, the compiled modules where
``benchmarks/compiled.py`` built them (it sets RUMOUR_BOT_EXPECT_COMPILED=1 for its test run).

In a checkout this guards against a compiled module left next to its source, which would
shadow every later edit of that source."""

import os

from bot.extraction import engine_build


def test_engine_build_is_the_expected_one() -> None:
    expected = "compiled" if os.environ.get("RUMOUR_BOT_EXPECT_COMPILED") == "1" else "source"
    assert engine_build() == expected

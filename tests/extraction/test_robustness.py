"""The engine never crashes or hangs, whatever the text (hypothesis property tests).

Time is bounded through hypothesis deadlines (generous, for slow CI machines), not timed asserts.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from written_articles import CASES

from bot.domain import Extraction
from bot.extraction import Extractor, parse_money

SLOW = settings(
    max_examples=6,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FAST = settings(
    max_examples=150,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

WORDS = st.sampled_from(
    [
        "Liverpool",
        "Chelsea",
        "the",
        "Blues",
        "the",
        "Reds",
        "bid",
        "£51m",
        "€22.5m",
        "(£19m)",
        "agreed",
        "medical",
        "talks",
        "Koopmeiners",
        "Teun",
        "Arne",
        "Slot",
        "boss",
        "manager",
        "according",
        "to",
        "via",
        "the",
        "27-year-old",
        "the",
        "Dutch",
        "star",
        "Atalanta's",
        "Stuttgart",
        "centre-back",
        "rising",
        "to",
        "with",
        "add-ons",
        "-a-week",
        ",",
        ".",
        "'",
        '"',
        "(",
        ")",
        "-",
        "\n",
        "denied",
        "collapsed",
        "The",
        "Serie",
        "A",
        "side",
        "the",
        "Bergamo",
        "club",
        "Alonso's",
        "side",
        "fifty",
        "million",
        "pounds",
        "£30m-£35m",
        "2024",
        "Date:",
        "<p>",
        "</p>",
        "<div>",
        "&",
        "&amp;",
        "Sky's",
        "Florian",
        "Plettenberg",
    ]
)


def check(result: Extraction) -> None:
    assert isinstance(result, Extraction)
    data = result.to_json()
    for link in data["links"]:
        assert 0.0 <= link["confidence"] <= 1.0
        assert link["to_club"] != link["from_club"]


@FAST
@given(st.text())
def test_random_unicode(extractor: Extractor, text: str) -> None:
    check(extractor.extract(text))
    parse_money(text)


@FAST
@given(st.lists(WORDS, max_size=200).map(" ".join))
def test_transfer_word_salad(extractor: Extractor, text: str) -> None:
    check(extractor.extract(text))


@FAST
@given(st.text(alphabet="0123456789 .,£€$-mkbn%/", max_size=2000))
def test_numbers_only(extractor: Extractor, text: str) -> None:
    check(extractor.extract(text))
    parse_money(text)


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='x'>",
                "<br/>",
                "<script>x=1</script>",
                "<a href='y'>",
                "&nbsp;",
                "&lt;",
                "Chelsea",
                "bid",
                "£5m",
                "<",
                ">",
                "<!--",
                "-->",
                "Kane",
                "\n",
            ]
        ),
        max_size=300,
    ).map("".join)
)
def test_html_ish(extractor: Extractor, text: str) -> None:
    check(extractor.extract(text))


@FAST
@given(st.text(alphabet=st.characters(blacklist_characters=".!?\n"), min_size=1000, max_size=5000))
def test_no_sentence_breaks(extractor: Extractor, text: str) -> None:
    check(extractor.extract(text))


@SLOW
@given(st.integers(min_value=0, max_value=len(CASES) - 1), st.integers(min_value=1, max_value=3))
def test_one_megabyte(extractor: Extractor, index: int, variant: int) -> None:
    base = CASES[index].text
    if variant == 1:
        text = (base + "\n\n") * (1_048_576 // (len(base) + 2) + 1)
    elif variant == 2:
        text = "Chelsea " * 131_072  # one word, no sentence ends
    else:
        text = ("x" * 1023 + "\n") * 1024
    check(extractor.extract(text))


def test_empty_and_whitespace(extractor: Extractor) -> None:
    for text in ("", " ", "\n\n\n", "\x00", "\ufeff", "Date: 2024-01-01\n\n"):
        check(extractor.extract(text))


def test_deterministic(extractor: Extractor) -> None:
    for case in CASES:
        assert extractor.extract(case.text).to_json() == extractor.extract(case.text).to_json()

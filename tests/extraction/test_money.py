from __future__ import annotations

import pytest

from bot.domain import EUR_PER_UNIT, to_eur
from bot.extraction import parse_money


def amounts(text: str) -> list[tuple[int, str]]:
    return [(m.amount, m.currency) for m in parse_money(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a £51 million bid", [(51_000_000, "GBP")]),
        ("a £51m bid", [(51_000_000, "GBP")]),
        ("£1.5m", [(1_500_000, "GBP")]),
        ("€22.5m", [(22_500_000, "EUR")]),
        ("$75 million", [(75_000_000, "USD")]),
        ("US$10m", [(10_000_000, "USD")]),
        ("£21million", [(21_000_000, "GBP")]),
        ("€2M", [(2_000_000, "EUR")]),
        ("£ 97.5m move", [(97_500_000, "GBP")]),
        ("£1.2bn takeover", [(1_200_000_000, "GBP")]),
        ("£1.2 billion", [(1_200_000_000, "GBP")]),
        ("£50k", [(50_000, "GBP")]),
        ("£200,000", [(200_000, "GBP")]),
        ("£250 thousand", [(250_000, "GBP")]),
        ("70m euros", [(70_000_000, "EUR")]),
        ("50 million pounds", [(50_000_000, "GBP")]),
        ("30 million dollars", [(30_000_000, "USD")]),
        ("fifty million pounds", [(50_000_000, "GBP")]),
        ("twenty-five million euros", [(25_000_000, "EUR")]),
        ("one hundred million euros", [(100_000_000, "EUR")]),
        ("£fifty million", [(50_000_000, "GBP")]),
        ("GBP 30m", [(30_000_000, "GBP")]),
    ],
)
def test_amounts(text: str, expected: list[tuple[int, str]]) -> None:
    assert amounts(text) == expected


def test_two_currencies_are_one_figure_in_the_first() -> None:
    [money] = parse_money("a release clause of €22.5m (£19m) which can be triggered")
    assert (money.amount, money.currency) == (22_500_000, "EUR")
    assert money.alternates == ((19_000_000, "GBP"),)


def test_three_currencies_and_approx() -> None:
    [money] = parse_money("€30 million (£25.6 million, $35.2 million) fee")
    assert (money.amount, money.currency) == (30_000_000, "EUR")
    assert len(money.alternates) == 2
    [bid] = parse_money("a mammoth €300m (approx. £259m) bid")
    assert bid.amount == 300_000_000 and bid.alternates == ((259_000_000, "GBP"),)


@pytest.mark.parametrize("text", ["£30m-£35m", "£30-35m", "between £30m and £35m", "£30m to £35m"])
def test_ranges_give_both_ends(text: str) -> None:
    found = parse_money(text)
    assert [(m.amount, m.currency) for m in found] == [(30_000_000, "GBP"), (35_000_000, "GBP")]
    assert found[0].range_with == 1 and found[1].range_with == 0


def test_rising_to_with_add_ons_is_a_second_figure() -> None:
    assert amounts("£50m rising to £60m with add-ons") == [(50_000_000, "GBP"), (60_000_000, "GBP")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("£200,000-a-week", "week"),
        ("£200,000 a week", "week"),
        ("£200k per week", "week"),
        ("£150,000 p/w", "week"),
        ("€10m a year", "year"),
        ("€2M annual wages", "year"),
        ("£51m", None),
    ],
)
def test_wage_periods(text: str, period: str | None) -> None:
    assert parse_money(text)[0].period == period


@pytest.mark.parametrize(
    "text",
    [
        "15 goals in 49 games",
        "until 2027",
        "No. 7",
        "£",
        "€ m",
        "a fee of £5",
        "10m sprint",
        "2024/25 season",
        "",
    ],
)
def test_not_money(text: str) -> None:
    assert parse_money(text) == []


def test_offsets_point_at_the_figure() -> None:
    text = "Chelsea bid £51m for him"
    [money] = parse_money(text)
    assert text[money.start : money.end] == "£51m"


def test_eur_normalisation_uses_the_rate_table() -> None:
    assert to_eur(19_000_000, "GBP") == round(19_000_000 * EUR_PER_UNIT["GBP"])
    assert to_eur(1_000_000, "EUR") == 1_000_000

"""/rumours, /club and /latest through the stand-in: embeds, lookups, buttons, restarts."""

from __future__ import annotations

import re

import pytest
from integration_world import (
    EVIL,
    HUGO,
    KOOP,
    LONG,
    LUCAS,
    ODEGAARD,
    PAGED,
    BotStarter,
    World,
    assert_embed_limits,
    fee,
    field_named,
    ingest,
    link,
)

from bot.app import RumourBot
from bot.domain import PlayerFact, Status
from bot.standin import CommandNotAvailable, Reply, StandIn

pytestmark = pytest.mark.integration

STAMP = re.compile(r"<t:\d+:R>")


async def rumours(standin: StandIn, player: str, user: str = "fan") -> Reply:
    return await (await standin.send_command("rumours", {"player": player}, user=user)
                  ).response()


async def test_rumours_embed_shows_clubs_fees_sources_and_cold_links(
        standin: StandIn, rumour_bot: RumourBot) -> None:
    reply = await rumours(standin, KOOP)
    assert reply.type == 4 and not reply.ephemeral
    assert reply.message in standin.channel_messages("general")
    [embed] = reply.embeds
    assert embed["title"] == "Teun Koopmeiners (Atalanta)"
    assert [f["name"] for f in embed["fields"]] == ["→ Chelsea", "→ Juventus", "Gone cold"]
    chelsea = field_named(embed, "→ Chelsea")["value"]
    # Original currency, the way fans write it; the fee's kind already says the status.
    assert chelsea.splitlines()[0] == "£51m bid"
    # Evening Standard + its syndicated copy count once, plus Fabrizio Romano.
    assert "2 sources, best tier 1" in chelsea
    assert len(STAMP.findall(chelsea)) == 2  # first and last seen, in the reader's time zone
    juventus = field_named(embed, "→ Juventus")["value"]
    assert "€45m bid" in juventus and "talks" in juventus
    assert "1 source, best tier 2" in juventus
    assert field_named(embed, "Gone cold")["value"] == "Arsenal (interest)"
    assert "Arsenal" not in chelsea + juventus
    labels = [c["label"] for c in reply.message.iter_components()]
    assert labels == ["Sources", "Subscribe"]  # no page buttons for two live links


async def test_player_autocomplete_gives_ids_and_clubs(standin: StandIn,
                                                       rumour_bot: RumourBot,
                                                       world: World) -> None:
    choices = await standin.autocomplete("rumours", {"player": "koop"}, "player")
    assert choices[0] == {"name": "Teun Koopmeiners — Atalanta",
                          "value": str(world.player(KOOP))}
    everyone = await standin.autocomplete("rumours", {"player": ""}, "player")
    assert 0 < len(everyone) <= 25
    for choice in everyone:
        assert len(choice["name"]) <= 100 and choice["value"].isdigit()
    long = next(c for c in everyone if c["value"] == str(world.player(LONG)))
    assert long["name"].endswith("Benfica")
    both = await standin.autocomplete("subscribe", {"player": "moreau"}, "player")
    assert {c["name"] for c in both} == {"Lucas Moreau — Lyon", "Hugo Moreau — Lille"}

    # Picking a choice sends the id; the bot answers for exactly that player.
    reply = await rumours(standin, str(world.player(HUGO)))
    assert reply.embeds[0]["title"] == "Hugo Moreau (Lille)"


async def test_club_autocomplete(standin: StandIn, rumour_bot: RumourBot) -> None:
    choices = await standin.autocomplete("club", {"club": "manch"}, "club")
    names = [c["name"] for c in choices]
    assert "Manchester City — Premier League" in names
    assert "Manchester United — Premier League" in names
    assert all(c["value"].isdigit() for c in choices) and len(choices) <= 25
    spurs = await standin.autocomplete("club", {"club": "spurs"}, "club")
    assert spurs and spurs[0]["name"].startswith("Tottenham Hotspur")


@pytest.mark.parametrize(("typed", "title"), [
    ("Kopmeiners", "Teun Koopmeiners (Atalanta)"),
    ("koopmeiners", "Teun Koopmeiners (Atalanta)"),
    ("odegaard", "Martin Ødegaard (Arsenal)"),
    ("Martin Odegard", "Martin Ødegaard (Arsenal)"),
])
async def test_typos_and_accents_resolve(standin: StandIn, rumour_bot: RumourBot,
                                         typed: str, title: str) -> None:
    reply = await rumours(standin, typed)
    assert not reply.ephemeral and reply.embeds[0]["title"] == title


async def test_unknown_name_gets_a_private_suggestion(standin: StandIn,
                                                      rumour_bot: RumourBot) -> None:
    reply = await rumours(standin, "Zzyzx Qwertyuiop")
    assert reply.ephemeral and not reply.embeds
    assert reply.content.startswith('No player matching "Zzyzx Qwertyuiop"')
    assert standin.channel_messages("general") == []
    near = await rumours(standin, "Koopmanns")
    assert near.ephemeral and near.content == (
        'No player matching "Koopmanns". Did you mean: Teun Koopmeiners — Atalanta?')
    assert standin.channel_messages("general") == []


async def test_rumours_cooldown(standin: StandIn, rumour_bot: RumourBot) -> None:
    for _ in range(5):
        assert (await rumours(standin, KOOP)).embeds
    slow = await rumours(standin, KOOP)
    assert slow.ephemeral and slow.content.startswith("Slow down: try again in ")
    assert (await rumours(standin, KOOP, user="mod")).embeds  # per user


async def test_commands_work_in_direct_messages(standin: StandIn,
                                                rumour_bot: RumourBot) -> None:
    card = await (await standin.send_command("rumours", {"player": KOOP}, dm=True)).response()
    assert card.embeds[0]["title"] == "Teun Koopmeiners (Atalanta)"
    assert card.message is not None
    sources = await (await standin.press_button(card.message, "Sources", user="fan")
                     ).response()
    assert sources.embeds[0]["title"] == "Sources: Teun Koopmeiners"
    subscribed = await (await standin.send_command("subscribe", {"player": KOOP}, dm=True)
                        ).response()
    assert subscribed.content.startswith("You now follow Teun Koopmeiners")
    with pytest.raises(CommandNotAvailable):  # the digest belongs to a server
        await standin.send_command("digest preview", dm=True, user="mod")


async def test_ambiguous_name_offers_a_select_only_the_asker_can_use(
        standin: StandIn, rumour_bot: RumourBot, world: World) -> None:
    reply = await rumours(standin, "Moreau")
    assert reply.ephemeral and not reply.embeds
    assert "matches several players" in reply.content
    assert reply.message is not None
    [select] = reply.message.iter_components()
    assert select["type"] == 3
    assert {o["label"] for o in select["options"]} == {"Lucas Moreau — Lyon",
                                                       "Hugo Moreau — Lille"}
    # Discord shows an ephemeral message to its recipient only...
    with pytest.raises(CommandNotAvailable):
        await standin.select(reply.message, "Which player did you mean?",
                             [str(world.player(LUCAS))], user="mod")
    # ...and the bot refuses anyone else too, should such an interaction ever arrive.
    reply.message.ephemeral_to = None
    other = await (await standin.select(reply.message, "Which player did you mean?",
                                        [str(world.player(LUCAS))], user="mod")).response()
    assert other.ephemeral and other.content == "Only the person who asked can choose."
    assert standin.message(reply.message.id).embeds == []  # untouched

    picked = await (await standin.select(reply.message, "Which player did you mean?",
                                         [str(world.player(LUCAS))], user="fan")).response()
    assert picked.type == 7  # the choice message turns into the player's card
    assert picked.content == ""
    assert picked.embeds[0]["title"] == "Lucas Moreau (Lyon)"
    assert "→ Newcastle United" in [f["name"] for f in picked.embeds[0]["fields"]]


async def test_sources_button(standin: StandIn, rumour_bot: RumourBot) -> None:
    card = await rumours(standin, KOOP)
    assert card.message is not None
    reply = await (await standin.press_button(card.message, "Sources", user="mod")).response()
    assert reply.ephemeral
    [embed] = reply.embeds
    assert embed["title"] == "Sources: Teun Koopmeiners"
    chelsea = field_named(embed, "→ Chelsea")["value"]
    assert chelsea.count("Evening Standard (tier 2)") == 2  # the original and the copy
    assert "Fabrizio Romano (tier 1)" in chelsea
    assert "(<https://www.msn.com/en-gb/sport/chelsea-koopmeiners>)" in chelsea
    assert "TBR Football (tier 4)" in field_named(embed, "→ Arsenal")["value"]
    assert_embed_limits(reply.embeds)


async def test_subscribe_button(standin: StandIn, rumour_bot: RumourBot) -> None:
    card = await rumours(standin, KOOP)
    assert card.message is not None
    reply = await (await standin.press_button(card.message, "Subscribe", user="mod")).response()
    assert reply.ephemeral and reply.content.startswith("You now follow Teun Koopmeiners")
    listing = await (await standin.send_command("subscriptions", user="mod")).response()
    assert "Teun Koopmeiners" in listing.content
    again = await (await standin.press_button(card.message, "Subscribe", user="mod")).response()
    assert again.content.startswith("Updated: you follow Teun Koopmeiners")


async def test_page_buttons(standin: StandIn, rumour_bot: RumourBot) -> None:
    card = await rumours(standin, PAGED)
    assert card.message is not None
    first = card.embeds[0]
    assert len(first["fields"]) == 8
    assert first["footer"]["text"].startswith("Page 1/2")
    buttons = {c["label"]: c for c in card.message.iter_components()}
    assert buttons["◀ Newer"]["disabled"] and not buttons["Older ▶"]["disabled"]
    older = await (await standin.press_button(card.message, "Older ▶")).response()
    assert older.type == 7 and older.message is not None
    assert older.message.id == card.message.id  # edited in place
    assert len(older.embeds[0]["fields"]) == 2
    assert older.embeds[0]["footer"]["text"].startswith("Page 2/2")
    shown = {f["name"] for f in first["fields"]} | {f["name"] for f in older.embeds[0]["fields"]}
    assert len(shown) == 10
    buttons = {c["label"]: c for c in older.message.iter_components()}
    assert not buttons["◀ Newer"]["disabled"] and buttons["Older ▶"]["disabled"]
    newer = await (await standin.press_button(card.message, "◀ Newer")).response()
    assert newer.embeds[0]["footer"]["text"].startswith("Page 1/2")


async def test_buttons_work_on_a_message_from_a_previous_bot_instance(
        standin: StandIn, start_bot: BotStarter) -> None:
    async with start_bot():
        card = await rumours(standin, PAGED)
    assert card.message is not None
    async with start_bot():  # a restart: nothing of the old process is left but the DB
        older = await (await standin.press_button(card.message, "Older ▶")).response()
        assert older.type == 7 and older.embeds[0]["footer"]["text"].startswith("Page 2/2")
        sources = await (await standin.press_button(card.message, "Sources")).response()
        assert sources.ephemeral and sources.embeds[0]["title"] == f"Sources: {PAGED}"
        subscribed = await (await standin.press_button(card.message, "Subscribe")).response()
        assert subscribed.content.startswith(f"You now follow {PAGED}")


async def test_embed_limits_with_forty_links_and_a_long_name(standin: StandIn,
                                                              rumour_bot: RumourBot) -> None:
    card = await rumours(standin, LONG)
    assert card.message is not None
    assert_embed_limits(card.embeds)
    assert card.embeds[0]["footer"]["text"].startswith("Page 1/5")
    pages = [card.embeds]
    for _ in range(4):
        pressed = await (await standin.press_button(card.message, "Older ▶")).response()
        assert_embed_limits(pressed.embeds)
        pages.append(pressed.embeds)
    assert pages[-1][0]["footer"]["text"].startswith("Page 5/5")
    clubs = {f["name"] for embeds in pages for f in embeds[0]["fields"]}
    assert len(clubs) == 40
    sources = await (await standin.press_button(card.message, "Sources")).response()
    assert_embed_limits(sources.embeds)
    assert len(sources.embeds[0]["fields"]) >= 1


async def test_club_incoming_and_outgoing(standin: StandIn, rumour_bot: RumourBot) -> None:
    reply = await (await standin.send_command("club", {"club": "Chelsea"})).response()
    [embed] = reply.embeds
    assert embed["title"] == "Transfer links: Chelsea"
    incoming = field_named(embed, "Incoming")["value"]
    assert "Teun Koopmeiners from Atalanta: bid, £51m bid" in incoming
    assert STAMP.search(incoming)
    assert field_named(embed, "Outgoing")["value"] == "none"

    atalanta = await (await standin.send_command("club", {"club": "atalanta"})).response()
    outgoing = field_named(atalanta.embeds[0], "Outgoing")["value"]
    assert "Teun Koopmeiners to Chelsea" in outgoing
    assert "Teun Koopmeiners to Arsenal: interest (cold)" in outgoing
    assert field_named(atalanta.embeds[0], "Incoming")["value"] == "none"

    benfica = await (await standin.send_command("club", {"club": "Benfica"},
                                                user="mod")).response()
    assert_embed_limits(benfica.embeds)
    assert "… and more" in field_named(benfica.embeds[0], "Outgoing")["value"]

    unknown = await (await standin.send_command("club", {"club": "Qqqzzz Wanderers"},
                                                user="mod")).response()
    assert unknown.ephemeral and unknown.content.startswith("No club matching")


async def test_latest(standin: StandIn, rumour_bot: RumourBot) -> None:
    reply = await (await standin.send_command("latest", {"hours": 48})).response()
    assert not reply.ephemeral and reply.embeds
    assert reply.embeds[0]["title"].startswith("Latest transfer news (48 h)")
    names = [f["name"] for e in reply.embeds for f in e.get("fields", [])]
    assert "Teun Koopmeiners" in names and "Martin Ødegaard" in names
    assert_embed_limits(reply.embeds)


async def test_rumours_for_a_player_name_with_markdown(standin: StandIn,
                                                       rumour_bot: RumourBot,
                                                       world: World) -> None:
    reply = await rumours(standin, str(world.player(EVIL)))
    title = reply.embeds[0]["title"]
    assert title.startswith(r"\*\*Evil\*\*") and "@everyone" not in title
    assert ODEGAARD not in title


async def test_news_reaches_rumours_after_the_directory_refresh(
        standin: StandIn, rumour_bot: RumourBot, world: World) -> None:
    before = await rumours(standin, KOOP)
    assert "→ Liverpool" not in [f["name"] for f in before.embeds[0]["fields"]]
    ingest(world.engine, "Liverpool in talks for Koopmeiners.", source="Evening Standard",
           links=[link(KOOP, "Liverpool", Status.TALKS, ["Evening Standard"], "Atalanta")],
           players=[PlayerFact(KOOP, "Atalanta")])
    await rumour_bot.refresh_directory()  # the bot does this every 30 s
    after = await rumours(standin, KOOP)
    assert "talks" in field_named(after.embeds[0], "→ Liverpool")["value"]


async def test_a_new_fee_reaches_rumours_after_the_directory_refresh(
        standin: StandIn, rumour_bot: RumourBot, world: World) -> None:
    before = await rumours(standin, KOOP)
    assert "£51m bid" in field_named(before.embeds[0], "→ Chelsea")["value"]
    ingest(world.engine, "Chelsea raise their bid to £60m.", source="Evening Standard",
           fees=[fee(KOOP, "Chelsea", 60_000_000)], players=[PlayerFact(KOOP, "Atalanta")])
    await rumour_bot.refresh_directory()
    after = await rumours(standin, KOOP)
    assert "£60m bid" in field_named(after.embeds[0], "→ Chelsea")["value"]


async def test_the_player_picker_still_works_after_a_restart(
        standin: StandIn, start_bot: BotStarter, world: World) -> None:
    async with start_bot():
        reply = await rumours(standin, "Moreau")
    assert reply.message is not None
    async with start_bot():
        picked = await (await standin.select(reply.message, "Which player did you mean?",
                                             [str(world.player(LUCAS))], user="fan")).response()
    assert picked.embeds[0]["title"] == "Lucas Moreau (Lyon)"

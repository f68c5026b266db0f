"""The hand-made dataset the integration tests run on, and small helpers shared by them.

Data goes in through the real ingest path (`ingest_article`) with hand-written
`Extraction`s, so these tests never depend on how good the extraction engine is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.app import RumourBot
from bot.articles import parse_article_text
from bot.domain import Extraction, FeeFact, FeeKind, LinkFact, PlayerFact, Status
from bot.ingest import IngestOutcome, ingest_article
from bot.settings import Settings
from bot.standin import Message, Reply, StandIn
from db.models import ChangeEvent, Club, Player
from db.session import session_scope

KOOP = "Teun Koopmeiners"
LUCAS = "Lucas Moreau"
HUGO = "Hugo Moreau"
ODEGAARD = "Martin Ødegaard"
EVIL = "**Evil** @everyone <@&123>"
EVIL_CLUB = "@here <@&234567890123456789> United"
EVIL_TITLE = "@everyone **BREAKING** <@&345678901234567890> __huge__ news"
LONG = ("Maximiliano Bartholomew Alexander-Fitzgerald de la Cruz Santos Oliveira Pereira "
        "Júnior")
PAGED = "Paolo Pagina"  # ten live links: two pages

LONG_CLUBS = [
    "Real Madrid", "Barcelona", "Atletico Madrid", "Athletic Bilbao", "Real Sociedad",
    "Real Betis", "Sevilla", "Valencia", "Villarreal", "Celta Vigo", "Girona", "Osasuna",
    "Bologna", "Cagliari", "Como", "Fiorentina", "Genoa", "Inter Milan", "Lazio", "AC Milan",
    "Napoli", "Roma", "Torino", "Udinese", "Bayern Munich", "Borussia Dortmund",
    "Bayer Leverkusen", "RB Leipzig", "Stuttgart", "Eintracht Frankfurt", "Wolfsburg",
    "Paris Saint-Germain", "Marseille", "Lyon", "Monaco", "Lille", "Nice", "Lens", "Ajax",
    "PSV Eindhoven",
]
PAGED_CLUBS = ["Ajax", "Feyenoord", "Porto", "Braga", "Celtic", "Rangers", "Galatasaray",
               "Fenerbahce", "Besiktas", "Club Brugge"]


def published(days_ago: int) -> date:
    return (datetime.now(UTC) - timedelta(days=days_ago)).date()


def link(player: str, club: str, status: Status, sources: Sequence[str] = (),
         from_club: str | None = None, evidence: str | None = None) -> LinkFact:
    return LinkFact(player, club, from_club, status, 0.9,
                    evidence or f"{club} are in for {player}.", tuple(sources))


def fee(player: str, club: str | None, amount: int, currency: str = "GBP",
        kind: FeeKind = FeeKind.BID) -> FeeFact:
    return FeeFact(player, club, amount, currency, kind, f"{amount} {currency}")


def ingest(engine: Engine, body: str, *, links: Iterable[LinkFact] = (),
           fees: Iterable[FeeFact] = (), players: Iterable[PlayerFact] = (),
           days_ago: int = 1, source: str | None = None,
           title: str | None = None, at: datetime | None = None) -> IngestOutcome:
    """Store one hand-made article exactly as `rumour-bot ingest` would."""
    when = published(days_ago)
    header = [f"Date: {when.isoformat()}"]
    if source:
        header.append(f"Source: {source}")
    if title:
        header.append(f"Title: {title}")
    parsed = parse_article_text("\n".join(header) + "\n\n" + body)
    extraction = Extraction(published=when, links=list(links), fees=list(fees),
                            players=list(players))
    outcome = ingest_article(engine, parsed, lambda _: extraction, "integration-test")
    if at is not None:  # the news arrives at this moment of the bot's (moved) clock
        with session_scope(engine) as session:
            for event in session.exec(select(ChangeEvent).where(
                    ChangeEvent.article_id == outcome.article_id)):
                event.created_at = at
    return outcome


def load_dataset(engine: Engine) -> None:
    """A few players covering the cases the bot has to render right."""
    koop = [PlayerFact(KOOP, "Atalanta")]
    ingest(engine, "Chelsea have bid £51m for Teun Koopmeiners, the Evening Standard says.",
           source="Evening Standard", title="Chelsea bid £51m for Koopmeiners",
           links=[link(KOOP, "Chelsea", Status.BID, ["Evening Standard"], "Atalanta")],
           fees=[fee(KOOP, "Chelsea", 51_000_000)], players=koop)
    # A syndicated copy on another site, crediting the same outlet: one source, not two.
    ingest(engine, "Via MSN: Chelsea have bid £51m for Teun Koopmeiners (Evening Standard).",
           source="https://www.msn.com/en-gb/sport/chelsea-koopmeiners",
           title="Chelsea bid £51m for Koopmeiners (syndicated)",
           links=[link(KOOP, "Chelsea", Status.BID, ["Evening Standard"], "Atalanta")],
           fees=[fee(KOOP, "Chelsea", 51_000_000)], players=koop)
    ingest(engine, "Fabrizio Romano: Chelsea bid for Koopmeiners confirmed.",
           source="Fabrizio Romano", title="Here we go soon?",
           links=[link(KOOP, "Chelsea", Status.BID, ["Fabrizio Romano"], "Atalanta")],
           players=koop)
    ingest(engine, "Juventus are in talks for Koopmeiners, offering €45m.", days_ago=2,
           source="Gazzetta dello Sport", title="Juve, Koopmeiners talks",
           links=[link(KOOP, "Juventus", Status.TALKS, ["Gazzetta dello Sport"], "Atalanta")],
           fees=[fee(KOOP, "Juventus", 45_000_000, "EUR")], players=koop)
    # Cold: nothing new for three months.
    ingest(engine, "Arsenal are keeping an eye on Koopmeiners.", days_ago=90,
           source="TBR Football", title="Arsenal eye Koopmeiners",
           links=[link(KOOP, "Arsenal", Status.INTEREST, ["TBR Football"], "Atalanta")],
           players=koop)

    # Two players sharing a surname: "Moreau" alone is ambiguous.
    ingest(engine, "Newcastle want Lucas Moreau; Aston Villa like Hugo Moreau.",
           source="The Guardian", title="The Moreau brothers",
           links=[link(LUCAS, "Newcastle United", Status.INTEREST, ["The Guardian"], "Lyon"),
                  link(HUGO, "Aston Villa", Status.CONTACT, ["The Guardian"], "Lille")],
           players=[PlayerFact(LUCAS, "Lyon"), PlayerFact(HUGO, "Lille")])

    ingest(engine, "Real Madrid have made contact about Martin Ødegaard.", source="Marca",
           title="Ødegaard: Madrid call",
           links=[link(ODEGAARD, "Real Madrid", Status.CONTACT, ["Marca"], "Arsenal")],
           players=[PlayerFact(ODEGAARD, "Arsenal")])

    # Mention and markdown injection in a player name, a club name and an article title.
    ingest(engine, "Everton are in talks for the evil one.", source="The Sun",
           title=EVIL_TITLE,
           links=[link(EVIL, "Everton", Status.TALKS, ["The Sun"], "Burnley"),
                  link(EVIL, EVIL_CLUB, Status.INTEREST, ["The Sun"], "Burnley")],
           fees=[fee(EVIL, "Everton", 12_000_000)], players=[PlayerFact(EVIL, "Burnley")])

    # Forty links and a very long name: every embed must stay inside Discord's limits.
    for n, outlet in enumerate(["The Times", "Daily Mail", "Goal"]):
        ingest(engine, f"Round-up {n}: everyone wants {LONG}.", source=outlet,
               title=f"{outlet} round-up {n}: " + "the longest transfer saga ever told " * 4,
               links=[link(LONG, club, Status.INTEREST if i % 2 else Status.TALKS, [outlet],
                           "Benfica", evidence=f"{club} want him. " * 30)
                      for i, club in enumerate(LONG_CLUBS)],
               fees=[fee(LONG, club, 10_000_000 + i * 1_000_000 + n,
                         "EUR" if i % 2 else "GBP")
                     for i, club in enumerate(LONG_CLUBS)],
               players=[PlayerFact(LONG, "Benfica")])

    ingest(engine, "Ten clubs want Paolo Pagina.", source="ESPN", title="Pagina latest",
           links=[link(PAGED, club, Status.INTEREST, ["ESPN"], "Sporting CP")
                  for club in PAGED_CLUBS],
           players=[PlayerFact(PAGED, "Sporting CP")])


def player_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        player = session.exec(select(Player).where(Player.name == name)).one()
        assert player.id is not None
        return player.id


def club_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        club = session.exec(select(Club).where(Club.name == name)).one()
        assert club.id is not None
        return club.id


@dataclass
class World:
    """The test's database (and the settings pointing at it)."""

    settings: Settings
    engine: Engine

    def player(self, name: str) -> int:
        return player_id(self.engine, name)

    def club(self, name: str) -> int:
        return club_id(self.engine, name)


#: ``async with start_bot() as bot``: a bot instance on the test's database and stand-in.
BotStarter = Callable[..., contextlib.AbstractAsyncContextManager[RumourBot]]


@dataclass
class Clock:
    """Real time plus an offset the test moves forward."""

    offset: timedelta = field(default_factory=timedelta)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> datetime:
        self.offset += timedelta(**delta)
        return self()


async def command(standin: StandIn, name: str, options: Mapping[str, Any] | None = None,
                  user: str = "mod", **where: Any) -> Reply:
    """Send a slash command as `user` (in `guild=`/`channel=` if given) and await the reply."""
    return await (await standin.send_command(name, options or {}, user=user, **where)
                  ).response()


# ------------------------------------------------------------------------ assertions --

MAX_EMBED_TOTAL = 6000


def embed_length(embed: dict[str, Any]) -> int:
    """Characters Discord counts towards the 6000 limit."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for item in embed.get("fields") or []:
        total += len(item.get("name") or "") + len(item.get("value") or "")
    return total


def assert_embed_limits(embeds: list[dict[str, Any]]) -> None:
    assert len(embeds) <= 10
    for embed in embeds:
        assert len(embed.get("title") or "") <= 256
        assert len(embed.get("description") or "") <= 4096
        assert len(embed.get("fields") or []) <= 25
        for item in embed.get("fields") or []:
            assert 0 < len(item["name"]) <= 256, item
            assert 0 < len(item["value"]) <= 1024, item
        assert embed_length(embed) <= MAX_EMBED_TOTAL
    # Discord counts the limit over all the embeds of one message together.
    assert sum(embed_length(e) for e in embeds) <= MAX_EMBED_TOTAL


def message_text(message: Message, *, components: bool = True) -> str:
    """What a reader sees in a message: content, embed texts, component labels (plain
    text in Discord: no markdown, no mentions)."""
    parts = [message.content]
    for embed in message.embeds:
        parts += [embed.get("title") or "", embed.get("description") or "",
                  (embed.get("footer") or {}).get("text") or ""]
        for item in embed.get("fields") or []:
            parts += [item.get("name") or "", item.get("value") or ""]
    for component in message.iter_components() if components else []:
        parts += [str(component.get("label") or ""), str(component.get("placeholder") or "")]
        parts += [str(option.get("label") or "") for option in component.get("options") or []]
    return "\n".join(parts)


def field_named(embed: dict[str, Any], name: str) -> dict[str, Any]:
    for item in embed.get("fields") or []:
        if item["name"] == name:
            return item
    raise AssertionError(f"no field {name!r} in {[f['name'] for f in embed.get('fields', [])]}")


def bot_messages(standin: StandIn) -> list[Message]:
    """Every message the bot posted anywhere (channels, DMs, interaction replies)."""
    return [m for m in standin.messages.values() if m.author_id == standin.bot_user.id]

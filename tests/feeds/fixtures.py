"""Fixture feeds and article pages for tests/test_feeds.py, written for these tests.

Clubs and players are invented; the stories are in the style of transfer news. Feeds are built
from `Story` objects so a test can change a feed between polls (add a story, reorder, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    published: datetime
    paragraphs: tuple[str, ...]
    teaser: str

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def html_body(self) -> str:
        return "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)


def _day(day: int, hour: int = 9) -> datetime:
    return datetime(2024, 6, day, hour, 30, tzinfo=UTC)


LINDQVIST = Story(
    slug="lindqvist-talks",
    title="Harbourside United open talks for Nordvik midfielder Mateo Lindqvist",
    published=_day(10),
    paragraphs=(
        "Harbourside United have opened formal talks with Nordvik FK over a summer move for "
        "midfielder Mateo Lindqvist, according to people close to the negotiations.",
        "The 24-year-old has two years left on his contract and is understood to favour a "
        "switch abroad after four seasons in the Nordvik first team. Harbourside's sporting "
        "director travelled north on Tuesday and a first proposal is being prepared for the "
        "weekend, with the clubs still some distance apart on the structure of the payments.",
    ),
    teaser="Harbourside United have opened talks with Nordvik FK for Mateo Lindqvist.",
)

MENSAH_HALE = Story(
    slug="mensah-hale-loan",
    title="Castleford Athletic weigh loan for winger Idris Mensah-Hale",
    published=_day(11),
    paragraphs=(
        "Castleford Athletic are weighing a season-long loan for Valmora CF winger Idris "
        "Mensah-Hale as their manager looks for more pace on the flanks before the window "
        "closes.",
        "Valmora would prefer a permanent sale but have accepted that a loan with an option to "
        "buy may be the only route to moving the 21-year-old on. Two other clubs in the second "
        "tier have asked to be kept informed, and the player's representatives are expected to "
        "meet Castleford officials later this week to discuss his role in the squad.",
    ),
    teaser="Castleford Athletic are weighing a season-long loan for Idris Mensah-Hale.",
)

FERRANDI = Story(
    slug="ferrandi-bid",
    title="Kestrel Park Rangers table opening bid for Luca Ferrandi",
    published=_day(12),
    paragraphs=(
        "Kestrel Park Rangers have tabled an opening bid for Porto Lume centre-back Luca "
        "Ferrandi, with the offer said to include a sell-on clause and several add-ons tied to "
        "appearances.",
        "Porto Lume are in no hurry to sell a defender they signed only eighteen months ago, "
        "and their president has told local radio that any club wanting Ferrandi will have to "
        "meet the release clause in full. Rangers believe a compromise can be found before the "
        "start of pre-season training in early July.",
    ),
    teaser="Kestrel Park Rangers have tabled an opening bid for Luca Ferrandi.",
)

BRANDT = Story(
    slug="brandt-medical",
    title="Oskar Brandt due for medical at Harbourside United",
    published=_day(14),
    paragraphs=(
        "Oskar Brandt is due to undergo a medical at Harbourside United on Friday after the "
        "two clubs settled the last details of his transfer from Kestrel Park Rangers.",
        "The goalkeeper flew in on Thursday evening and is expected to sign a four-year "
        "contract once the tests are complete. Harbourside moved quickly after their first "
        "choice decided to stay where he was, and the club hope to present Brandt to "
        "supporters at the open training session planned for next week.",
    ),
    teaser="Oskar Brandt is due to undergo a medical at Harbourside United on Friday.",
)

ACHTERBERG = Story(
    slug="achterberg-monitoring",
    title="Valmora CF keep watch on teenage striker Samuel Achterberg",
    published=_day(8),
    paragraphs=(
        "Valmora CF scouts have watched Samuel Achterberg in each of Nordvik's last three "
        "youth league matches, and the club are monitoring the teenage striker ahead of a "
        "possible approach next year.",
        "Achterberg, who turns eighteen in September, has scored eleven goals at under-19 "
        "level this season. Nordvik are keen to tie him to his first professional contract "
        "before other clubs can make a move, and talks with his family have been described "
        "as positive by people at the club.",
    ),
    teaser="Valmora CF are monitoring Nordvik's teenage striker Samuel Achterberg.",
)

QUINTELA = Story(
    slug="quintela-denied",
    title="Porto Lume deny contact over Rafael Quintela",
    published=_day(15),
    paragraphs=(
        "Porto Lume have denied that any club has made contact about full-back Rafael "
        "Quintela, calling reports of an approach from Castleford Athletic wide of the mark.",
        "A club spokesperson said on Saturday that Quintela is part of the coach's plans for "
        "the new season and that no offer has been received. Quintela himself posted a photo "
        "from the club's training ground soon after the statement, which supporters read as a "
        "sign that he expects to stay for at least another year.",
    ),
    teaser="Porto Lume have denied contact about full-back Rafael Quintela.",
)

ALL_STORIES = (LINDQVIST, MENSAH_HALE, FERRANDI, BRANDT, ACHTERBERG, QUINTELA)


def rss(title: str, site: str, items: list[tuple[Story, str]], *, full: bool = True) -> bytes:
    """RSS 2.0; `items` are (story, link). `full`: content:encoded carries the whole story,
    else only a one-line description."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        f"<channel><title>{escape(title)}</title><link>{escape(site)}</link>",
        "<description>Transfer news, rumours and done deals.</description>",
    ]
    for story, link in items:
        parts.append(
            f"<item><title>{escape(story.title)}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink=\"true\">{escape(link)}</guid>"
            f"<pubDate>{format_datetime(story.published)}</pubDate>"
            f"<description>{escape(story.teaser)}</description>"
        )
        if full:
            parts.append(f"<content:encoded><![CDATA[{story.html_body()}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def atom(title: str, site: str, items: list[tuple[Story, str]], *, full: bool = True) -> bytes:
    """Atom 1.0, entries with HTML content (or only a summary)."""
    updated = max((story.published for story, _ in items), default=datetime(2024, 6, 1,
                                                                             tzinfo=UTC))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>{escape(site)}</id>",
        f'<link href="{escape(site)}"/><updated>{updated.isoformat()}</updated>',
    ]
    for story, link in items:
        parts.append(
            f'<entry><title>{escape(story.title)}</title><link href="{escape(link)}"/>'
            f"<id>{escape(link)}</id><published>{story.published.isoformat()}</published>"
            f"<updated>{story.published.isoformat()}</updated>"
            f"<summary>{escape(story.teaser)}</summary>"
        )
        if full:
            parts.append(f'<content type="html">{escape(story.html_body())}</content>')
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def article_page(story: Story) -> bytes:
    """A news page with navigation, a cookie banner, related links and a footer around the
    story: the extraction must keep the story and drop the rest."""
    related = "".join(f'<li><a href="/news/{other.slug}">{escape(other.title)}</a></li>'
                      for other in ALL_STORIES if other is not story)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(story.title)} | Window Watch</title>
<meta property="og:title" content="{escape(story.title)}"></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/transfers">Transfers</a></li>
<li><a href="/fixtures">Fixtures</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<main><article><h1>{escape(story.title)}</h1>
<p class="byline">By Window Watch staff</p>
{story.html_body()}
</article></main>
<aside><h2>Related stories</h2><ul>{related}</ul></aside>
<footer><p>Copyright Window Watch. All rights reserved.</p></footer>
</body></html>""".encode()


NOT_A_FEED = b"""<!DOCTYPE html><html><head><title>Window Watch</title></head>
<body><h1>Welcome to Window Watch</h1><p>The feed has moved. Please update your reader.</p>
</body></html>"""

"""Extraction engine: transfer article text in; rumours (links), fees, people and sources out.

Pure and deterministic: no Discord, no database, no network, no model downloads. Build an
``Extractor`` once per reference data set (it compiles the club, outlet and people tables) and
call ``extract`` for each article; the module-level ``extract`` does the same with a cached
``Extractor``::

    from bot.extraction import Extractor
    from bot.reference import load_reference

    extractor = Extractor(load_reference())
    result = extractor.extract(text, published=None, source="https://www.skysports.com/...")
    result.to_json()  # the `extract --json` contract of DESIGN.md

The same sources also build into a compiled engine (mypyc, about 1.9x faster; setup.py):
``engine_build()`` says which one runs.

Pipeline (one module each):

- ``textutil``  cleaning (quotes, HTML, hard-wrapped lines), header date, sentences, tokens
- ``sources``   known outlets and journalists, credit phrases, publisher from the URL domain
- ``clubs``     names, aliases, nicknames ("the Blues" by context), grounds, places ("the
                Bergamo club"), descriptions ("the Serie A side"), partial names ("United")
- ``people``    name mentions, one entity per person (surname, typo, first name), roles
                (manager, director, agent, journalist) from reference data and context,
                descriptions ("the Dutch star", "the 27-year-old") resolved to the player
- ``roles``     what a club mention does in its sentence: current club, suitor, former club,
                opponent, seller, a manager's employer
- ``status``    status cues (interest ... done, denied, collapsed) with negation
- ``links``     clause-aware pairing of suitors with players, history filter, confidence
- ``money``     ``parse_money``: £/€/$, m/bn/k, words, ranges, two currencies, wage periods
- ``fees``      fee kind and the figures that are not one player's fee (budgets, pairs)
- ``engine``    the ``Extractor`` tying them together, topic carry-over between sentences,
                aggregation per (player, club) link, per-link sources

Conventions follow ``../shared/corpus/README.md``: a denial alone is not a link, managerial
moves are not links, background transfers from past seasons are not news, a figure quoted in
two currencies is one fee in the first currency written.
"""

from pathlib import Path

from bot.extraction import engine as _engine
from bot.extraction.engine import Extractor, extract
from bot.extraction.money import Money, parse_money
from bot.extraction.status import classify as classify_status

__all__ = ["Extractor", "Money", "classify_status", "engine_build", "extract", "parse_money"]


def engine_build() -> str:
    """'compiled' when the engine was built by mypyc (``RUMOUR_BOT_COMPILE=1``, see setup.py),
    'source' when its Python sources run."""
    return "source" if Path(_engine.__file__ or "").suffix == ".py" else "compiled"

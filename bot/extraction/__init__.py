"""Extraction engine: transfer article text in, rumours (links), fees, people and sources out.

Pure and deterministic: no Discord, no database. Build an ``Extractor`` once per reference
data set and call ``extract`` per article, or use the module-level ``extract`` helper.
"""

from bot.extraction.engine import Extractor, extract
from bot.extraction.money import Money, parse_money
from bot.extraction.status import classify as classify_status

__all__ = ["Extractor", "Money", "classify_status", "extract", "parse_money"]

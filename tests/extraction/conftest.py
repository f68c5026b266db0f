from __future__ import annotations

import pytest

from bot.extraction import Extractor
from bot.reference import ReferenceData, load_reference


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    return load_reference()


@pytest.fixture(scope="session")
def extractor(reference: ReferenceData) -> Extractor:
    return Extractor(reference, strict=True)

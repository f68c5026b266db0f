"""Output-equality guard for extraction speed work: snapshot ``Extraction.to_json()`` per article.

    .venv/bin/python benchmarks/check_extraction_snapshot.py write /tmp/extract_snapshot.json
    .venv/bin/python benchmarks/check_extraction_snapshot.py check /tmp/extract_snapshot.json

Articles: the seed files (raw, and parsed with their date and source), the shared corpus, the
held-out articles if present, the tests' written articles and every string literal in
tests/extraction, the synthetic articles of bench_extraction.py at several sizes, prefixes of
those cut at odd offsets, lower-cased copies, and seeded word salads. No article text is stored
in the repository; the snapshot goes to the path given on the command line (keep it outside).
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "extraction"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bot.articles import read_article  # noqa: E402
from bot.extraction import Extractor  # noqa: E402
from bot.reference import load_reference  # noqa: E402

SALAD_TEXT = (
    "Liverpool Chelsea the Blues the Reds bid £51m €22.5m (£19m) agreed medical talks "
    "Koopmeiners Teun Arne Slot boss manager according to via the 27-year-old the Dutch star "
    "Atalanta's Stuttgart centre-back rising to with add-ons -a-week , . ' \" ( ) - \n denied "
    "collapsed The Serie A side the Bergamo club Alonso's side fifty million pounds £30m-£35m "
    "2024 Date: <p> </p> <div> & &amp; Sky's Florian Plettenberg Arsenal want sign loan "
    "Juventus Napoli Bayern Munich Real Madrid Barcelona PSG done deal here we go rejected "
    "offer of €40m plus €5m in add-ons"
)
SALAD = SALAD_TEXT.split(" ")


def articles() -> list[tuple[str, str, dict[str, Any]]]:
    """(key, text, extract keyword arguments) for every article checked."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.append((f"seed-raw:{path.name}", path.read_text(encoding="utf-8"), {}))
        art = read_article(path)
        kwargs = {"published": art.published, "source": art.source}
        out.append((f"seed:{path.name}", art.text, kwargs))
    for folder in (
        Path("/work/shared/corpus/articles"),
        ROOT / "benchmarks" / "heldout" / "articles",
    ):
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            out.append((f"{folder.parent.name}:{path.name}", path.read_text(encoding="utf-8"), {}))
    from written_articles import CASES

    for case in CASES:
        out.append((f"case:{case.name}", case.text, {}))
    literals: set[str] = set()
    for path in sorted((ROOT / "tests" / "extraction").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and len(value) >= 12:
                literals.add(value)
    for i, text in enumerate(sorted(literals)):
        out.append((f"literal:{i}", text, {}))
    from bench_extraction import build_articles

    for size in (5000, 1500, 9000):
        for i, text in enumerate(build_articles(400 if size == 5000 else 60, size)):
            out.append((f"bench{size}:{i}", text, {}))
    rng = random.Random(20240501)
    base = [t for _, t, _ in out]
    for i in range(300):
        text = rng.choice(base)
        cut = rng.randrange(len(text) + 1)
        out.append((f"prefix:{i}", text[:cut], {}))
    for i in range(60):
        out.append((f"lower:{i}", rng.choice(base).lower(), {}))
        out.append((f"upper:{i}", rng.choice(base).upper(), {}))
    for i in range(300):
        words = [rng.choice(SALAD) for _ in range(rng.randrange(200))]
        out.append((f"salad:{i}", " ".join(words), {}))
    return out


def snapshot() -> dict[str, Any]:
    extractor = Extractor(load_reference(), strict=True)
    data: dict[str, Any] = {}
    for key, text, kwargs in articles():
        try:
            data[key] = extractor.extract(text, **kwargs).to_json()
        except Exception as exc:  # recorded, so a change in failures is a difference too
            data[key] = {"error": type(exc).__name__}
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("write", "check"))
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    data = snapshot()
    if args.mode == "write":
        args.path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0))
        print(f"wrote {len(data)} extractions to {args.path}")
        return 0
    want = json.loads(args.path.read_text())
    got = json.loads(json.dumps(data, ensure_ascii=False, sort_keys=True))
    diffs = [k for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)]
    for key in diffs[:20]:
        print(f"DIFF {key}\n  want {want.get(key)}\n  got  {got.get(key)}")
    print(f"{len(got)} extractions checked, {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

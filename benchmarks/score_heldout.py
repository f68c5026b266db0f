"""Score the extraction engine on a held-out set (default benchmarks/heldout).

    .venv/bin/python benchmarks/score_heldout.py [--set DIR] [--part all|odd|even]
        [--scorer PATH] [--keep DIR] [-q]

Runs the engine over every ``articles/NNN.txt`` of the held-out set, writes each prediction
(``Extraction.to_json()``) to a temporary folder as ``NNN.json`` and scores the folder against
``gold/`` with the shared corpus scorer (``<repo>/../shared/corpus/score.py``). Prints link and fee
precision/recall/F1, managers stored as players and, unless ``-q``, the per-article errors
(missed and extra links and fees). Says so and exits 0 when the scorer or the set is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import print_summary, run_scorer  # noqa: E402

from bot.articles import read_article  # noqa: E402
from bot.extraction import Extractor  # noqa: E402
from bot.reference import load_reference  # noqa: E402

HELDOUT = ROOT / "benchmarks" / "heldout"
SCORER = ROOT.parent / "shared" / "corpus" / "score.py"


def in_part(path: Path, part: str) -> bool:
    """``odd``/``even`` by article number: one half to study failures on, one kept unseen."""
    if part == "all":
        return True
    number = int("".join(ch for ch in path.stem if ch.isdigit()) or 0)
    return (number % 2 == 1) == (part == "odd")


def predict(articles: Path, out_dir: Path, part: str = "all") -> int:
    extractor = Extractor(load_reference())
    paths = [p for p in sorted(articles.glob("*.txt")) if in_part(p, part)]
    for path in paths:
        parsed = read_article(path)
        result = extractor.extract(parsed.text, published=parsed.published, source=parsed.source)
        (out_dir / f"{path.stem}.json").write_text(
            json.dumps(result.to_json(), indent=2, ensure_ascii=False), encoding="utf-8"
        )
    return len(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=HELDOUT, help="folder with articles/ and gold/")
    parser.add_argument("--scorer", type=Path, default=SCORER, help="path to the corpus score.py")
    parser.add_argument("--keep", type=Path, default=None, help="write predictions here")
    parser.add_argument(
        "--part",
        choices=("all", "odd", "even"),
        default="all",
        help="score only odd- or even-numbered articles (study one half, keep the other unseen)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="totals only, no per-article errors"
    )
    args = parser.parse_args(argv)

    articles, gold = args.set / "articles", args.set / "gold"
    if not args.scorer.is_file():
        print(
            f"scorer not found at {args.scorer} "
            "(expected <repo>/../shared/corpus/score.py); skipping"
        )
        return 0
    if not articles.is_dir() or not gold.is_dir():
        print(f"held-out set not found at {args.set} (needs articles/ and gold/); skipping")
        return 0

    out_dir = args.keep if args.keep else Path(tempfile.mkdtemp(prefix="rumour-heldout-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    count = predict(articles, out_dir, args.part)
    if args.part != "all":
        # the scorer reads every gold file: give it only this half's
        part_gold = Path(tempfile.mkdtemp(prefix="rumour-heldout-gold-"))
        for path in sorted(gold.glob("*.json")):
            if in_part(path, args.part):
                (part_gold / path.name).write_bytes(path.read_bytes())
        gold = part_gold
    elapsed = time.perf_counter() - started
    print(
        f"held-out: {count} articles from {args.set} in {elapsed * 1000:.0f} ms; "
        f"predictions in {out_dir}"
    )
    print(f"scorer: {args.scorer}")

    summary, lines, errors = run_scorer(args.scorer, out_dir, gold)
    if summary is None:
        print("could not read the scorer's summary; raw output follows")
        print("\n".join(lines))
        print(errors)
        return 0
    print_summary(summary)
    if not args.quiet:
        # The scorer's own report: managers-as-players examples, per-file missed/spurious items.
        detail = [ln for ln in lines if not ln.startswith(("gold files:", "links:", "fees:"))]
        detail = [ln for ln in detail if not ln.startswith("managers_as_players:")]
        if any(ln.strip() for ln in detail):
            print()
            print("\n".join(detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())

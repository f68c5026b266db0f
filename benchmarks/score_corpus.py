"""Score the extraction engine on the labelled corpus in ../shared/corpus and on the seeds.

    .venv/bin/python benchmarks/score_corpus.py [--corpus DIR] [--seeds DIR] [--keep DIR] [-v]

Runs the engine over every corpus article, writes predictions in the ``extract --json`` shape to
a temporary folder, runs the corpus's own ``score.py`` on them (link P/R/F1, fee F1, managers
stored as players) and checks the three seed articles against ``seeds/expected.json``.
Says so and exits 0 when a folder is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import print_summary, run_scorer  # noqa: E402

from bot.articles import read_article  # noqa: E402
from bot.extraction import Extractor  # noqa: E402
from bot.reference import load_reference  # noqa: E402

SHARED = ROOT.parent / "shared"


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def score_corpus(extractor: Extractor, corpus: Path, keep: Path | None, verbose: bool) -> int:
    articles = corpus / "articles"
    gold = corpus / "gold"
    scorer = corpus / "score.py"
    if not articles.is_dir() or not gold.is_dir() or not scorer.is_file():
        print(f"corpus not found at {corpus} (needs articles/, gold/, score.py); skipping")
        return 0
    out_dir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="rumour-pred-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = sorted(articles.glob("*.txt"))
    started = time.perf_counter()
    for path in paths:
        article = read_article(path)
        result = extractor.extract(article.text, published=article.published, source=article.source)
        (out_dir / f"{path.stem}.json").write_text(
            json.dumps(result.to_json(), indent=2, ensure_ascii=False), encoding="utf-8"
        )
    elapsed = time.perf_counter() - started
    print(
        f"corpus: {len(paths)} articles from {corpus} in {elapsed * 1000:.0f} ms; "
        f"predictions in {out_dir}"
    )
    summary, report, errors = run_scorer(scorer, out_dir, gold)
    if verbose:
        print("\n".join(report))
    if summary is None:
        print("\n".join(report))
        print(errors)
        return 1
    print_summary(summary)
    return 0


def score_seeds(extractor: Extractor, seeds: Path) -> int:
    expected_path = seeds / "expected.json"
    if not expected_path.is_file():
        print(f"seeds not found at {seeds}; skipping")
        return 0
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    problems = 0
    for name, facts in expected.items():
        if name.startswith("_"):
            continue
        path = seeds / name
        if not path.is_file():
            print(f"  {name}: missing")
            problems += 1
            continue
        article = read_article(path)
        result = extractor.extract(
            article.text, published=article.published, source=article.source
        ).to_json()
        got_links = {(_norm(lk["player"]), _norm(lk["to_club"])) for lk in result["links"]}
        want_links = {(_norm(lk["player"]), _norm(lk["to_club"])) for lk in facts["links"]}
        from_ok = all(
            any(
                _norm(g["player"]) == _norm(w["player"])
                and _norm(g["to_club"]) == _norm(w["to_club"])
                and _norm(g["from_club"]) == _norm(w.get("from_club"))
                for g in result["links"]
            )
            for w in facts["links"]
        )
        got_fees = {(_norm(f["player"]), f["amount"], f["currency"]) for f in result["fees"]}
        want_fees = {(_norm(f["player"]), f["amount"], f["currency"]) for f in facts["fees"]}
        players = {_norm(p["name"]) for p in result["players"]} | {p for p, _c in got_links}
        bad_people = [p for p in facts["not_players"] if _norm(p) in players]
        missing, extra = want_links - got_links, got_links - want_links
        fee_missing, fee_extra = want_fees - got_fees, got_fees - want_fees
        date_ok = result["published"] == facts["published"]
        ok = (
            not (missing or extra or fee_missing or fee_extra or bad_people)
            and from_ok
            and (date_ok)
        )
        problems += 0 if ok else 1
        print(
            f"  {name}: {'OK' if ok else 'FAIL'} links {len(want_links - missing)}/"
            f"{len(want_links)}, extra {len(extra)}, fees {len(want_fees - fee_missing)}/"
            f"{len(want_fees)}, extra fees {len(fee_extra)}, managers as players "
            f"{len(bad_people)}, from_club {'ok' if from_ok else 'WRONG'}, "
            f"date {'ok' if date_ok else 'WRONG'}"
        )
        for item in sorted(missing):
            print(f"      missing link {item}")
        for item in sorted(extra):
            print(f"      extra link {item}")
        for item in sorted(fee_missing | fee_extra):
            print(f"      fee mismatch {item}")
    print(f"seeds: {len(expected) - 1 - problems}/{len(expected) - 1} articles fully right")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--keep", type=Path, default=None, help="write predictions here")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-file misses")
    args = parser.parse_args(argv)
    extractor = Extractor(load_reference())
    score_corpus(extractor, args.corpus, args.keep, args.verbose)
    score_seeds(extractor, args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extraction speed: articles per second on one core for ~5 kB articles.

    .venv/bin/python benchmarks/bench_extraction.py [--articles N] [--size BYTES] [--engine E]

Both builds of the engine are measured by default (``--engine both``): the Python sources of
this checkout (``here``) and the same sources compiled by mypyc (``compiled``: built, or reused,
by ``benchmarks/compiled.py`` in ``build/mypyc/`` and measured there in a subprocess). The
target is judged on the compiled build, which is what production images run (Dockerfile).

Synthetic articles are built by concatenating the project's own seed articles and the short
reports written for the tests (tests/extraction/written_articles.py), rotated so that each is
different, and cut at a paragraph boundary near the target size. One Extractor is built once
(reference data compiled once) and called for every article in this single process.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "extraction"))

from bot.articles import read_article  # noqa: E402
from bot.extraction import Extractor, engine_build  # noqa: E402
from bot.reference import load_reference  # noqa: E402


def source_paragraphs() -> list[str]:
    from written_articles import CASES

    paragraphs: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs.extend(p for p in read_article(path).text.split("\n\n") if p.strip())
    for case in CASES:
        body = case.text.split("\n\n", 1)[1] if case.text.startswith("Date:") else case.text
        paragraphs.extend(p for p in body.split("\n\n") if p.strip())
    return paragraphs


def build_articles(count: int, size: int) -> list[str]:
    paragraphs = source_paragraphs()
    articles: list[str] = []
    for index in range(count):
        parts: list[str] = []
        length = 0
        k = index * 7
        while length < size:
            paragraph = paragraphs[k % len(paragraphs)]
            parts.append(paragraph)
            length += len(paragraph.encode("utf-8")) + 2
            k += 3
        articles.append("\n\n".join(parts))
    return articles


def seed_pairs() -> list[str]:
    """~5 kB articles of ordinary density: two of the project's seed articles back to back."""
    seeds = [read_article(p).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [seeds[i % len(seeds)] + "\n\n" + seeds[(i + 1) % len(seeds)] for i in range(3)]


def rate(extractor: Extractor, articles: list[str], rounds: int) -> list[float]:
    rates: list[float] = []
    for _ in range(rounds):
        t0 = time.process_time()
        for article in articles:
            extractor.extract(article)
        rates.append(len(articles) / (time.process_time() - t0))
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--size", type=int, default=5000, help="bytes per article")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--engine",
        choices=("both", "here", "compiled"),
        default="both",
        help="here: the engine this checkout imports; compiled: the mypyc build",
    )
    args = parser.parse_args(argv)
    if args.engine in ("both", "here"):
        here = measure(args)
        print()
    if args.engine == "here":
        return 0
    from compiled import build

    tree = build()
    command = [sys.executable, "benchmarks/bench_extraction.py", "--engine", "here"]
    command += ["--articles", str(args.articles), "--size", str(args.size)]
    command += ["--rounds", str(args.rounds)]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the compiled build's benchmark failed:\n{done.stderr}")
    print(done.stdout, end="")
    compiled = float(done.stdout.rsplit("MEDIAN ", 1)[1].split()[0])
    if args.engine == "both":
        print(f"\ncompiled / source: {compiled / here:.2f}x")
    verdict = "met" if compiled >= 200 else "NOT met"
    print(f"target >= 200 articles/s (compiled build, as deployed): {verdict}")
    return 0


def measure(args: argparse.Namespace) -> float:
    """Median articles/s of the engine this process imports; prints the figures."""
    started = time.perf_counter()
    extractor = Extractor(load_reference())
    build_ms = (time.perf_counter() - started) * 1000
    # as the bot does once it has started (bot/app.py, setup_hook): objects that live for the
    # whole run (the reference data, the compiled tables) leave the collector's generations
    gc.freeze()
    articles = build_articles(args.articles, args.size)
    mean_kb = statistics.mean(len(a.encode("utf-8")) for a in articles) / 1000
    for article in articles[:20]:  # warm caches
        extractor.extract(article)
    rates: list[float] = []
    links = fees = 0
    for _ in range(args.rounds):
        t0 = time.process_time()
        links = fees = 0
        for article in articles:
            result = extractor.extract(article)
            links += len(result.links)
            fees += len(result.fees)
        rates.append(len(articles) / (time.process_time() - t0))
    best, median = max(rates), statistics.median(rates)
    print(f"engine: {engine_build()} ({Path(__file__).resolve().parent.parent})")
    print(f"extractor built in {build_ms:.0f} ms (reference data compiled once)")
    print(
        f"{len(articles)} articles, mean {mean_kb:.1f} kB, {links} links and {fees} fees per round"
    )
    print(
        f"speed (CPU time, one core): median {median:.0f} articles/s, best {best:.0f} "
        f"articles/s, {1000 / median:.2f} ms per article"
    )
    pairs = seed_pairs() * max(1, args.articles // 3)
    pair_rates = rate(extractor, pairs, args.rounds)
    pair_kb = statistics.mean(len(a.encode("utf-8")) for a in pairs) / 1000
    print(
        f"seed pairs ({pair_kb:.1f} kB, ordinary density): median "
        f"{statistics.median(pair_rates):.0f} articles/s"
    )
    print(f"MEDIAN {median:.1f} articles/s ({engine_build()})")
    return median


if __name__ == "__main__":
    sys.exit(main())

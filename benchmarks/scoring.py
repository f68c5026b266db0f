"""Shared by score_corpus.py and score_heldout.py: run the corpus scorer (stdlib-only
`score.py` from the shared corpus) on a folder of predictions and print its summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_scorer(scorer: Path, predictions: Path, gold: Path) -> tuple[dict[str, Any] | None,
                                                                      list[str], str]:
    """(summary or None, the scorer's report lines before the summary, stderr)."""
    proc = subprocess.run([sys.executable, str(scorer), str(predictions), str(gold), "--json"],
                          capture_output=True, text=True, check=False)
    lines = proc.stdout.strip().splitlines()
    summary = None
    if lines and lines[-1].startswith("{"):
        try:
            summary = json.loads(lines[-1])
        except ValueError:
            summary = None
    return summary, lines[:-1] if summary is not None else lines, proc.stderr


def print_summary(summary: dict[str, Any]) -> None:
    for label, key in (("links:", "links"), ("fees: ", "fees")):
        part = summary[key]
        print(f"{label} P={part['precision']:.3f} R={part['recall']:.3f} F1={part['f1']:.3f} "
              f"(tp={part['tp']} fp={part['fp']} fn={part['fn']})")
    print(f"managers stored as players: {summary['managers_as_players']}")

"""Benchmark of the fuzzy name index at 100k and 1M synthetic players.

    python benchmarks/bench_names.py [--sizes 100000 1000000] [--queries 4000] [--seed 7]

Synthetic players have realistic name shapes: given names and surnames from several football
nations (accents, ø/ß/ł/ı/æ, particles "van"/"de"/"dos", hyphenated double-barrels, one-word
Brazilian-style names), a heavy head of shared surnames (Silva, Santos, Müller, Johnson...) and a
long tail of generated ones; a few percent are discussed (mentions, last seen).

Per size it prints build time, index memory (RSS growth while building; tracemalloc with
``--tracemalloc``), p50/p99/max latency of per-keystroke ``autocomplete`` calls (every prefix of
typed names, with and without typos) and of ``resolve`` on finished queries, the hit rate of the
intended player, and once the naive ``process.extract(query, names, scorer=WRatio, limit=25)`` on
100k names for comparison. Ends with PASS/FAIL against the targets of the issue.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.names import Ambiguous, NameIndex, NameRecord

TARGETS = {100_000: (5.0, None), 1_000_000: (30.0, 200.0)}  # p99 ms, memory MB

GIVEN = [
    "James",
    "John",
    "Harry",
    "Jack",
    "Oliver",
    "George",
    "Thomas",
    "Daniel",
    "Joshua",
    "Ryan",
    "Callum",
    "Jordan",
    "Kieran",
    "Marcus",
    "Mason",
    "Declan",
    "Reece",
    "Conor",
    "Liam",
    "Sean",
    "Aaron",
    "Ben",
    "Luke",
    "Jamie",
    "Kyle",
    "Kevin",
    "Phil",
    "Jude",
    "Cole",
    "Bukayo",
    "Raheem",
    "Trent",
    "José",
    "João",
    "Luís",
    "Pedro",
    "Bruno",
    "Diogo",
    "Rúben",
    "André",
    "Gonçalo",
    "Rafael",
    "Tiago",
    "Nuno",
    "Bernardo",
    "Vitor",
    "Fábio",
    "Renato",
    "Carlos",
    "Juan",
    "Sergio",
    "Álvaro",
    "Iñaki",
    "Íñigo",
    "Pablo",
    "Marcos",
    "Dani",
    "Rodrigo",
    "Alejandro",
    "Fernando",
    "Javier",
    "Ángel",
    "Gabriel",
    "Lucas",
    "Mateus",
    "Matheus",
    "Vinícius",
    "Thiago",
    "Felipe",
    "Gustavo",
    "Leonardo",
    "Éder",
    "Douglas",
    "Willian",
    "Rodrygo",
    "Kylian",
    "Ousmane",
    "Antoine",
    "Aurélien",
    "Théo",
    "Lucas",
    "Hugo",
    "Benjamin",
    "Jules",
    "Mattéo",
    "Rayan",
    "Youssouf",
    "Adrien",
    "Raphaël",
    "Thomas",
    "Manuel",
    "Leon",
    "Jamal",
    "Florian",
    "Kai",
    "Timo",
    "Niklas",
    "Joshua",
    "Leroy",
    "Jonas",
    "Lukas",
    "Maximilian",
    "Julian",
    "Serge",
    "Virgil",
    "Frenkie",
    "Matthijs",
    "Memphis",
    "Denzel",
    "Cody",
    "Xavi",
    "Micky",
    "Jurriën",
    "Ryan",
    "Teun",
    "Luuk",
    "Stefan",
    "Donny",
    "Justin",
    "Federico",
    "Lorenzo",
    "Nicolò",
    "Alessandro",
    "Sandro",
    "Gianluigi",
    "Davide",
    "Giacomo",
    "Matteo",
    "Mattia",
    "Ciro",
    "Riccardo",
    "Erling",
    "Martin",
    "Rasmus",
    "Kasper",
    "Christian",
    "Pierre-Emile",
    "Viktor",
    "Alexander",
    "Simon",
    "Andreas",
    "Emil",
    "Sander",
    "Robert",
    "Łukasz",
    "Wojciech",
    "Piotr",
    "Jakub",
    "Krzysztof",
    "Arkadiusz",
    "Mateusz",
    "Kamil",
    "Przemysław",
    "Kerem",
    "Arda",
    "Hakan",
    "Çağlar",
    "Kenan",
    "Ferdi",
    "Orkun",
    "Barış",
    "Altay",
    "Uğur",
    "Merih",
    "İlkay",
    "Cengiz",
    "Mohamed",
    "Sadio",
    "Achraf",
    "Hakim",
    "Yassine",
    "Victor",
    "Wilfred",
    "Ademola",
    "Alex",
    "Samuel",
    "Kalidou",
    "Thomas",
    "Emmanuel",
    "Son",
    "Kaoru",
    "Takumi",
    "Takehiro",
    "Ritsu",
    "Daichi",
    "Kim",
    "Lee",
    "Hwang",
    "Wataru",
    "Junya",
    "Hidemasa",
    "Luka",
    "Joško",
    "Mateo",
    "Dušan",
    "Aleksandar",
    "Dejan",
    "Ivan",
    "Marko",
    "Nikola",
    "Josip",
    "Dominik",
    "Milan",
    "Sergej",
]

SURNAMES = [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Pereira",
    "Costa",
    "Rodrigues",
    "Fernandes",
    "Gomes",
    "Martins",
    "Lopes",
    "Almeida",
    "Ribeiro",
    "Carvalho",
    "Alves",
    "Araújo",
    "Sousa",
    "Barbosa",
    "Cardoso",
    "Moreira",
    "Mendes",
    "Nunes",
    "Dias",
    "Teixeira",
    "Correia",
    "García",
    "Fernández",
    "González",
    "Rodríguez",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Hernández",
    "Díaz",
    "Moreno",
    "Álvarez",
    "Romero",
    "Torres",
    "Navarro",
    "Ruiz",
    "Ramírez",
    "Jiménez",
    "Vázquez",
    "Castro",
    "Ortega",
    "Rubio",
    "Molina",
    "Delgado",
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Lewis",
    "Martin",
    "Jackson",
    "Clarke",
    "Clark",
    "Turner",
    "Hill",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "Costa",
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Kjær",
    "Johansson",
    "Andersson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Berg",
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
    "Szymański",
    "Woźniak",
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Yıldırım",
    "Öztürk",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Diallo",
    "Traoré",
    "Koné",
    "Touré",
    "Diop",
    "Ndiaye",
    "Camara",
    "Cissé",
    "Keita",
    "Sow",
    "Mensah",
    "Owusu",
    "Boateng",
    "Osei",
    "Okafor",
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Suzuki",
    "Tanaka",
    "Watanabe",
    "Ito",
    "Yamamoto",
    "Nakamura",
    "Jovanović",
    "Petrović",
    "Nikolić",
    "Marković",
    "Đorđević",
    "Stojanović",
    "Ilić",
    "Kovačević",
    "Horvat",
    "Babić",
    "Modrić",
]

PARTICLE_SURNAMES = [
    "van|Dijk",
    "van|Persie",
    "de|Jong",
    "de|Ligt",
    "van|Gaal",
    "de|Vrij",
    "van|Aanholt",
    "van|Hecke",
    "de|Roon",
    "van|Bronckhorst",
    "ter|Stegen",
    "van|den|Berg",
    "van|der|Sar",
    "dos|Santos",
    "da|Silva",
    "de|Souza",
    "da|Costa",
    "de|Paul",
    "di|Maria",
    "de|Bruyne",
    "van|de|Ven",
    "Mac|Allister",
    "de|la|Fuente",
    "del|Bosque",
]

ONSETS = [
    "b",
    "br",
    "c",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "sch",
    "sh",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
    "zl",
    "kv",
    "sz",
]
NUCLEI = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ie", "oo", "aa", "é", "ö", "ü", "ø"]
ENDINGS = [
    "son",
    "sen",
    "ović",
    "ić",
    "ski",
    "ska",
    "ez",
    "es",
    "ini",
    "elli",
    "etti",
    "oğlu",
    "ov",
    "ev",
    "escu",
    "ard",
    "ier",
    "mann",
    "berg",
    "stein",
    "ers",
    "inho",
    "ão",
    "eiro",
    "ola",
    "olu",
    "ani",
    "ando",
]


@dataclass
class Typed:
    entity_id: int
    text: str  # what the fan ends up typing


def zipf_choice(rng: random.Random, items: list[str], weights: list[float]) -> str:
    return rng.choices(items, weights)[0]


def make_surname(rng: random.Random) -> str:
    parts = [rng.choice(ONSETS) + rng.choice(NUCLEI) for _ in range(rng.choice((1, 1, 2)))]
    return ("".join(parts) + rng.choice(ENDINGS)).capitalize()


def synthetic_players(size: int, seed: int, wanted: set[int]) -> Iterator[tuple[NameRecord, bool]]:
    rng = random.Random(seed)
    head_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(SURNAMES))]
    given_weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(GIVEN))]
    now = datetime(2025, 6, 1, tzinfo=UTC)
    tail = [make_surname(rng) for _ in range(max(2000, size // 12))]
    clubs = [f"{make_surname(rng)} {rng.choice(['FC', 'United', 'City', 'SC', 'Athletic'])}"
             for _ in range(800)]  # fmt: skip
    for entity_id in range(1, size + 1):
        roll = rng.random()
        given = zipf_choice(rng, GIVEN, given_weights)
        if roll < 0.03:
            name = make_surname(rng) + rng.choice(["inho", "ão", "o", "a"])  # mononym
        elif roll < 0.08:
            name = f"{given} {rng.choice(PARTICLE_SURNAMES).replace('|', ' ')}"
        elif roll < 0.11:
            name = f"{given} {rng.choice(SURNAMES)}-{rng.choice(SURNAMES)}"
        elif roll < 0.55:
            name = f"{given} {zipf_choice(rng, SURNAMES, head_weights)}"
        elif roll < 0.60:
            name = f"{given} {rng.choice(GIVEN)} {rng.choice(tail)}"
        else:
            name = f"{given} {rng.choice(tail)}"
        discussed = rng.random() < 0.05
        record = NameRecord(
            entity_id,
            name,
            (name.split()[-1] + " " + str(entity_id % 97),) if rng.random() < 0.01 else (),
            rng.choice(clubs),
            now - timedelta(days=rng.randrange(720)) if discussed else None,
            int(rng.paretovariate(1.2)) if discussed else 0,
        )
        yield record, entity_id in wanted


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    match rng.randrange(4):
        case 0:
            return word[:i] + word[i + 1 :]
        case 1:
            return word[:i] + rng.choice("aeiourstn") + word[i:]
        case 2:
            return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]
        case _:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def typed_queries(rng: random.Random, targets: dict[int, str]) -> list[Typed]:
    out = []
    for entity_id, name in targets.items():
        words = name.split()
        style = rng.random()
        if style < 0.45 or len(words) == 1:
            text = name  # full name
        elif style < 0.75:
            text = words[-1]  # surname only
        else:
            text = " ".join(words[:-1]) + " " + typo(rng, words[-1])  # full name, typo
        out.append(Typed(entity_id, text.lower() if rng.random() < 0.5 else text))
    return out


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_size(size: int, queries: int, seed: int, use_tracemalloc: bool) -> dict[str, float]:
    rng = random.Random(seed + size)
    wanted = set(rng.sample(range(1, size + 1), queries))
    targets: dict[int, str] = {}
    gc.collect()
    if use_tracemalloc:
        tracemalloc.start()
    before = rss_mb()
    start = time.perf_counter()
    index = NameIndex(kind="player")
    for record, keep in synthetic_players(size, seed, wanted):
        index.add(
            record.entity_id,
            record.name,
            record.aliases,
            label_suffix=record.label_suffix,
            last_seen=record.last_seen,
            mentions=record.mentions,
        )
        if keep:
            targets[record.entity_id] = record.name
    build = time.perf_counter() - start
    index.search("warm up")  # sorts the vocabulary once
    gc.collect()
    memory = rss_mb() - before
    structural = index.memory_usage() / 1e6
    traced = tracemalloc.get_traced_memory()[0] / 1e6 if use_tracemalloc else float("nan")
    if use_tracemalloc:
        tracemalloc.stop()

    typed = typed_queries(rng, targets)
    keystrokes: list[float] = []
    resolves: list[float] = []
    found_top25 = found_full = full_queries = 0
    for item in typed:
        for end in range(1, len(item.text) + 1):
            started = time.perf_counter_ns()
            choices = index.autocomplete(item.text[:end])
            keystrokes.append((time.perf_counter_ns() - started) / 1e6)
        if str(item.entity_id) in {value for _, value in choices}:
            found_top25 += 1
        started = time.perf_counter_ns()
        result = index.resolve(item.text)
        resolves.append((time.perf_counter_ns() - started) / 1e6)
        if " " in item.text:
            full_queries += 1
            candidates = getattr(result, "candidates", None) or [getattr(result, "candidate", None)]
            offered = {c.entity_id for c in candidates if c is not None}
            namesakes = {c.name for c in candidates if c is not None} == {targets[item.entity_id]}
            # namesakes: 40 "James Silva"s are indistinguishable by name, any 25 of them will do
            if item.entity_id in offered or (isinstance(result, Ambiguous) and namesakes):
                found_full += 1
    stats = {
        "size": size,
        "build_s": build,
        "rss_mb": memory,
        "struct_mb": structural,
        "traced_mb": traced,
        "vocabulary": len(index._tok_strs),
        "keystrokes": len(keystrokes),
        "p50": statistics.median(keystrokes),
        "p99": percentile(keystrokes, 0.99),
        "max": max(keystrokes),
        "resolve_p50": statistics.median(resolves),
        "resolve_p99": percentile(resolves, 0.99),
        "hit25": found_top25 / len(typed),
        "hit_full": found_full / max(full_queries, 1),
    }
    del index
    gc.collect()
    return stats


def baseline(seed: int, count: int = 30) -> tuple[float, float]:
    from rapidfuzz import process
    from rapidfuzz.fuzz import WRatio

    rng = random.Random(seed)
    names = [record.name for record, _ in synthetic_players(100_000, seed, set())]
    sample = rng.sample(names, count)
    times = []
    for name in sample:
        query = name.split()[-1][: rng.randrange(3, 9)]
        started = time.perf_counter_ns()
        process.extract(query, names, scorer=WRatio, limit=25)
        times.append((time.perf_counter_ns() - started) / 1e6)
    return statistics.median(times), percentile(times, 0.99)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=3000, help="typed names per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace allocations")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)

    ok = True
    results = []
    for size in args.sizes:
        results.append(bench_size(size, min(args.queries, size), args.seed, args.tracemalloc))
    base: tuple[float, float] | None = None
    if not args.no_baseline:  # last, so that its freed memory cannot hide the index's growth
        base = baseline(args.seed)
        print(f"naive process.extract(WRatio, limit=25) over 100k names: "
              f"p50 {base[0]:.1f} ms, p99 {base[1]:.1f} ms")  # fmt: skip
    for s in results:
        size = int(s["size"])
        print(
            f"\n{size:>9,} players  vocabulary {s['vocabulary']:,} tokens"
            f"  build {s['build_s']:.1f} s"
            f"  memory {s['struct_mb']:.0f} MB counted, {s['rss_mb']:.0f} MB RSS growth"
            + (f" ({s['traced_mb']:.0f} MB traced)" if args.tracemalloc else "")
        )
        print(
            f"  autocomplete per keystroke ({s['keystrokes']:,} calls): p50 {s['p50']:.2f} ms"
            f"  p99 {s['p99']:.2f} ms  max {s['max']:.1f} ms"
        )
        print(f"  resolve on the finished query: p50 {s['resolve_p50']:.2f} ms"
              f"  p99 {s['resolve_p99']:.2f} ms")  # fmt: skip
        print(f"  intended player in the 25 choices after the last keystroke: {s['hit25']:.1%};"
              f" offered/resolved for multi-word queries: {s['hit_full']:.1%}")  # fmt: skip
        if base and size == 100_000:
            print(
                f"  speed-up vs naive p50: x{base[0] / s['p50']:.0f},"
                f" p99: x{base[1] / s['p99']:.0f}"
            )
        target = TARGETS.get(size)
        if target:
            p99_ok = s["p99"] <= target[0]
            mem_ok = target[1] is None or max(s["rss_mb"], s["struct_mb"]) <= target[1]
            verdict = "PASS" if p99_ok and mem_ok else "FAIL"
            ok = ok and p99_ok and mem_ok
            limits = f"p99 ≤ {target[0]:g} ms" + (
                f", memory ≤ {target[1]:g} MB" if target[1] else ""
            )
            print(f"  {verdict} ({limits})")
    print("\nOVERALL", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Time and memory of `newsents.parse` on hostile texts: does every stage stay
linear in time and bounded in memory whatever the text looks like?

Each shape is built at 1 MB and 10 MB and parsed in a fresh subprocess, so
the peak resident memory (`ru_maxrss` of the child, which includes Python
and the text itself) belongs to that one input. The table gives seconds at
1 MB and at 10 MB, the 10 MB / 1 MB time ratio (10 for a linear stage; the
goal is at most 12) and the peak memory of the 10 MB run (goal: under
500 MB). The single unbroken line is built once, at 50 MB, for its memory
and time only.

    python bench/bench_hostile.py                 # every shape
    python bench/bench_hostile.py --shape long_line
    python bench/bench_hostile.py --small         # 100 KB and 1 MB (and a 5 MB line): a quick check
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

MB = 1_000_000


def repeat_to(unit: str, size: int, paragraph_every: int = 0) -> str:
    """`unit` repeated until the text has `size` characters, with a blank line
    after every `paragraph_every` units (never, when 0)."""
    parts, length, count = [], 0, 0
    while length < size:
        parts.append(unit)
        length += len(unit)
        count += 1
        if paragraph_every and count % paragraph_every == 0:
            parts.append("\n\n")
            length += 2
    return "".join(parts)


def straight_quotes(size: int) -> str:
    return repeat_to('"We will not back down," Smith said. "Never." ', size, 6)


def curly_quotes(size: int) -> str:
    return repeat_to("\u201cWe will not back down,\u201d Smith said. \u201cNever.\u201d ", size, 6)


def unbalanced_quotes(size: int) -> str:
    return repeat_to('He said "the talks \u201cwill go on and she \u2018left. "Then ', size, 8)


def long_line(size: int) -> str:
    return repeat_to("The minister said the plan would work in Moscow. ", size)


def nested_brackets(size: int) -> str:
    opening = "(Smith said [that {"
    depth = size // (2 * len(opening))
    lines = [opening * 4 + "\n" for _ in range(depth // 4)]
    return "".join(lines) + "word" + ("}]) " * 4 + "\n") * (depth // 4)


def repeated_name(size: int) -> str:
    names = ["Vladimir Putin said. ", "Mr. Putin met Angela Merkel in Berlin. ", "Putin's aides agreed. "]
    return repeat_to("".join(names), size, 4)


def one_word_lines(size: int) -> str:
    return repeat_to("Putin\n", size)


def capitalised_runs(size: int) -> str:
    run = " ".join(["The", "Federal", "Ministry", "Of", "Foreign", "Affairs", "Berlin", "Reuters"] * 500)
    return repeat_to(run + " ", size, 4)


def numbers_and_dates(size: int) -> str:
    unit = ("On 12 March 2024, 3/4/2025 and 2025-05-12T17:08:00Z the fund paid $1,234,567,890.12 "
            "and " + "9" * 400 + " euros, 45.5% up, 10-12 km away, at 4:30 p.m. on Tuesday. ")
    return repeat_to(unit, size, 5)


SHAPES = {
    "straight_quotes": straight_quotes,
    "curly_quotes": curly_quotes,
    "unbalanced_quotes": unbalanced_quotes,
    "long_line": long_line,
    "nested_brackets": nested_brackets,
    "repeated_name": repeated_name,
    "one_word_lines": one_word_lines,
    "capitalised_runs": capitalised_runs,
    "numbers_and_dates": numbers_and_dates,
}
ONE_SIZE = {"long_line"}


def child(shape: str, size: int) -> None:
    """Builds and parses one text in this process; prints seconds and peak MB."""
    import resource
    import time

    import newsents

    newsents.parse("Warm up: the tagger loads here, not in the timed parse.")
    text = SHAPES[shape](size)
    start = time.perf_counter()
    article = newsents.parse(text)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "errors": len(article.errors)}))


def measure(shape: str, size: int) -> dict:
    run = subprocess.run([sys.executable, __file__, "--child", shape, str(size)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{shape} at {size} characters failed:\n{run.stderr}")
    return json.loads(run.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), help="run this shape only")
    parser.add_argument("--small", action="store_true", help="100 KB and 1 MB, a 5 MB line")
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    small, large, line = (MB // 10, MB, 5 * MB) if args.small else (MB, 10 * MB, 50 * MB)
    print(f"{'shape':<20}{'s @ small':>10}{'s @ large':>10}{'ratio':>8}{'peak MB':>9}   "
          f"(small {small // 1000} KB, large {large // 1000} KB, one line {line // MB} MB)")
    for shape in [args.shape] if args.shape else SHAPES:
        if shape in ONE_SIZE:
            big = measure(shape, line)
            print(f"{shape:<20}{'':>10}{big['seconds']:>10.2f}{'':>8}{big['peak_mb']:>9.0f}", flush=True)
            continue
        little, big = measure(shape, small), measure(shape, large)
        ratio = big["seconds"] / max(little["seconds"], 1e-9)
        print(f"{shape:<20}{little['seconds']:>10.2f}{big['seconds']:>10.2f}{ratio:>8.1f}{big['peak_mb']:>9.0f}",
              flush=True)


if __name__ == "__main__":
    main()

"""Time skratch against scikit-learn (or PyTorch) on the same data, in the same run.

Usage (from the repository root)::

    make bench                                  # every benchmark, full sizes
    .venv/bin/python benchmarks/run.py linear_model tree   # some families only
    .venv/bin/python benchmarks/run.py --quick  # tiny sizes, one run: checks they work

Each ``benchmarks/bench_<family>.py`` defines ``CASES``, a list of ``cases.Case``. A case
prepares both sides on data of a given size and returns two functions that do the timed
work (a fit, a predict, one epoch, ...). Every function runs ``--repeat`` times, the
median time counts, and the table shows the ratio skratch / reference: below 1 means
skratch is faster. Timings depend on the machine and on what else it is doing; the ratio,
measured in the same run on the same data, is the number to read. These are measurements,
not tests: nothing here fails when a ratio misses its target (the table marks it).
"""

import argparse
import importlib
import statistics
import sys
import time
import warnings
from pathlib import Path

# Run as a script, so this folder is on sys.path and the bench_*.py modules import directly.
HERE = Path(__file__).resolve().parent


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_case(case, n_samples, repeat):
    """Return (skratch seconds, reference seconds) for one case at one size."""
    with warnings.catch_warnings():
        # Iterative solvers may warn about convergence at a fixed budget; both sides
        # get the same budget, so the warning says nothing about the comparison.
        warnings.simplefilter("ignore")
        ours, theirs = case.setup(n_samples)
        ours(), theirs()  # warm-up: imports, caches, first-call allocations
        return median_time(ours, repeat), median_time(theirs, repeat)


def load_cases(families):
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if families:
        unknown = set(families) - {m.removeprefix("bench_") for m in modules}
        if unknown:
            raise SystemExit(f"No benchmarks/bench_<family>.py for {sorted(unknown)}; have {modules}")
        modules = [m for m in modules if m.removeprefix("bench_") in families]
    return [(m.removeprefix("bench_"), importlib.import_module(m).CASES) for m in modules]


def fmt_ms(seconds):
    return f"{seconds * 1e3:,.1f}" if seconds < 10 else f"{seconds:,.1f} s"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="only these families (bench_<family>.py)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median); default 5")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run each: check the benchmarks work")
    args = parser.parse_args(argv)

    print("| family | what | n_samples | skratch (ms) | reference (ms) | ratio | target |")
    print("|---|---|---:|---:|---:|---:|---|")
    for family, cases in load_cases(args.families):
        for case in cases:
            sizes = (case.quick_size,) if args.quick else case.sizes
            repeat = 1 if args.quick else (case.repeat or args.repeat)
            for i, n in enumerate(sizes):
                ours, theirs = run_case(case, n, repeat)
                ratio = ours / theirs
                target = ""
                if case.target is not None and i == len(sizes) - 1 and not args.quick:
                    target = f"<= {case.target:g}x " + ("met" if ratio <= case.target else "MISSED")
                label = f"{case.name} vs {case.reference}" + (f" ({case.notes})" if case.notes else "")
                print(f"| {family} | {label} | {n:,} | {fmt_ms(ours)} | {fmt_ms(theirs)} | {ratio:.3g} | {target} |",
                      flush=True)


if __name__ == "__main__":
    main()

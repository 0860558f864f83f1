"""berth doctor's speed and memory on Django's own installed source tree, in one run.

Each command runs as its own process, timed from start to exit (best and median of several
runs), on the same files: the *floor* is a plain ``ast.parse`` of every ``.py`` file in one
process; the *anchors* are ``ruff check --select DJ``, django-upgrade and bandit (when
installed). The doctor runs with every rule, cold (no cache, every core), warm (unchanged tree,
from the content-hash cache in a private cache folder), and its engine alone warm (no CLI
start-up). Every command runs in the tree's folder, so the CLI and the engine name files alike
and share one cache. Peak RSS is the largest of the doctor's processes and the sum over its
process tree, sampled every 5 ms; CPU is user + system seconds of the whole tree (the median
run's), which a busy machine inflates less than wall time. The load average is printed before
and after: on a shared machine it says how much the other work took.

    .venv/bin/python bench/doctor_speed.py [--runs 5] [--quick]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django
import psutil

TREE = Path(django.__file__).resolve().parent
BIN = Path(sys.executable).parent
FLOOR = """
import ast, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):
    try:
        ast.parse(path.read_bytes())
    except SyntaxError:
        pass
"""


RUNS = 5


def timed(
    command: list[str], env: dict[str, str], *, check: bool = False
) -> tuple[float, float, float, float, float]:
    """(best s, median s, CPU s of the median run, peak RSS of the largest process, peak RSS
    summed over the tree), the sizes in MB. ``check``: a non-zero exit stops the benchmark
    (the anchors exit 1 when they find something, which is not a failure)."""
    runs: list[tuple[float, float]] = []
    peak_one, peak_sum = 0.0, 0.0
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = psutil.Popen(
            command, cwd=TREE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        while process.poll() is None:
            try:
                tree = [process, *process.children(recursive=True)]
                sizes = [p.memory_info().rss for p in tree]
            except psutil.Error:
                sizes = []
            if sizes:
                peak_one = max(peak_one, max(sizes) / 2**20)
                peak_sum = max(peak_sum, sum(sizes) / 2**20)
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        if check and process.returncode != 0:
            raise SystemExit(f"{' '.join(command[:3])} … exited {process.returncode}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        runs.append((seconds, cpu))
    runs.sort()
    median = runs[len(runs) // 2]
    return runs[0][0], statistics.median(r[0] for r in runs), median[1], peak_one, peak_sum


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def main() -> None:
    global RUNS
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=RUNS, help="runs of each command")
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: 2 runs each, no slow anchors"
    )
    args = parser.parse_args()
    RUNS = 2 if args.quick else args.runs
    files = sorted(TREE.rglob("*.py"))
    lines = sum(len(p.read_bytes().splitlines()) for p in files)
    cache = tempfile.mkdtemp(prefix="berth-doctor-bench-")
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    # An installed berth has compiled bytecode (pip compiles what it installs); without it
    # every run would also time the compiler on berth's own modules. The warm-up below
    # writes the .pyc files of an editable install.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    print(f"berth doctor on {TREE} ({len(files)} .py files, {lines} lines), {os.cpu_count()} cores")
    print(f"before: {load()}")
    rows: list[tuple[str, float, float, float, float, float]] = []
    doctor = [str(BIN / "berth"), "doctor", "--fail-on", "never", str(TREE)]
    subprocess.run([*doctor, "--no-cache"], cwd=TREE, env=env, stdout=subprocess.DEVNULL)
    floor = timed([python, "-c", FLOOR, str(TREE)], env, check=True)
    rows.append(("floor: ast.parse, one process", *floor))
    cold = timed([*doctor, "--no-cache"], env, check=True)
    rows.append(("berth doctor, cold (--no-cache)", *cold))
    subprocess.run(doctor, cwd=TREE, env=env, stdout=subprocess.DEVNULL, check=True)
    rows.append(("berth doctor, warm (cache)", *timed(doctor, env, check=True)))
    engine = (
        "import sys, pathlib; from berth.doctor.engine import Options, scan; "
        "from berth.doctor.cache import cache_folder; p = pathlib.Path(sys.argv[1]); "
        "r = scan(Options([p], p, cache_folder=cache_folder())); "
        "assert r.cached == r.files, 'the engine run was not warm'"
    )
    warm_engine = timed([python, "-c", engine, str(TREE)], env, check=True)
    rows.append(("doctor engine alone, warm", *warm_engine))
    if (BIN / "ruff").exists():
        rows.append(
            (
                "anchor: ruff check --select DJ",
                *timed(
                    [
                        str(BIN / "ruff"),
                        "check",
                        "--no-cache",
                        "--select",
                        "DJ",
                        "--exit-zero",
                        "--quiet",
                        str(TREE),
                    ],
                    env,
                ),
            )
        )
    if (BIN / "django-upgrade").exists() and not args.quick:
        copy = Path(tempfile.mkdtemp(prefix="berth-doctor-bench-du-")) / "django"
        shutil.copytree(TREE, copy)  # django-upgrade rewrites files: never the installed tree
        listed = [str(p) for p in sorted(copy.rglob("*.py"))]
        rows.append(
            (
                "anchor: django-upgrade",
                *timed([str(BIN / "django-upgrade"), "--target-version", "5.2", *listed], env),
            )
        )
        shutil.rmtree(copy.parent)
    if (BIN / "bandit").exists() and not args.quick:
        rows.append(
            (
                "anchor: bandit -r",
                *timed(
                    [str(BIN / "bandit"), "-q", "-r", str(TREE), "-f", "json", "-o", os.devnull],
                    env,
                ),
            )
        )
    elif not args.quick:
        print("bandit is not installed: its anchor is skipped")
    print(f"after: {load()}")
    base, base_median, base_cpu = rows[0][1:4]
    print(
        f"{'':34} {'best s':>7} {'x floor':>7} {'median':>7} {'x floor':>7} {'CPU s':>6} "
        f"{'x floor':>7} {'peak MB':>7} {'tree MB':>7}"
    )
    for label, best, median, cpu, one, total in rows:
        print(
            f"{label:34} {best:7.3f} {best / base:7.2f} {median:7.3f} {median / base_median:7.2f} "
            f"{cpu:6.2f} {cpu / base_cpu:7.2f} {one:7.1f} {total:7.1f}"
        )
    cold_row, warm = rows[1], rows[2]
    print(
        f"goals: cold within 1.0x of the floor: {cold_row[1] / base:.2f}x best, "
        f"{cold_row[2] / base_median:.2f}x median; warm under 0.2 s: {warm[1]:.3f} s best, "
        f"{warm[2]:.3f} s median; peak RSS under 100 MB: {max(r[4] for r in rows[1:4]):.1f} MB "
        f"(process tree {max(r[5] for r in rows[1:4]):.1f} MB)"
    )
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()

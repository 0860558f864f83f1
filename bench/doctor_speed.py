"""berth doctor's speed and memory on Django's own installed source tree, in one run.

Each command runs as its own process, timed from start to exit (best of several runs), on the
same files: the *floor* is a plain ``ast.parse`` of every ``.py`` file in one process; the
*anchors* are ``ruff check --select DJ``, django-upgrade and bandit (when installed). The doctor
runs with every rule, cold (no cache, both cores), warm (unchanged tree, from the content-hash
cache in a private cache folder), and its engine alone warm (no CLI start-up). Peak RSS is the
largest of the doctor's processes and the sum over its process tree, sampled every 5 ms.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django
import psutil

TREE = Path(django.__file__).resolve().parent
BIN = Path(sys.executable).parent
RUNS = 5
FLOOR = """
import ast, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):
    try:
        ast.parse(path.read_bytes())
    except SyntaxError:
        pass
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(best seconds, peak RSS of the largest process, peak RSS summed over the tree) in MB."""
    best, peak_one, peak_sum = float("inf"), 0.0, 0.0
    for _ in range(RUNS):
        start = time.perf_counter()
        process = psutil.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
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
        best = min(best, time.perf_counter() - start)
    return best, peak_one, peak_sum


def main() -> None:
    files = sorted(TREE.rglob("*.py"))
    lines = sum(len(p.read_bytes().splitlines()) for p in files)
    cache = tempfile.mkdtemp(prefix="berth-doctor-bench-")
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    python = sys.executable
    print(f"berth doctor on {TREE} ({len(files)} .py files, {lines} lines), {os.cpu_count()} cores")
    rows: list[tuple[str, float, float, float]] = []
    floor = timed([python, "-c", FLOOR, str(TREE)], env)
    rows.append(("floor: ast.parse, one process", *floor))
    doctor = [str(BIN / "berth"), "doctor", "--fail-on", "never", str(TREE)]
    rows.append(("berth doctor, cold (--no-cache)", *timed([*doctor, "--no-cache"], env)))
    subprocess.run(doctor, env=env, stdout=subprocess.DEVNULL, check=True)
    rows.append(("berth doctor, warm (cache)", *timed(doctor, env)))
    engine = (
        "import sys, pathlib; from berth.doctor.engine import Options, scan; "
        "from berth.doctor.cache import cache_folder; p = pathlib.Path(sys.argv[1]); "
        "scan(Options([p], p, cache_folder=cache_folder()))"
    )
    rows.append(("doctor engine alone, warm", *timed([python, "-c", engine, str(TREE)], env)))
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
    if (BIN / "django-upgrade").exists():
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
    if (BIN / "bandit").exists():
        rows.append(
            (
                "anchor: bandit -r",
                *timed(
                    [str(BIN / "bandit"), "-q", "-r", str(TREE), "-f", "json", "-o", os.devnull],
                    env,
                ),
            )
        )
    else:
        print("bandit is not installed: its anchor is skipped")
    base = rows[0][1]
    print(f"{'':38} {'seconds':>8} {'x floor':>8} {'peak MB':>8} {'tree MB':>8}")
    for label, seconds, one, total in rows:
        print(f"{label:38} {seconds:8.3f} {seconds / base:8.2f} {one:8.1f} {total:8.1f}")
    cold, warm = rows[1][1], rows[2][1]
    print(
        f"goals: cold within 1.0x of the floor: {cold / base:.2f}x; warm under 0.2 s: {warm:.3f} s; "
        f"peak RSS under 100 MB: {max(r[2] for r in rows[1:4]):.1f} MB"
    )
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()

"""berth media push and pull killed at several moments: nothing partial under a final name.

Each case runs the real ``berth media sync`` as a process group of its own against the session's
S3 server, kills it (SIGKILL, SIGINT, SIGTERM) at a fraction of the command's own measured
duration, and checks what berth promises whatever happens: every object in the bucket (push) or
file in the folder (pull) holds exactly its source's bytes, no process of the run lingers, and
the next run completes the copy and leaves no partial file. Figures: docs/reliability.md.
"""

from __future__ import annotations

import random
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.s3_server import S3Bucket
from tests.transfer.faults import EXIT_WITHIN, SIGNALS, berth

from berth.cli import main
from berth.transfer.paths import PART_SUFFIX

MOMENTS = (0.3, 0.7)
"""Fractions of the command's measured duration at which it is killed."""


@dataclass
class Media:
    source: Path
    files: dict[str, bytes]
    bucket: S3Bucket
    folder: Path
    baseline: dict[str, float] = field(default_factory=dict)
    tally: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    cases: int = 0

    def url(self, prefix: str) -> str:
        """The bucket under ``prefix`` as a STORAGE_URL."""
        base, _, query = self.bucket.storage_url.partition("?")
        return f"{base}/{prefix}?{query}"

    def stored(self, prefix: str) -> dict[str, bytes]:
        client = self.bucket.client()
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket.name, Prefix=f"{prefix}/"
        ):
            for item in page.get("Contents", []):
                body = client.get_object(Bucket=self.bucket.name, Key=item["Key"])["Body"]
                found[item["Key"].removeprefix(f"{prefix}/")] = body.read()
        return found

    def pulled(self, folder: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.startswith(".")
        }


def _make_source(root: Path) -> dict[str, bytes]:
    rng = random.Random(7)
    files = {
        f"photos/{i % 7}/img-{i}.jpg": rng.randbytes(rng.randrange(1, 6000)) for i in range(240)
    }
    files.update({f"video/clip-{i}.bin": rng.randbytes(9 << 20) for i in range(2)})  # multipart
    for key, data in files.items():
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_bytes(data)
    return files


@pytest.fixture(scope="module")
def media(module_s3_bucket: S3Bucket, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Media]:
    folder = tmp_path_factory.mktemp("media-faults")
    source = folder / "source"
    world = Media(source, _make_source(source), module_s3_bucket, folder)
    assert main(["media", "sync", str(source), world.url("pulled-from")]) == 0
    for command in ("push", "pull"):
        args, _ = _arguments(world, command, "baseline")
        with berth(args, folder) as run:
            assert run.wait(120) == 0, run.stderr()
            world.baseline[command] = time.monotonic() - run.started
    yield world
    held = sum(world.tally.values())
    uploads = world.bucket.client().list_multipart_uploads(Bucket=world.bucket.name)
    unfinished = [upload["Key"] for upload in uploads.get("Uploads", [])]
    print(f"\nmedia under faults: {world.cases} cases, {held} held; baselines {world.baseline}")
    print(f"  multipart uploads left unfinished: {len(unfinished)} {unfinished}")
    for (command, signal_name, outcome), count in sorted(world.tally.items()):
        print(f"  {command} {signal_name}: {outcome} x{count}")


def _arguments(world: Media, command: str, case: str) -> tuple[list[str], Path | str]:
    if command == "push":
        return ["media", "sync", str(world.source), world.url(case)], case
    target = world.folder / f"pull-{case}"
    return ["media", "sync", world.url("pulled-from"), str(target)], target


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("signal_name", list(SIGNALS))
@pytest.mark.parametrize("command", ["push", "pull"])
def test_a_killed_media_sync_leaves_nothing_partial_and_the_next_completes_it(
    media: Media, command: str, signal_name: str, moment: float
) -> None:
    case = f"{command}-{signal_name}-{moment}".lower().replace(".", "")
    args, target = _arguments(media, command, case)
    media.cases += 1
    with berth(args, media.folder) as run:
        time.sleep(max(0.0, moment * media.baseline[command] - (time.monotonic() - run.started)))
        running = run.process.poll() is None
        run.signal(SIGNALS[signal_name])
        code = run.wait(EXIT_WITHIN)
        assert code is not None, f"berth still runs {EXIT_WITHIN} s after {signal_name}"
        assert "Traceback" not in run.stderr(), run.stderr()[-2000:]
        assert run.finish() == [], "a process of the killed run lingered"
    got = media.stored(str(target)) if command == "push" else media.pulled(Path(target))
    wrong = sorted(key for key, data in got.items() if media.files.get(key) != data)
    assert wrong == [], f"partial or foreign under a final name: {wrong[:5]}"
    copied = len(got)
    # The next run completes it, and leaves no partial file behind.
    assert main(args) == 0
    got = media.stored(str(target)) if command == "push" else media.pulled(Path(target))
    assert got == media.files
    if command == "pull":
        assert not list(Path(target).rglob(f"*{PART_SUFFIX}"))
        shutil.rmtree(target)
    outcome = "killed" if running else "done"
    media.tally[(command, signal_name, f"{outcome}, {copied} of {len(media.files)} whole")] += 1

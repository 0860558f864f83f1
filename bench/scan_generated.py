"""Scan what `berth init` writes for the reference project with checkov: root, privileges, secrets.

checkov (Bridgecrew's scanner, PyPI) runs its Dockerfile, Kubernetes and secrets checks over
every generated file (the secrets framework reads all of them, compose.yaml, nginx.conf and
.env.example included). It pins older boto3 and botocore than berth uses, so it lives in a
virtualenv of its own: `make scan` makes `.venv-scan` and runs this. Findings about running
as root, privileges, service-account tokens and secrets are counted apart from the rest
(resource limits, image digests, namespaces: hygiene a project sets for its cluster).

    .venv/bin/python bench/scan_generated.py [--checkov PATH]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from berth.project import find_project
from berth.scaffold import detect_stack, render_files

REPO = Path(__file__).resolve().parent.parent
# The Kubernetes checks about running as root, privileges and credentials mounted for nothing;
# every Dockerfile check and every secrets check counts too. CKV_K8S_35 ("prefer secrets as
# files over environment variables") is listed with the rest: berth reads its configuration
# from the environment by design, and environments are not command lines (docs/deploy.md).
_ROOT_AND_TOKENS = frozenset(
    f"CKV_K8S_{number}" for number in (6, 16, 17, 18, 19, 20, 22, 23, 25, 28, 29, 30, 37, 38, 40)
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkov", default=str(REPO / ".venv-scan" / "bin" / "checkov"))
    checkov = parser.parse_args().checkov
    if not Path(checkov).is_file() and shutil.which(checkov) is None:
        print(f"no checkov at {checkov}: `make scan` installs it in .venv-scan", file=sys.stderr)
        return 1
    files = render_files(detect_stack(find_project(REPO / "example")), kubernetes=True)
    with tempfile.TemporaryDirectory(prefix="berth-scan-") as folder:
        for relative, text in files.items():
            (Path(folder) / relative).parent.mkdir(parents=True, exist_ok=True)
            (Path(folder) / relative).write_text(text)
        result = subprocess.run(
            [
                checkov,
                "-d",
                folder,
                "--framework",
                "dockerfile",
                "kubernetes",
                "secrets",
                "--output",
                "json",
                "--quiet",
                "--skip-download",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    counted = 0
    print(f"checkov over {len(files)} generated files ({', '.join(sorted(files))})")
    for report in reports:
        failed = report.get("results", {}).get("failed_checks", [])
        summary = report.get("summary", report)
        kind = report.get("check_type", "(no findings)")
        serious = [c for c in failed if kind != "kubernetes" or c["check_id"] in _ROOT_AND_TOKENS]
        counted += len(serious)
        print(
            f"  {kind}: {summary.get('passed', 0)} passed, {summary.get('failed', 0)} failed, "
            f"{len(serious)} of them about root, privileges or secrets"
        )
        for check in serious:
            print(f"    {check['check_id']} {check['check_name']}: {check['file_path']}")
        hygiene = sorted(
            {f"{c['check_id']} {c['check_name']}" for c in failed}
            - {f"{c['check_id']} {c['check_name']}" for c in serious}
        )
        for name in hygiene:
            print(f"    (other) {name}")
    reported = {report.get("check_type") for report in reports}
    for kind in ("dockerfile", "kubernetes", "secrets"):
        if kind not in reported:
            print(f"  {kind}: no findings")
    print(f"findings about running as root, privileges or secrets: {counted}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

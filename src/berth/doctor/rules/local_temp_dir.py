"""BD206: ``FILE_UPLOAD_TEMP_DIR`` set to a fixed folder of the project or the machine.

**What breaks in containers.** Django does not create the folder: in a fresh container it
does not exist and every large upload fails with ``FileNotFoundError``; inside the project
tree it writes into the image, which may be read-only.

**Fix.** Leave it unset: Django then uses the system's temporary folder (``TMPDIR``), which
exists in every container. Set ``TMPDIR`` in the environment to move it.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD206",
    loses_state=True,
    slug="local-temp-dir",
    severity=Severity.WARNING,
    summary="FILE_UPLOAD_TEMP_DIR names a fixed folder, which a fresh container lacks",
    hint="leave FILE_UPLOAD_TEMP_DIR unset (the system temp folder); set TMPDIR to move it",
)

_PROJECT_ROOTS = ("BASE_DIR", "PROJECT_ROOT", "PROJECT_DIR", "ROOT_DIR")


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        value = view.get("FILE_UPLOAD_TEMP_DIR")
        if value is None:
            continue
        fixed = (
            (value[0] == "c" and isinstance(value[1], str) and value[1])
            or (value[0] == "path" and str(value[1]).endswith(_PROJECT_ROOTS))
            or (
                value[0] == "call"
                and value[1] in ("os.path.join", "pathlib.Path", "str")
                and value[2]
                and value[2][0][0] in ("name", "path")
                and str(value[2][0][1]).endswith(_PROJECT_ROOTS)
            )
        )
        if fixed:
            yield view.hit(value)

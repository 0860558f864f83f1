"""BD101: FileSystemStorage named explicitly: in a model field (directly, or through a
subclass or a function of another module), at module level, as the default storage in settings
that are not development-only, or as the default of an app's storage setting; or left implicit
by production settings without STORAGES in a project whose models have file fields.

**What breaks in containers.** A ``FileSystemStorage`` writes into the container's own
filesystem. A second replica never sees the file, and the next deploy or restart loses it:
"if you save files to local storage you will lose them". Naming it explicitly also pins it:
pointing ``STORAGE_URL`` (or ``STORAGES``) at S3 no longer moves these files.

**Fix.** Leave the storage out (``models.FileField(upload_to=...)``): the field then uses
``default_storage``, which settings point at object storage. For a second storage, name it in
``STORAGES`` and use ``storage=lambda: storages["name"]``. ``--fix`` removes an explicit
``storage=FileSystemStorage()`` that has no arguments (or only MEDIA_ROOT/MEDIA_URL): that is
exactly the default storage of a project without ``STORAGES``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.findings import Edit, Severity, Span
from berth.doctor.project import Project, dotted_match
from berth.doctor.python import PythonFile
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD101",
    loses_state=True,
    slug="filesystem-storage",
    severity=Severity.ERROR,
    summary="FileSystemStorage keeps files on this container's disk",
    hint="drop the explicit storage so default_storage (S3 via STORAGE_URL) is used; "
    "name any other storage in STORAGES",
    fixable=True,
)

_BACKEND = "FileSystemStorage"


def _is_filesystem_storage(file: PythonFile, func: ast.expr, local: set[str]) -> bool:
    name = file.qualname(func)
    return name.endswith("." + _BACKEND) or name == _BACKEND or name in local


_SUBCLASS = re.compile(r"class\s+(\w+)\s*\([^)]*FileSystemStorage")


def _subclasses(file: PythonFile) -> list[str]:
    """This module's FileSystemStorage subclasses: their uses are the lines to walk."""
    return _SUBCLASS.findall(file.text)


@rule.python(triggers=(_BACKEND,), focus=_subclasses)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.test_code:
        return
    # Classes of this module that are FileSystemStorage underneath.
    local = {
        node.name
        for node, _ in file.of(ast.ClassDef)
        if isinstance(node, ast.ClassDef)
        and any(file.qualname(b).endswith(_BACKEND) for b in node.bases)
    }
    reported: set[int] = set()
    for node, _ in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        for keyword in node.keywords:
            value = keyword.value
            if (
                keyword.arg == "storage"
                and isinstance(value, ast.Call)
                and _is_filesystem_storage(file, value.func, local)
            ):
                reported.add(id(value))
                yield file.hit(
                    value,
                    f"{file.qualname(node.func).rsplit('.', 1)[-1]}(storage=...) stores on "
                    "this container's disk, whatever STORAGES says",
                    _remove_keyword(file, node, keyword),
                )
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if id(node) in reported or not scope.import_time or scope.debug_only:
            continue
        if _is_filesystem_storage(file, node.func, local):
            yield file.hit(
                node, "a FileSystemStorage made at import time keeps files on this container's disk"
            )


def _remove_keyword(file: PythonFile, call: ast.Call, keyword: ast.keyword) -> tuple[Edit, ...]:
    value = keyword.value
    assert isinstance(value, ast.Call)
    if value.args or any(
        not (
            (k.arg == "location" and file.is_setting(k.value, "MEDIA_ROOT"))
            or (k.arg == "base_url" and file.is_setting(k.value, "MEDIA_URL"))
        )
        for k in value.keywords
    ):
        return ()
    items: list[ast.AST] = [*call.args, *call.keywords]
    items.sort(key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]
    index = items.index(keyword)
    start, end = file.node_range(keyword)
    if index > 0:
        start = file.node_range(items[index - 1])[1]
    elif len(items) > 1:
        end = file.node_range(items[1])[0]
    else:
        # The only argument: keep any trailing comma out of an otherwise empty call.
        tail = file.text[end : file.node_range(call)[1]]
        end += len(tail) - len(tail.lstrip(", \n\t"))
    return (Edit(start, end, ""),)


@rule.project
def check_settings(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        for value in (view.get("STORAGES", "default", "BACKEND"), view.get("DEFAULT_FILE_STORAGE")):
            if value is not None and value[0] == "c" and str(value[1]).endswith(_BACKEND):
                yield view.hit(
                    value,
                    "the default storage is FileSystemStorage in settings that are not "
                    "development-only",
                )


# -- a storage of another module ------------------------------------------------------------
#
# ``storage=File_Storage()`` with the FileSystemStorage subclass in a storage module, or
# ``storage=get_storage`` with a function returning one: each module records its local
# storages ("local_storages"), each field what it passes as storage ("storage_arguments").


def _returns_local_storage(
    file: PythonFile, function: ast.FunctionDef | ast.AsyncFunctionDef, local: set[str]
) -> bool:
    """Every ``return`` of the function makes a FileSystemStorage: a choice that may return
    another storage (``if settings.DEBUG``) is not this rule's to judge."""
    returns = [node for node in ast.walk(function) if isinstance(node, ast.Return)]
    return bool(returns) and all(
        isinstance(node.value, ast.Call) and _is_filesystem_storage(file, node.value.func, local)
        for node in returns
    )


@rule.python(triggers=(_BACKEND,))
def record_local_storages(file: PythonFile) -> Iterator[Hit]:
    if file.source.test_code:
        return
    local = set(_subclasses(file))
    found = [f"{file.module}.{name}" for name in sorted(local)]
    found += [
        f"{file.module}.{node.name}"
        for node in file.tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and _returns_local_storage(file, node, local)
    ]
    if found:
        file.facts["local_storages"] = found
    yield from ()


@rule.python(triggers=("storage=",))
def record_storage_arguments(file: PythonFile) -> Iterator[Hit]:
    """``storage=Name()`` or ``storage=name`` naming something of another module (or a
    function of this one); FileSystemStorage itself is check()'s."""
    if file.source.tooling:
        return  # tests, and migrations, which only record what the models say
    reported = set(_subclasses(file))  # check() reports this module's own subclasses
    defined = {
        node.name
        for node in file.tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    arguments: list[list[object]] = []
    for node, _ in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg != "storage":
                continue
            target = value.func if isinstance(value, ast.Call) else value
            name = file.qualname(target)
            if not name or name.endswith(_BACKEND) or name.split(".")[0] in reported:
                continue
            head, _, rest = name.partition(".")
            if head in defined:
                name = f"{file.module}.{head}" + ("." + rest if rest else "")
            elif "." not in name:
                continue
            span = file.span(value)
            field = file.qualname(node.func).rsplit(".", 1)[-1]
            arguments.append([span.line, span.column, span.end_line, span.end_column, name, field])
    if arguments:
        file.facts["storage_arguments"] = arguments
    yield from ()


@rule.project
def check_storage_arguments(project: Project) -> Iterator[Hit]:
    storages = {name for _, found in project.each("local_storages") for name in found}
    if not storages:
        return
    for path, arguments in project.each("storage_arguments"):
        seen: set[str] = set()
        for *span, name, field in sorted(arguments):
            storage = dotted_match(storages, name)
            # Once per module and storage: each field of a model names the same one.
            if storage is not None and storage not in seen:
                seen.add(storage)
                yield Hit(
                    Span(*span),
                    f"{field}(storage=...) stores on this container's disk, whatever STORAGES "
                    f"says: {storage} is a FileSystemStorage",
                    path=path,
                )


# -- a library setting whose default is a FileSystemStorage ----------------------------------
#
# ``'SILKY_STORAGE_CLASS': 'silk.storage.ProfilerResultStorage'`` in an app's defaults, read by
# ``import_string(config.SILKY_STORAGE_CLASS)()``: unless the project sets it, the app's files
# stay on the container's disk whatever STORAGES says. A default that nothing imports (a
# deprecated setting) is not reported.

_LOADERS = frozenset({"import_string", "get_storage_class", "import_by_path"})


def _storage_setting(name: object) -> bool:
    return isinstance(name, str) and "STORAGE" in name and name.isupper()


def _dotted_string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        value = node.value
        if "." in value and " " not in value and "/" not in value:
            return value
    return None


def _setting_read(node: ast.expr) -> str | None:
    """The setting name in ``conf.NAME``, ``conf["NAME"]``, ``getattr(settings, "NAME", ...)``."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        if isinstance(node.slice, ast.Constant) and _storage_setting(node.slice.value):
            return str(node.slice.value)
        while isinstance(node, ast.Subscript):  # FILER_STORAGES["private"]["main"]["ENGINE"]
            node = node.value
        return _setting_read(node) if isinstance(node, ast.Name | ast.Attribute) else None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
    ):
        return str(node.args[1].value)
    if isinstance(node, ast.Name):
        return node.id
    return None


@rule.python(triggers=("STORAGE",))
def record_storage_settings(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling or file.facts.get("settings"):
        return  # a project's own settings are check_settings()'s
    defaults: list[list[object]] = []
    reads: set[str] = set()

    def default(name: object, value: ast.AST | None) -> None:
        dotted = _dotted_string(value)
        if _storage_setting(name) and dotted is not None and value is not None:
            span = file.span(value)
            defaults.append(
                [span.line, span.column, span.end_line, span.end_column, str(name), dotted]
            )

    for node in ast.walk(file.tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant):
                    default(key.value, value)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                default(target.id, node.value)
        elif isinstance(node, ast.Call):
            name = file.qualname(node.func).rsplit(".", 1)[-1]
            if name == "getattr" and len(node.args) == 3 and isinstance(node.args[1], ast.Constant):
                default(node.args[1].value, node.args[2])
            elif name in _LOADERS and node.args:
                read = _setting_read(node.args[0])
                if _storage_setting(read):
                    reads.add(str(read))
    if reads:
        # A table of storages whose engines this module imports (django-filer's
        # FILER_STORAGES, built over its defaults' dicts): each engine is a default.
        for node in file.tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Dict)
                and any(isinstance(t, ast.Name) and _storage_setting(t.id) for t in node.targets)
            ):
                table = next(t.id for t in node.targets if isinstance(t, ast.Name))
                for inner in ast.walk(node.value):
                    if isinstance(inner, ast.Dict):
                        for key, value in zip(inner.keys, inner.values, strict=True):
                            if isinstance(key, ast.Constant) and key.value in ("ENGINE", "BACKEND"):
                                reads.add(table)
                                default(table, value)
    if defaults:
        file.facts["storage_setting_defaults"] = defaults
    if reads:
        file.facts["storage_setting_reads"] = sorted(reads)
    yield from ()


def _module_values(file: PythonFile) -> dict[str, ast.expr]:
    values: dict[str, ast.expr] = {}
    for node in file.tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and isinstance(node.target, ast.Name)
        ):
            values[node.target.id] = node.value
    return values


def _words(node: ast.AST, values: dict[str, ast.expr], depth: int = 0) -> set[str]:
    """The names and strings an expression is made of, through module-level names."""
    found: set[str] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
            found.add(inner.value)
        elif isinstance(inner, ast.Name):
            found.add(inner.id)
            if inner.id in values and depth < 4:
                found |= _words(values[inner.id], values, depth + 1)
        elif isinstance(inner, ast.Attribute):
            found.add(inner.attr)
    return found


@rule.python(triggers=(Pattern(("FileSystemStorage",), re.compile(r"\.get\(\s*[\"']BACKEND")),))
def check_alias_fallback(file: PythonFile) -> Iterator[Hit]:
    """``STORAGES.get("dbbackup", {}).get("BACKEND", "...FileSystemStorage")``: an app's own
    alias missing from STORAGES falls back to the local disk. The ``default`` alias's fallback
    is Django's own default, which check_settings() judges in the project."""
    if file.source.tooling or file.facts.get("settings"):
        return
    values = _module_values(file)
    for node in ast.walk(file.tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "BACKEND"
            and (_dotted_string(node.args[1]) or "").endswith("." + _BACKEND)
        ):
            continue
        words = _words(node.func.value, values)
        if "default" in words or not any("STORAGES" in word for word in words):
            continue
        yield file.hit(
            node.args[1],
            "without this app's alias in STORAGES its storage is FileSystemStorage: the files "
            "stay on this container's disk",
        )


@rule.project
def check_storage_settings(project: Project) -> Iterator[Hit]:
    storages = {name for _, found in project.each("local_storages") for name in found}
    reads = {name for _, found in project.each("storage_setting_reads") for name in found}
    if not storages or not reads:
        return
    for path, defaults in project.each("storage_setting_defaults"):
        seen: set[str] = set()
        for *span, name, dotted in sorted(defaults):
            storage = dotted_match(storages, dotted)
            if name in reads and storage is not None and dotted not in seen:
                seen.add(dotted)  # once per module: a table names its engine per entry
                yield Hit(
                    Span(*span),
                    f"{name} defaults to {dotted}, a FileSystemStorage: unless the project "
                    "sets it, these files stay on this container's disk whatever STORAGES says",
                    path=path,
                )


@rule.project
def check_implicit_default(project: Project) -> Iterator[Hit]:
    """Production settings that set MEDIA_ROOT but no STORAGES (nor DEFAULT_FILE_STORAGE), in a
    project whose models have file fields: the uploads go to Django's implicit default, a
    FileSystemStorage. Reported at MEDIA_ROOT, once per settings file."""
    if not project.file_fields:
        return
    reported: set[tuple[str | None, int]] = set()
    for view in project.settings:
        media_root = view.get("MEDIA_ROOT")
        if (
            view.configure
            or media_root is None
            or view.get("STORAGES") is not None
            or view.get("DEFAULT_FILE_STORAGE") is not None
        ):
            continue
        hit = view.hit(
            media_root,
            "no STORAGES: the models' file fields use Django's default FileSystemStorage, "
            "under MEDIA_ROOT on this container's disk",
        )
        key = (hit.path, hit.span.line)
        if key not in reported:
            reported.add(key)
            yield hit

"""BD105: a media URL made by string operations: ``os.path.dirname(f.url)``,
``f.url.replace(...)``, ``f.url + "..."``, ``MEDIA_URL + name``, ``{{ MEDIA_URL }}{{ name }}``.

**What breaks in containers.** With object storage a file's URL is the storage's to make: a
presigned URL carries a signature over its path and query (change either and S3 answers 403),
a custom domain or CDN changes the host, and ``MEDIA_URL`` may not be where files are served at
all. A thumbnail URL derived from its original's URL points at a guess.

**Fix.** Ask the storage for the other file's URL: ``default_storage.url(name)`` (or
``field.storage.url(other_name)``); in templates use ``{{ photo.image.url }}``.

Not reported: a stored file's URL completed after the function returned every URL with a host
(``if urlparse(f.url).netloc: return f.url``), which leaves only a local storage's; MEDIA_URL in
a URLconf route (``re_path(MEDIA_URL.strip("/") + ...)``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.disk import storage_receiver
from berth.doctor.document import Document
from berth.doctor.fields import collect_file_fields, defer_to_fields, field_attribute, field_hits
from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.python import PythonFile, Scope
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD105",
    loses_state=True,
    slug="media-url-surgery",
    severity=Severity.ERROR,
    summary="builds a media URL by string operations instead of asking the storage",
    hint="ask the storage: default_storage.url(name) or field.storage.url(other_name); "
    "{{ field.url }} in templates",
)

_STRING_METHODS = frozenset(
    {
        "replace",
        "split",
        "rsplit",
        "rstrip",
        "lstrip",
        "strip",
        "partition",
        "rpartition",
        "removesuffix",
        "removeprefix",
    }
)
_PATH_FUNCTIONS = frozenset(
    {
        "os.path.dirname",
        "os.path.basename",
        "os.path.join",
        "os.path.splitext",
        "os.path.split",
        "posixpath.dirname",
        "posixpath.join",
        "urllib.parse.urljoin",
    }
)


def _url_of(file: PythonFile, node: ast.AST) -> tuple[str | None, bool]:
    """(field name, certain) when ``node`` is a stored file's URL; (None, False) otherwise."""
    if isinstance(node, ast.Attribute) and node.attr == "url":
        name = field_attribute(node.value)
        return (name, False) if name else (None, False)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "url"
        and storage_receiver(file, node.func.value)
    ):
        return ("storage", True)
    return (None, False)


def _glued(part: ast.AST | None, index: int) -> bool:
    if part is None:
        return False
    if isinstance(part, ast.FormattedValue):
        return True
    text = part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else ""
    return bool(text) and (text[index].isalnum() or text[index] in "/?&#.=_-~%")


def _media_url(file: PythonFile, node: ast.AST) -> bool:
    return file.is_setting(node, "MEDIA_URL")


@rule.python(
    triggers=(
        Pattern((".url",), re.compile(r"\.url\s*[.+\[)}]|\+\s*[\w.]+\.url\b|\.url\(")),
        "MEDIA_URL",
        "FileField",
        "ImageField",
    )
)
def check(file: PythonFile) -> Iterator[Hit]:
    collect_file_fields(file)
    if file.source.test_code:
        return

    def operand(node: ast.AST, whole: ast.AST, what: str, guarded: bool) -> Iterator[Hit]:
        if _media_url(file, node):
            yield file.hit(whole, f"MEDIA_URL {what}: the storage makes media URLs, not MEDIA_URL")
            return
        name, certain = _url_of(file, node)
        if name is None or guarded:
            return
        if certain:
            yield file.hit(whole, f"a storage URL {what}")
        else:
            message = f".{name}.url {what}: the storage makes media URLs"
            defer_to_fields(file, "field_urls", name, whole, message)

    exempt = _Exempt(file)
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        func = node.func
        if exempt.route(node):
            continue
        guarded = exempt.guarded(node, scope)
        if isinstance(func, ast.Attribute) and func.attr in _STRING_METHODS:
            yield from operand(func.value, node, f"changed with .{func.attr}()", guarded)
        elif file.qualname(func) in _PATH_FUNCTIONS and node.args:
            yield from operand(
                node.args[0], node, f"taken apart with {file.qualname(func)}()", guarded
            )
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "format"
            and any(_media_url(file, a) for a in node.args)
        ):
            yield file.hit(node, "MEDIA_URL formatted into a URL: the storage makes media URLs")
    for node, scope in file.of(ast.BinOp):
        assert isinstance(node, ast.BinOp)
        if exempt.route(node):
            continue
        if isinstance(node.op, ast.Add):
            guarded = exempt.guarded(node, scope)
            for side in (node.left, node.right):
                yield from operand(side, node, "joined with +", guarded)
        elif (
            isinstance(node.op, ast.Mod)
            and isinstance(node.right, ast.Tuple)
            and any(_media_url(file, e) for e in node.right.elts)
        ):
            yield file.hit(node, "MEDIA_URL formatted into a URL: the storage makes media URLs")
    for node, scope in file.of(ast.JoinedStr):
        assert isinstance(node, ast.JoinedStr)
        if exempt.route(node):
            continue
        guarded = exempt.guarded(node, scope)
        values = node.values
        for position, value in enumerate(values):
            # Glued to URL characters on either side: a changed URL. Whole, between quotes
            # or spaces (href="{f.url}"), it is only quoted.
            before = values[position - 1] if position else None
            after = values[position + 1] if position + 1 < len(values) else None
            if isinstance(value, ast.FormattedValue) and (_glued(before, -1) or _glued(after, 0)):
                yield from operand(value.value, node, "put into an f-string", guarded)
    for node, scope in file.of(ast.Subscript):
        assert isinstance(node, ast.Subscript)
        if isinstance(node.slice, ast.Slice):
            yield from operand(node.value, node, "sliced", exempt.guarded(node, scope))


# URLconf functions: MEDIA_URL in their route builds a pattern, not a file's URL.
_ROUTES = frozenset({"django.urls.path", "django.urls.re_path", "django.conf.urls.url"})
_HOST_WORDS = re.compile(r"\b(netloc|hostname|scheme)\b|startswith\(\s*\(?\s*[\"']https?")


class _Exempt:
    """Where URL operations are not a stored file's URL changed: a URLconf route
    (``re_path(MEDIA_URL.strip("/") + ...)``), and a function after it returned every URL
    that has a host (``if urlparse(f.url).netloc: return f.url``), where only a local
    storage's host-less URL is left to complete."""

    def __init__(self, file: PythonFile) -> None:
        self.routes: list[tuple[tuple[int, int], tuple[int, int]]] = []
        for node, _ in file.of(ast.Call):
            assert isinstance(node, ast.Call)
            if node.args and file.qualname(node.func) in _ROUTES:
                route = node.args[0]
                self.routes.append(
                    (
                        (route.lineno, route.col_offset),
                        (route.end_lineno or route.lineno, route.end_col_offset or 0),
                    )
                )
        self.guards: dict[int, int] = {}

    def route(self, node: ast.AST) -> bool:
        start = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
        return any(first <= start <= last for first, last in self.routes)

    def guarded(self, node: ast.AST, scope: Scope) -> bool:
        """After the function returned every URL with a host: a stored file's URL left is a
        local storage's (MEDIA_URL glued to a name is wrong whatever came before)."""
        function = scope.function
        if function is None or isinstance(function, ast.Lambda):
            return False
        guard = self.guards.get(id(function))
        if guard is None:
            guard = self.guards[id(function)] = _host_guard(function)
        line: int = node.lineno  # type: ignore[attr-defined]
        return 0 < guard < line


def _host_guard(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """The line of ``if <the URL has a host>: return ...`` in ``function``'s body, or 0."""
    for statement in function.body:
        if (
            isinstance(statement, ast.If)
            and _HOST_WORDS.search(ast.unparse(statement.test))
            and any(isinstance(s, ast.Return) for s in statement.body)
        ):
            return statement.lineno
    return 0


@rule.project
def check_fields(project: Project) -> Iterator[Hit]:
    yield from field_hits(project, "field_urls")


_TEMPLATE = re.compile(
    r"\{\{\s*MEDIA_URL\s*\}\}\s*(?=\{\{|[\w/])|\{%\s*get_media_prefix\s*%\}\s*(?=\{\{|[\w/])"
)


@rule.template(triggers=("MEDIA_URL", "get_media_prefix"))
def check_template(document: Document) -> Iterator[Hit]:
    for number, line in enumerate(document.lines, 1):
        for match in _TEMPLATE.finditer(line):
            yield document.hit(
                number,
                match.start() + 1,
                number,
                match.end() + 1,
                "MEDIA_URL glued to a file name: use {{ field.url }}, which the storage makes",
            )

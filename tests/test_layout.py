"""The package's shape: the schema loads without spaCy, and no module imports one that imports it back."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import extract

PACKAGE = Path(extract.__file__).parent
MAX_LINES = 400


@pytest.mark.parametrize(
    "module",
    [
        "extract.schema",  # what downstream tools check a table against
        "extract.pipeline",  # DEFAULT_MODEL, named by the CLI and the views
        "extract.components.events.categories",  # the category table, read by the docs and the report
        "extract.runs",  # the reader every view uses
    ],
)
def test_light_modules_import_without_spacy(module):
    code = f"import sys, {module}; print('spacy' in sys.modules, 'extract.pipeline.load' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_every_module_can_be_read_in_one_sitting():
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Every extract module and the extract modules it imports, at any depth of the file (function-level too)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found.update(t for t in targets if t in modules and t != name)
        graph[name] = found
    return graph


def test_no_import_cycles():
    graph = _imports()
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for target in graph[node]:
            if target in path:
                cycles.append(" → ".join(path[path.index(target) :] + [target]))
            elif len(path) < 12:
                visit(target, path + [target])

    for start in graph:
        visit(start, [start])
    assert not cycles, cycles[:5]

"""Dependencies point one way: app → graphs → knowledge ← ingest (evals measures graphs/ingest/knowledge).

Every import statement is read from the syntax tree, including imports inside functions (lazy imports) and
``importlib.import_module("…")`` calls with a literal name, so a layer cannot reach around the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "graphs", "knowledge", "ingest", "evals")

# What each package may import among the project's own packages (itself included).
ALLOWED: dict[str, set[str]] = {
    "knowledge": {"knowledge"},
    "ingest": {"ingest", "knowledge"},
    "graphs": {"graphs", "knowledge"},
    "evals": {"evals", "graphs", "ingest", "knowledge"},
    "app": {"app", "graphs", "ingest", "knowledge", "evals"},
}


def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _violations(package: str) -> list[str]:
    bad: list[str] = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for lineno, module in _imported_modules(tree):
            top = module.split(".")[0]
            if top in PACKAGES and top not in ALLOWED[package]:
                bad.append(f"{path.relative_to(ROOT)}:{lineno} imports {module}")
    return bad


@pytest.mark.parametrize("package", PACKAGES)
def test_layer_imports_only_what_it_may(package: str) -> None:
    assert _violations(package) == []


def test_the_checker_sees_lazy_and_string_imports() -> None:
    tree = ast.parse(
        "def f():\n    from app.chat import x\n    import importlib\n    importlib.import_module('graphs.graph')\n"
    )
    assert [m for _, m in _imported_modules(tree)] == ["app.chat", "importlib", "graphs.graph"]

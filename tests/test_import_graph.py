"""The package's imports follow the pipeline: a stage imports only the stages before it and
the shared low-level modules, and no module imports itself back through others.

The graph is read from the source (every `import` statement, also those inside functions),
so an import made late to dodge a cycle still counts.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "quizgen"

# Modules any stage may use; they import only each other.
SHARED = ("quizgen", "models", "errors", "registry", "config", "safe_yaml", "util")
# The pipeline, first stage first: each may import the shared modules and the stages before it.
STAGES = (
    ("ingest",),
    ("extract",),
    ("generate",),
    ("bank",),
    ("render",),
    ("recipe", "cache", "parallel", "progress", "pipeline", "build", "bench"),
    ("cli", "api", "review", "__main__"),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """0 for the shared modules, then 1, 2, ... in pipeline order."""
    top = module.split(".")[1] if "." in module else "quizgen"
    if top in SHARED:
        return 0
    for number, names in enumerate(STAGES, 1):
        if top in names:
            return number
    raise AssertionError(
        f"{module}: place quizgen.{top} in SHARED or STAGES of tests/test_import_graph.py"
    )


@cache
def imports_of(module: str) -> frozenset[str]:
    """The quizgen modules `module` imports (a name imported from a package counts as the
    package, unless the name is a module of it)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                found.add(
                    f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
                )
    return frozenset(m for m in found if m in MODULES and m != module)


def test_every_module_has_a_place_in_the_pipeline():
    for module in MODULES:
        layer(module)


def test_no_stage_imports_a_later_stage():
    upward = [
        f"{module} imports {target}"
        for module in MODULES
        for target in sorted(imports_of(module))
        if layer(target) > layer(module)
    ]
    assert not upward, "imports against the pipeline order:\n" + "\n".join(upward)


def cycle_edges(module: str) -> frozenset[str]:
    """The imports that can close a cycle: all but a package's imports of its own modules.

    A package's __init__ is its front: it may import its own modules (a registry filling
    itself, `clean()` running its steps) while they use what it defines. Any other cycle,
    between two sibling modules or two packages, is one.
    """
    return frozenset(t for t in imports_of(module) if not t.startswith(module + "."))


def test_no_import_cycles():
    """Tarjan's strongly connected components: every one must be a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in cycle_edges(module):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(MODULES):
        if module not in index:
            visit(module)
    assert not cycles, "modules that import each other:\n" + "\n".join(map(", ".join, cycles))


def test_the_graph_is_read_from_the_source():
    """The checks above see imports, relative and absolute, also inside functions."""
    assert "quizgen.ingest.source" in imports_of("quizgen.ingest.readers.text")
    assert "quizgen.errors" in imports_of("quizgen.ingest")
    assert layer("quizgen.cli") > layer("quizgen.render") > layer("quizgen.ingest") > 0

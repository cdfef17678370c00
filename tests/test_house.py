"""The shape of the package: one package per stage, small modules, no import cycle."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "vigie"
STAGES = ["entities", "actors", "places", "times", "quotes", "figures", "events"]
# A module longer than this is split by what its parts decide (docs/architecture.md).
MAX_MODULE_LINES = 450


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, known: set[str]) -> set[str]:
    """The vigie modules a module imports, at any depth of its code (lazy imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in known}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path, node, nxt]
            if nxt not in state and (found := visit(nxt, [*path, node])):
                return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node, [])):
            return found
    return None


def test_house_every_stage_is_a_package_with_its_component():
    for stage in STAGES:
        folder = PACKAGE / "stages" / stage
        assert (folder / "__init__.py").is_file(), stage
        assert "@Language.factory" in (folder / "component.py").read_text(encoding="utf-8"), stage


def test_house_stages_folder_holds_packages_and_shared_modules_only():
    modules = sorted(p.name for p in (PACKAGE / "stages").glob("*.py"))
    assert modules == ["__init__.py", "common.py", "lemmas.py", "tokens.py"]


def test_house_no_module_over_the_limit():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_house_no_import_cycle_between_modules():
    modules = _modules()
    # A package's __init__ is run by any import of its submodules: a module importing its own
    # package is not a cycle of code, so package-to-submodule edges are left out.
    graph = {name: {m for m in _imports(path, set(modules))
                    if m != name and not name.startswith(m + ".")}
             for name, path in modules.items()}
    assert _cycle(graph) is None


def test_house_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_house_no_scaffolding_fallbacks():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "except ImportError" not in text, path

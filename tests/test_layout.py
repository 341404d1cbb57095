"""The layout's promises, read from the imports: the library prints nothing and knows no site, the
command line is the only way in from sitegen's side, rules are not libraries, domain stands alone."""
from __future__ import annotations

import ast

from tests.conftest import ROOT


def _imports(package: str) -> dict[str, set[str]]:
    """module path -> every module it imports (absolute names, at any depth of the file)."""
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[str(path.relative_to(ROOT))] = names
    return found


def _offenders(package: str, where: str, prefix: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [f"{module}: {name}" for module, names in _imports(package).items() if module.startswith(where)
            for name in names if (name == prefix or name.startswith(prefix + ".")) and name not in allowed]


def test_outside_the_command_line_the_library_never_imports_the_site():
    assert [o for o in _offenders("checker", "checker/", "sitegen") if not o.startswith("checker/cli/")] == []


def test_the_site_never_imports_the_command_line():
    assert _offenders("sitegen", "sitegen/", "checker.cli") == []


def test_rules_are_used_through_the_registry_only():
    registry = ("checker.rules", "checker.rules.base", "checker.rules.base.Rule", "checker.rules.describe")
    outside = [o for o in _offenders("checker", "checker/", "checker.rules", registry) if not o.startswith("checker/rules/")]
    assert outside + _offenders("sitegen", "sitegen/", "checker.rules", registry) == []


def test_domain_imports_nothing_of_checker_but_domain():
    assert [o for o in _offenders("checker", "checker/domain/", "checker") if ": checker.domain" not in o] == []


def test_only_the_command_line_prints():
    printing = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        if relative.startswith("checker/cli/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        printing += [f"{relative}:{n.lineno}" for n in ast.walk(tree)
                     if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "print"]
    assert printing == []

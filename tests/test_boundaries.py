"""The architecture's import rules, checked in a fresh interpreter per package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "surveys": {"flask", "wtforms", "consult", "analysis", "pandas", "flask_sqlalchemy"},
    "analysis": {"flask", "wtforms", "consult", "surveys", "sqlalchemy", "flask_sqlalchemy"},
}


def _loaded_top_level_modules(package: str) -> set[str]:
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / package).rglob("*.py")
        if "tests" not in path.parts
    ]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_forbidden(package: str) -> None:
    loaded = _loaded_top_level_modules(package)
    assert loaded & FORBIDDEN[package] == set()

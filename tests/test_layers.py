"""The layers contract (pyproject.toml, [tool.importlinter]) holds for the code, and it bites: a copy of the code with
one import against the layers makes lint-imports fail, naming the contract that broke."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
LAYERS = "Layers: each app imports only from the apps below it"
PURE_DETECTOR = "The anonymisation detector is pure Python: no Django"


def root_packages() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


def lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own lint-imports, on a copy of our own code
        [str(LINT_IMPORTS), "--no-cache"], cwd=where, capture_output=True, text=True, timeout=300, check=False
    )


def copy_of_the_code(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for package in root_packages():
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return tmp_path


def test_every_app_is_in_a_layer():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    in_layers = {app.strip() for layer in layers for app in re.split(r"[|:]", layer)}
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"cop"}
    assert apps <= in_layers, f"apps in no layer: {sorted(apps - in_layers)}"
    assert in_layers == set(config["root_packages"])


def test_the_code_keeps_the_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{LAYERS} KEPT" in result.stdout
    assert f"{PURE_DETECTOR} KEPT" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "broken"),
    [
        ("sites/rules.py", "import cycle.models", LAYERS),  # a lower app reaching up
        ("members/models.py", "from sites.models import Membership", LAYERS),  # people below sites
        ("newsletters/selectors.py", "import forum.selectors", LAYERS),  # two apps of one layer
        ("core/markdown.py", "import cop.settings", LAYERS),  # nothing below imports the project package
        ("core/anonymisation/names.py", "import django.conf", PURE_DETECTOR),
    ],
)
def test_an_import_against_the_layers_fails(tmp_path, module, wrong_import, broken):
    code = copy_of_the_code(tmp_path)
    path = code / module
    path.write_text(path.read_text() + f"\n{wrong_import}  # against the layers, on purpose\n")
    result = lint_imports(code)
    assert result.returncode != 0
    assert f"{broken} BROKEN" in result.stdout, result.stdout

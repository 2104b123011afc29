"""The stubs type the examples and the package under `mypy --strict`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("mypy", reason="mypy is not installed (pip install './python[test]')")


def test_mypy_strict_passes_on_the_examples_and_the_package() -> None:
    # The configuration (strict, files) is in python/pyproject.toml.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT / "python", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_rejects_a_wrong_call(tmp_path: Path) -> None:
    bad = tmp_path / "bad_call.py"
    bad.write_text("import pith\nx: int = pith.extract('<p>x</p>').title\n")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 1 and "incompatible types" in result.stdout.lower(), result.stdout

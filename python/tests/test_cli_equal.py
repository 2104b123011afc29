"""The wheel's record equals the CLI's JSON on every corpus page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import pith
from conftest import corpus_pages


@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: p.stem)
def test_the_record_equals_the_cli_json(cli: Path, page: Path) -> None:
    out = subprocess.run(
        [str(cli), str(page), "--format", "json"], capture_output=True, check=False
    ).stdout
    expected = json.loads(out)
    del expected["seconds"]
    article = pith.extract(page.read_bytes(), id=page.stem)
    assert article.to_dict() == expected
    # Byte for byte too, but for the timing at the end.
    line = out.decode().strip()
    assert line[: line.rindex(',"seconds":')] + "}" == article.to_json()

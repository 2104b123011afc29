"""Shared fixtures: the corpus pages, the CLI binary, WARC files built from pages."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "html"


def corpus_pages() -> list[Path]:
    """Every page of the repository's corpus, sorted."""
    pages = sorted(CORPUS.glob("*.html"))
    assert pages, f"no corpus pages in {CORPUS}"
    return pages


@pytest.fixture(scope="session")
def cli() -> Path:
    """The release CLI (`PITH_CLI`, else target/release/pith, built when missing)."""
    given = os.environ.get("PITH_CLI")
    if given:
        return Path(given)
    binary = ROOT / "target" / "release" / "pith"
    if not binary.exists():
        if shutil.which("cargo") is None:
            pytest.fail("target/release/pith is missing and cargo is not on PATH to build it")
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return binary


def write_warc(path: Path, pages: Sequence[tuple[str, bytes, str]]) -> None:
    """A gzip-per-record WARC of HTTP responses: (url, body, content type) each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, content_type in pages:
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Identified-Payload-Type": content_type.split(";")[0]},
            )
            writer.write_record(record)


def corpus_warc_pages() -> list[tuple[str, bytes, str]]:
    """The corpus pages as WARC responses, each at its own URL."""
    return [
        (f"https://corpus.example/{p.stem}", p.read_bytes(), "text/html; charset=utf-8")
        for p in corpus_pages()
    ]

"""Pages per second through Python: pith vs trafilatura vs Resiliparse, and pith's binding
overhead over the Rust CLI on the same pages.

    python3 -m venv /tmp/pith-bench
    /tmp/pith-bench/bin/pip install ./python trafilatura==2.3.1 lxml_html_clean==0.4.7 resiliparse==2.0.0
    cargo build --release
    nice -n 10 /tmp/pith-bench/bin/python python/bench.py            # README table (Markdown)

Datasets default to ../shared/datasets/{scrapinghub,wcxb-dev} (`html/<id>.html` files).
Pages are read into memory first. Single-threaded figures are pages per CPU second (the
process's CPU time: on a machine shared with other jobs, wall time measures the load as
much as the code), best of `--repeat` passes; 2-job figures are wall-clock pages/s.

* pith 1 thread: `pith.extract(page_bytes)` in a loop (charset detection included, as in
  the CLI); pith 2 jobs: one `pith.extract_many(pages, jobs=2)` call.
* trafilatura: `trafilatura.extract(html)` with its defaults; Resiliparse:
  `extract_plain_text(html, main_content=True)`. Both get `str` (decoded here, untimed),
  and hold the GIL, so their 2-worker figure uses a `multiprocessing` pool of 2.
* Rust: `target/release/pith batch DIR --jobs 1 --format jsonl`, the CPU time of the
  process (reading each file, extracting it, writing its record), passes alternating with
  pith's; overhead is pith 1 thread's CPU time per page over that, minus one.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pith

ROOT = Path(__file__).resolve().parents[1]
DATASETS = [ROOT / ".." / "shared" / "datasets" / "scrapinghub", ROOT / ".." / "shared" / "datasets" / "wcxb-dev"]


def best(passes: int, run: Callable[[], Any], clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of `passes` runs, in seconds of `clock`."""
    times = []
    for _ in range(passes):
        started = clock()
        run()
        times.append(clock() - started)
    return min(times)


def cpu(run: Callable[[], Any], passes: int = 1) -> float:
    """The least CPU time of this process over `passes` runs."""
    return best(passes, run, time.process_time)


def trafilatura_one(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def resiliparse_one(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(html, main_content=True))


def pooled(fn: Callable[[str], str], pages: Sequence[str]) -> Callable[[], Any]:
    """Runs `fn` over the pages on a pool of 2 processes (started, and warmed, untimed)."""
    pool = multiprocessing.get_context("fork").Pool(2)
    pool.map(fn, pages[:4])

    def run() -> Any:
        return pool.map(fn, pages, chunksize=8)

    run.pool = pool  # type: ignore[attr-defined]
    return run


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rust_cpu(cli: Path, html_dir: Path) -> float:
    """CPU seconds of one `pith batch --jobs 1` over the folder."""
    before = children_cpu()
    subprocess.run(
        [str(cli), "batch", str(html_dir), "--jobs", "1", "-q", "--format", "jsonl"],
        stdout=subprocess.DEVNULL, check=True,
    )
    return children_cpu() - before


def bench(dataset: Path, cli: Path, passes: int, others: bool) -> dict[str, Any]:
    files = sorted((dataset / "html").glob("*.html"))
    raw = [f.read_bytes() for f in files]
    text = [b.decode("utf-8", errors="replace") for b in raw]
    n = len(raw)
    row: dict[str, Any] = {"dataset": dataset.name, "pages": n, "mb": sum(map(len, raw)) / 1e6,
                           "load": os.getloadavg()[0]}
    pith.extract_many(raw[:8])  # warm-up
    # Python and Rust passes alternate, so that both see the same machine.
    py1s, rusts = [], []
    for _ in range(passes):
        py1s.append(cpu(lambda: [pith.extract(b) for b in raw]))
        rusts.append(rust_cpu(cli, dataset / "html"))
    py1, rust = min(py1s), min(rusts)
    py2 = best(passes, lambda: pith.extract_many(raw, jobs=2))
    row.update(pith_1=n / py1, pith_2=n / py2, rust_1=n / rust, overhead=py1 / rust - 1)
    if others:
        for name, fn in (("trafilatura", trafilatura_one), ("resiliparse", resiliparse_one)):
            fn(text[0])  # imports and warm-up
            row[f"{name}_1"] = n / cpu(lambda: [fn(t) for t in text])
            run = pooled(fn, text)
            row[f"{name}_2"] = n / best(1, run)
            run.pool.close()  # type: ignore[attr-defined]
    row["load"] = max(row["load"], os.getloadavg()[0])
    print(json.dumps(row), file=sys.stderr)
    return row


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| dataset | pages | pith 1 thread (CPU) | pith `extract_many` 2 jobs (wall) "
        "| trafilatura 1 (CPU) / 2 procs (wall) | Resiliparse 1 (CPU) / 2 procs (wall) "
        "| pith ÷ trafilatura, 1 thread | Rust CLI 1 job (CPU) | binding overhead |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        tra = f"{r['trafilatura_1']:.1f} / {r['trafilatura_2']:.1f}" if "trafilatura_1" in r else "–"
        res = f"{r['resiliparse_1']:.0f} / {r['resiliparse_2']:.0f}" if "resiliparse_1" in r else "–"
        ratio = f"{r['pith_1'] / r['trafilatura_1']:.1f}×" if "trafilatura_1" in r else "–"
        lines.append(
            f"| {r['dataset']} | {r['pages']} ({r['mb']:.0f} MB) | {r['pith_1']:.0f} | {r['pith_2']:.0f} "
            f"| {tra} | {res} | {ratio} | {r['rust_1']:.0f} | {r['overhead'] * 100:+.1f}% |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="*", type=Path, default=DATASETS)
    parser.add_argument("--cli", type=Path, default=ROOT / "target" / "release" / "pith")
    parser.add_argument("--repeat", type=int, default=3, help="passes per pith figure (best kept)")
    parser.add_argument("--pith-only", action="store_true", help="skip trafilatura and Resiliparse")
    args = parser.parse_args()
    rows = [bench(d, args.cli, args.repeat, not args.pith_only) for d in args.datasets]
    print(table(rows))
    print(f"\nLoad average (1 min) during the runs: up to {max(r['load'] for r in rows):.1f} on "
          f"{os.cpu_count()} cores.")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Aligns an archive (a directory tree of journal files) on a Dask `distributed` cluster.

    python3 examples/python/dask_align.py ARCHIVE OUT --workers 2          # a LocalCluster
    python3 examples/python/dask_align.py ARCHIVE OUT --scheduler tcp://host:8786

The files under ARCHIVE (by default *.txt and *.pdf; whatever the library's source reader
accepts) are listed in path order and cut into partitions, a bag of files. Each worker process
builds one summalign.Aligner when it starts (a worker plugin) and aligns the partitions it is
given; each partition is written to OUT/part-NNNNN.jsonl (one line per article, the line
`summalign align --format jsonl` writes, with the source file under "source"), through a
temporary file renamed when complete; part files of an earlier run in OUT are removed first.
OUT/summary.json then holds what was found: files,
articles, findings by kind, files that could not be read, the time taken, the largest
worker's peak memory.

The part files, read in name order, are exactly what `summalign align --format jsonl` prints
for the same files in the same order (the test python/tests/test_dask.py checks this).
A file that cannot be read or is not valid UTF-8 is left out of the JSONL, named with its
error in summary.json and OUT/errors.jsonl, and makes the exit status 1 (the command would
stop at it instead).

With --scheduler, ARCHIVE and OUT must be the same paths on every worker (a shared file
system), and the workers need the summalign module on their PYTHONPATH.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import sys
import time
from typing import Any, Dict, List, Sequence


def list_archive(archive: str, suffixes: Sequence[str]) -> List[str]:
    """The files under `archive` with one of `suffixes`, as the command names them (archive/sub/x.txt), sorted."""
    found = []
    for directory, subdirectories, files in os.walk(archive):
        subdirectories.sort()
        for name in files:
            if name.endswith(tuple(suffixes)):
                found.append(os.path.join(directory, name))
    # Byte order of the UTF-8 paths, as `summalign align DIRECTORY` sorts them.
    found.sort(key=lambda path: path.encode("utf-8", "surrogateescape"))
    return found


class AlignerPlugin:
    """Builds one summalign.Aligner per worker process when the worker starts (a Dask worker plugin)."""

    name = "summalign-aligner"

    def __init__(self, aligner_options: Dict[str, Any]) -> None:
        self.aligner_options = aligner_options

    def setup(self, worker: Any) -> None:
        import summalign

        worker.summalign_aligner = summalign.Aligner(**self.aligner_options)

    def teardown(self, worker: Any) -> None:
        worker.summalign_aligner = None


def align_partition(files: Sequence[str], index: int, out_dir: str, threads: int) -> Dict[str, Any]:
    """Aligns `files` with the worker's Aligner and writes OUT/part-<index>.jsonl; returns the counts."""
    import summalign
    from distributed import get_worker

    worker = get_worker()
    aligner = worker.summalign_aligner
    started = time.perf_counter()
    findings: collections.Counter = collections.Counter()
    errors = []
    articles = 0
    chunks = []
    for path in files:
        try:
            document = aligner.align_file(path, threads=threads)
        except summalign.Error as error:
            errors.append({"file": path, "offset": error.offset, "error": str(error)})
            continue
        chunks.append(document.to_jsonl())
        articles += len(document)
        findings.update(f.kind for f in document.findings())
    name = os.path.join(out_dir, f"part-{index:05d}.jsonl")
    temporary = f"{name}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="") as out:
        out.writelines(chunks)
    os.replace(temporary, name)
    return {
        "partition": index, "worker": worker.address, "files": len(files) - len(errors), "articles": articles,
        "findings": dict(findings), "errors": errors, "seconds": time.perf_counter() - started,
        # Peak resident memory of the worker process so far (Linux: KiB), for sizing workers.
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run(client: Any, files: List[str], out_dir: str, partitions: int, threads: int) -> Dict[str, Any]:
    import dask
    import dask.bag as db

    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):  # parts of an earlier run would mix with this one's
        if old.startswith("part-") and old.endswith(".jsonl"):
            os.remove(os.path.join(out_dir, old))
    started = time.perf_counter()
    bag = db.from_sequence(files, npartitions=max(1, min(partitions, len(files))))
    tasks = [dask.delayed(align_partition)(part, i, out_dir, threads) for i, part in enumerate(bag.to_delayed())]
    results = list(dask.compute(*tasks, scheduler=client.get))
    seconds = time.perf_counter() - started
    findings: collections.Counter = collections.Counter()
    for r in results:
        findings.update(r["findings"])
    errors = [e for r in results for e in r["errors"]]
    articles = sum(r["articles"] for r in results)
    return {
        "files": sum(r["files"] for r in results), "articles": articles, "partitions": len(results),
        "workers": len(client.scheduler_info()["workers"]), "seconds": round(seconds, 3),
        "articles_per_second": round(articles / seconds, 1) if seconds > 0 else None,
        "findings": dict(sorted(findings.items())), "errors": errors,
        "partition_seconds": [round(r["seconds"], 3) for r in results],
        "worker_peak_mb": round(max(r["worker_peak_mb"] for r in results), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", help="directory tree of journal files")
    parser.add_argument("out", help="output directory: part-NNNNN.jsonl, summary.json, errors.jsonl")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument("--workers", type=int, default=2, help="worker processes of a LocalCluster on 127.0.0.1 (default 2)")
    parser.add_argument("--partitions", type=int, default=0, help="partitions (default: 4 per worker)")
    parser.add_argument("--threads", type=int, default=1, help="articles of one file aligned in parallel per worker")
    parser.add_argument("--suffix", action="append", help="file name endings to align (default .txt and .pdf)")
    parser.add_argument("--no-learned", action="store_true", help="leave out the learned lexicon (as the command's --no-learned)")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    files = list_archive(args.archive, args.suffix or [".txt", ".pdf"])
    if not files:
        print(f"{args.archive}: no files to align", file=sys.stderr)
        return 1
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    try:
        aligner_options = {"threads": args.threads}
        if args.no_learned:
            aligner_options["use_learned"] = False
        client.register_worker_plugin(AlignerPlugin(aligner_options), name=AlignerPlugin.name)
        workers = len(client.scheduler_info()["workers"])
        summary = run(client, files, args.out, args.partitions or 4 * max(1, workers), args.threads)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with open(os.path.join(args.out, "errors.jsonl"), "w", encoding="utf-8") as out:
        for error in summary["errors"]:
            out.write(json.dumps(error, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as out:
        json.dump(summary, out, ensure_ascii=False, indent=2)
        out.write("\n")
    for error in summary["errors"]:
        print(f"dask_align: {error['error']}", file=sys.stderr)
    print(f"dask_align: {summary['articles']} articles from {summary['files']} files in {summary['seconds']} s "
          f"on {summary['workers']} workers -> {args.out}", file=sys.stderr)
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Articles per second through the Python module against the command on the same files, and
the Dask job (examples/python/dask_align.py) with 1 and 2 worker processes.

    scripts/make-bench-corpus.sh build 500
    PYTHONPATH=build/python /usr/bin/python3 bench/python_throughput.py build --runs 5

The 1,001-article corpus (build/bench-corpus/corpus-500.txt) is cut at article starts into
--files files (default 20, ~50 articles each) under build/bench-corpus/split-500/, so that
there is something to distribute. Every run is a fresh process timed from start to exit
(loading included), the configurations interleaved run by run; medians are printed, of
wall time and of CPU time (user + system of the process and its children, which a busy
shared machine disturbs less than wall time).
"""

import argparse
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON_RUN = r"""
import concurrent.futures, pathlib, sys, summalign
threads, files = int(sys.argv[1]), sys.argv[2:]
aligner = summalign.Aligner(threads=threads)
def one(path):
    return aligner.align_file(path).to_jsonl()
with open("/dev/null", "w") as out:
    if threads == 1:
        for path in files: out.write(one(path))
    else:
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            for text in pool.map(one, files): out.write(text)
"""


def split_corpus(corpus: pathlib.Path, target: pathlib.Path, parts: int) -> list:
    import summalign

    if target.exists():
        files = sorted(str(p) for p in target.glob("*.txt"))
        if len(files) == parts:
            return files
        shutil.rmtree(target)
    target.mkdir(parents=True)
    data = corpus.read_bytes()
    document = summalign.Aligner(use_learned=False).align(corpus)
    starts = [a.start for a in document.articles]
    per_part = max(1, len(starts) // parts)
    cuts = [0] + [starts[i] for i in range(per_part, len(starts), per_part)][: parts - 1] + [len(data)]
    files = []
    for i in range(len(cuts) - 1):
        path = target / f"part-{i:03d}.txt"
        path.write_bytes(data[cuts[i]:cuts[i + 1]])
        files.append(str(path))
    return files


def timed(command: list) -> tuple:
    """Wall seconds and CPU seconds (user + system, the process and its waited-for descendants)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    root = pathlib.Path(__file__).resolve().parents[1]
    corpus = build / "bench-corpus" / "corpus-500.txt"
    if not corpus.exists():
        print(f"{corpus}: missing; run scripts/make-bench-corpus.sh {build} 500", file=sys.stderr)
        return 1
    files = split_corpus(corpus, build / "bench-corpus" / f"split-500-{args.files}", args.files)
    cli = str(build / "summalign")
    count = subprocess.run([cli, "align", "--format", "jsonl", *files], check=True, capture_output=True).stdout.count(b"\n")
    # The same bytes through Python as through the command (checked once, not timed).
    python_out = subprocess.run([sys.executable, "-c", PYTHON_RUN.replace('"/dev/null"', "'/dev/stdout'"), "1", *files],
                                check=True, capture_output=True).stdout
    command_out = subprocess.run([cli, "align", "--format", "jsonl", *files], check=True, capture_output=True).stdout
    assert python_out == command_out, "Python output differs from the command's"
    print(f"{len(files)} files, {count} articles; Python output identical to the command's", flush=True)

    configurations = {
        "command --threads 1": [cli, "align", "--format", "jsonl", "--threads", "1", "-o", "/dev/null", *files],
        "command --threads 2": [cli, "align", "--format", "jsonl", "--threads", "2", "-o", "/dev/null", *files],
        "python, 1 thread": [sys.executable, "-c", PYTHON_RUN, "1", *files],
        "python, 2 threads": [sys.executable, "-c", PYTHON_RUN, "2", *files],
    }
    out_dir = pathlib.Path(tempfile.mkdtemp(prefix="summalign-dask-bench-"))
    directory = str(pathlib.Path(files[0]).parent)
    if not args.skip_dask:
        for workers in (1, 2):
            configurations[f"dask, {workers} worker(s)"] = [
                sys.executable, str(root / "examples" / "python" / "dask_align.py"), directory,
                str(out_dir / f"w{workers}"), "--workers", str(workers)]
    times = {name: [] for name in configurations}
    cpu = {name: [] for name in configurations}
    inner = {1: [], 2: []}
    for run in range(args.runs):
        for name, command in configurations.items():
            wall, seconds = timed(command)
            times[name].append(wall)
            cpu[name].append(seconds)
            if name.startswith("dask"):
                workers = int(name.split()[1])
                inner[workers].append(json.loads((out_dir / f"w{workers}" / "summary.json").read_text())["seconds"])
        print(f"run {run + 1} (load {os.getloadavg()[0]:.1f}): " +
              ", ".join(f"{n} {t[-1]:.2f} s ({cpu[n][-1]:.2f} s CPU)" for n, t in times.items()), flush=True)
    print(f"\nmedians over {args.runs} runs ({count} articles, whole process):")
    for name, values in times.items():
        median = statistics.median(values)
        cpu_median = statistics.median(cpu[name])
        print(f"  {name:24s} {median:6.2f} s  {count / median:7.1f} articles/s   CPU {cpu_median:6.2f} s "
              f"({1000 * cpu_median / count:.1f} ms/article)")
    for workers, values in inner.items():
        if values:
            median = statistics.median(values)
            print(f"  dask {workers} worker(s), job only (cluster up, aligners loaded): {median:.2f} s  "
                  f"{count / median:.1f} articles/s")
    shutil.rmtree(out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())

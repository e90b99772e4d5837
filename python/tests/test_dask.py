"""examples/python/dask_align.py on a LocalCluster of two worker processes (127.0.0.1) writes
what `summalign align --format jsonl` writes for the same files.

Equality rule: the command is given the archive's files in path order (as it lists a
directory); each part file of the job holds the lines of a run of consecutive files, so the
part files read in name order must equal the command's output byte for byte. Because a
distributed job may finish partitions in any order, the weaker rule that the two outputs are
the same multiset of lines (sorted, compared) is checked too, and each line's "source" must
name a file of the archive.
"""

import json
import os
import pathlib
import subprocess
import sys

from conftest import SEED, SOURCE_DIR, run_cli

JOB = SOURCE_DIR / "examples" / "python" / "dask_align.py"


def make_archive(root: pathlib.Path) -> list:
    """A small archive: the seed, its halves and an altered copy, in two levels of folders."""
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    third = len(lines) // 3
    files = {
        "2003/49/stamceller.txt": text,
        "2003/49/first-part.txt": "".join(lines[:third]),
        "2003/50/rest.txt": "".join(lines[third:]),
        "2004/01/celler.txt": text.replace("stamceller", "celler").replace("Stamceller", "Celler"),
        "2004/01/twice.txt": text + "\n" + text,
        "2004/notes.md": "not journal text: not aligned",
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    return sorted(str(root / name) for name in files if name.endswith(".txt"))


def test_dask_job_equals_the_command(tmp_path):
    archive = tmp_path / "archive"
    files = make_archive(archive)
    out = tmp_path / "out"
    env = dict(os.environ)
    done = subprocess.run([sys.executable, str(JOB), str(archive), str(out), "--workers", "2", "--partitions", "3"],
                          capture_output=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()

    expected = run_cli("align", "--format", "jsonl", *files)
    # The command lists the directory the same way.
    assert run_cli("align", "--format", "jsonl", archive) == expected
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    joined = "".join(p.read_text(encoding="utf-8") for p in parts)
    assert joined == expected
    assert sorted(joined.splitlines()) == sorted(expected.splitlines())
    assert {json.loads(line)["source"] for line in joined.splitlines()} == set(files)
    assert not list(out.glob("*.tmp-*"))

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["files"] == len(files)
    assert summary["articles"] == len(expected.splitlines())
    assert summary["workers"] == 2 and summary["partitions"] == 3 and summary["errors"] == []
    findings = json.loads(run_cli("check", *files))
    counts = {}
    for f in findings:
        counts[f["kind"]] = counts.get(f["kind"], 0) + 1
    assert summary["findings"] == counts


def test_dask_job_reports_bad_files(tmp_path):
    archive = tmp_path / "archive"
    files = make_archive(archive)
    (archive / "2003" / "broken.txt").write_bytes(b"Resum\xc3\xa9\n\xff\n")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(JOB), str(archive), str(out), "--workers", "2"],
                          capture_output=True, timeout=300, check=False)
    assert done.returncode == 1
    broken = str(archive / "2003" / "broken.txt")
    assert f"{broken}: byte 8: " in done.stderr.decode()
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["file"], e["offset"]) for e in errors] == [(broken, 8)]
    # The good files are all there, as the command writes them.
    joined = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))
    assert joined == run_cli("align", "--format", "jsonl", *files)


def test_gnu_parallel_recipe_equals_the_command(tmp_path):
    """docs/python.md's GNU parallel route, with the local machine (`:`) as the ssh login."""
    files = make_archive(tmp_path / "archive")
    (tmp_path / "files.txt").write_text("".join(f + "\n" for f in files), encoding="utf-8")
    cli = os.environ["SUMMALIGN_CLI"]
    done = subprocess.run(["parallel", "--sshlogin", "2/:", "--keep-order", "--halt", "now,fail=1",
                           cli, "align", "--format", "jsonl", "{}", "::::", str(tmp_path / "files.txt")],
                          capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8") == run_cli("align", "--format", "jsonl", *files)

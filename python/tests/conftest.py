"""Shared fixtures: the command (SUMMALIGN_CLI), the source tree and one Aligner for the session."""

import os
import pathlib
import subprocess

import pytest

import summalign

SOURCE_DIR = pathlib.Path(os.environ.get("SUMMALIGN_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SEED = SOURCE_DIR / "corpus" / "ugeskr-2003-165-stamceller.txt"


def run_cli(*arguments, stdin=None):
    """Runs the summalign command; returns its standard output (text), failing the test on a non-zero exit."""
    cli = os.environ.get("SUMMALIGN_CLI")
    assert cli, "SUMMALIGN_CLI names the summalign command (ctest sets it)"
    # English whatever the tester's locale (the command's messages follow LC_ALL, LC_MESSAGES, LANG).
    environment = {k: v for k, v in os.environ.items() if k not in ("LC_MESSAGES", "LANGUAGE")}
    environment.update(LC_ALL="C.UTF-8", LANG="C.UTF-8")
    done = subprocess.run([cli, *map(str, arguments)], input=stdin, capture_output=True, check=False, env=environment)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="session")
def aligner():
    return summalign.Aligner()


@pytest.fixture(scope="session")
def seed_text():
    return SEED.read_text(encoding="utf-8")

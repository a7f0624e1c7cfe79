from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"


def seed(name: str) -> Path:
    """A seed article by its number prefix, e.g. ``seed("000")``."""
    return next(SEEDS.glob(f"{name}_*.txt"))


def gold_rows(name: str) -> list[dict]:
    with (GOLD / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# Markers (pyproject.toml) follow from what a test needs, so that `-m "not postgres"` or
# `-m "not slow"` select a quick run on a machine without the tools.
SLOW_MODULES = {"test_scale.py", "test_reliability.py", "test_relink.py", "test_eval_gate.py", "test_browser.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        params = getattr(item, "callspec", None)
        if fixtures & {"postgres_server", "postgres_db"} or (params and "postgresql" in params.id.split("-")):
            item.add_marker(pytest.mark.postgres)
        if item.path.name == "test_browser.py":
            item.add_marker(pytest.mark.browser)
        if item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """CI (`python3 dev.py test` sets NEWSGRAPH_NO_SKIPS) fails a run in which anything was skipped:
    a skipped test is a feature nobody checked."""
    import os

    skipped = terminalreporter.stats.get("skipped", [])
    if os.environ.get("NEWSGRAPH_NO_SKIPS") and skipped:
        terminalreporter.write_line(f"NEWSGRAPH_NO_SKIPS: {len(skipped)} test(s) skipped; failing the run", red=True)
        terminalreporter._session.exitstatus = 1


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory) -> Path:
    """The seeds ingested once per run into a SQLite file; a module copies it (``seeded_copy``)
    rather than analysing the seeds again."""
    from newsgraph.service import ingest
    from newsgraph.store import open_store

    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    ingest([str(SEEDS)], open_store(str(path)))
    return path


def seeded_copy(seeded: Path, folder: Path) -> str:
    """A private copy of the seeded store (its WAL checkpointed first), for a module that writes."""
    import shutil
    import sqlite3

    with sqlite3.connect(seeded) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = folder / "seeds.db"
    shutil.copy(seeded, target)
    return str(target)


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_model

    return load_model()


def _postgres_bin() -> Path:
    import glob
    import shutil

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = found[-1] if found else shutil.which("initdb")
    if not initdb:
        pytest.skip("PostgreSQL is not installed: `python3 dev.py test` installs Debian's postgresql package")
    return Path(initdb).parent


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the test run, on a free loopback port; stopped at the end."""
    import os
    import socket
    import subprocess

    import shutil
    import tempfile

    bindir = _postgres_bin()
    # not under pytest's tmp_path: that is private to its owner, and the server may run as another user
    root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    data = root / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use the package's postgres user
        shutil.chown(root, "postgres")
        os.chmod(root, 0o755)
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "newsgraph", "--auth=trust",
                    "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                    str(root / "log"), "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://newsgraph@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def postgres_db(postgres_server, request):
    """A fresh, empty database on the test server."""
    import hashlib

    import psycopg

    name = "t_" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:16]
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Each store test runs on the embedded default and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("postgres_db")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[int]:
    """``app`` on a real uvicorn server on a loopback port (yields the port), for what the test
    client cannot show: the wire, a browser, requests that run at the same time."""
    import threading
    import time

    import uvicorn

    port = free_port()
    served = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not served.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        served.should_exit = True
        thread.join(timeout=10)

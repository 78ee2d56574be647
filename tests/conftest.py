"""Fixtures shared by the whole suite: a real PostgreSQL server, and a store URL for each database.

`postgres` is a throw-away cluster made with the system's initdb in a temporary folder,
listening on a free loopback port, removed at the end of the session. initdb and the
server refuse to run as root, so as root they run as `nobody`, owning the folder.
"""
from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

STORES = ("sqlite", "postgresql")
_schemas = count()


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    password: str
    database: str

    def url(self, database: str | None = None, password: str | None = None, options: str = "") -> str:
        return (f"postgresql://{self.user}:{password or self.password}@{self.host}:{self.port}/"
                f"{database or self.database}{options}")

    def fresh_url(self) -> str:
        """A URL whose tables live in a new, empty schema: a database of its own, made in milliseconds."""
        import psycopg

        schema = f"test_{os.getpid()}_{next(_schemas)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        return self.url(options=f"?options=-csearch_path%3D{schema}")


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    if shutil.which("initdb"):
        return Path(shutil.which("initdb")).parent
    pytest.fail("PostgreSQL is not installed (no initdb): `./run test` installs Debian's postgresql package; "
                "or run `apt-get install postgresql`")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of our own on 127.0.0.1, password login, durability off for speed."""
    import psycopg

    bin_dir = _postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="quizgen-pg-"))
    as_user: dict = {}
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        as_user = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    server = PostgresServer("127.0.0.1", _free_port(), "quizgen", secrets.token_hex(8), "quizgen")
    data, log = folder / "data", folder / "server.log"

    def run(*command: str) -> None:
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120, **as_user)
        if done.returncode:
            pytest.fail(f"{Path(command[0]).name} failed: {done.stdout}{done.stderr}"
                        f"{log.read_text() if log.exists() else ''}")

    pwfile = folder / "pw"
    pwfile.write_text(server.password)
    if as_user:
        os.chown(pwfile, as_user["user"], as_user["group"])
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", server.user, f"--pwfile={pwfile}", "--auth-local=trust",
        "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync")
    options = (f"-p {server.port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
    try:
        with psycopg.connect(server.url(database="postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {server.database}")
        yield server
    finally:
        subprocess.run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], cwd=folder,
                       capture_output=True, timeout=60, **as_user)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=STORES)
def store_url(request, tmp_path: Path) -> str:
    """A URL of a new, empty database: a SQLite file, or a fresh schema on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bank.sqlite'}"
    return request.getfixturevalue("postgres").fresh_url()

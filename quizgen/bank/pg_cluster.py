"""A throw-away PostgreSQL server in a temporary folder, for the test suite and scripts/bench_api.py.

Made with the system's initdb and pg_ctl (Debian: /usr/lib/postgresql/<version>/bin),
listening on a free port of 127.0.0.1 with password login, and removed on exit. initdb
and the server refuse to run as root, so as root they run as `nobody`, owning the folder.
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
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path

_names = count()


class ClusterError(RuntimeError):
    """PostgreSQL is not installed, or the server would not start."""


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    password: str
    database: str
    folder: Path  # the cluster's data is in folder/data

    def postmaster_pid(self) -> int:
        return int((self.folder / "data" / "postmaster.pid").read_text().split()[0])

    def url(
        self, database: str | None = None, password: str | None = None, options: str = ""
    ) -> str:
        return (
            f"postgresql://{self.user}:{password or self.password}@{self.host}:{self.port}/"
            f"{database or self.database}{options}"
        )

    def fresh_url(self) -> str:
        """A URL whose tables live in a new, empty schema: a database of its own, made in milliseconds."""
        import psycopg

        schema = f"test_{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        return self.url(options=f"?options=-csearch_path%3D{schema}")


def postgres_bin() -> Path:
    """The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/*/bin, else the PATH's."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4])
    )
    if found:
        return Path(found[-1]).parent
    if shutil.which("initdb"):
        return Path(shutil.which("initdb")).parent
    raise ClusterError(
        "PostgreSQL is not installed (no initdb): `./run test` installs Debian's postgresql "
        "package, or run `apt-get install postgresql`"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def throwaway_cluster(durable: bool = False) -> Iterator[PostgresServer]:
    """A running server with an empty database `quizgen`; `durable=False` turns fsync off, for tests."""
    import psycopg

    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="quizgen-pg-"))
    as_user: dict = {}
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        as_user = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    server = PostgresServer(
        "127.0.0.1", free_port(), "quizgen", secrets.token_hex(8), "quizgen", folder
    )
    data, log = folder / "data", folder / "server.log"

    def run(*command: str) -> None:
        done = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, timeout=120, **as_user
        )
        if done.returncode:
            raise ClusterError(
                f"{Path(command[0]).name} failed: {done.stdout}{done.stderr}"
                f"{log.read_text() if log.exists() else ''}"
            )

    try:
        pwfile = folder / "pw"
        pwfile.write_text(server.password)
        if as_user:
            os.chown(pwfile, as_user["user"], as_user["group"])
        run(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            server.user,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-p {server.port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=300"
        )
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run(
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        try:
            with psycopg.connect(server.url(database="postgres"), autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {server.database}")
            yield server
        finally:
            # Immediate: the data is thrown away, so no checkpoint is worth waiting for.
            subprocess.run(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                cwd=folder,
                capture_output=True,
                timeout=60,
                **as_user,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)

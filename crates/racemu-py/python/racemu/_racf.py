"""One RACF database (a racemu store) driven through the racemu binary."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional, Sequence

__all__ = ["ExecResult", "JobResult", "Racf", "RacemuError", "racemu_binary"]

#: Exit status racemu gives when it cannot do what it was asked (``racemu: ...`` on stderr).
FAILURE_EXIT = 12


class RacemuError(Exception):
    """racemu itself failed: the store could not be opened, a ring could not be read or
    exported, a server could not start. A RACF command's return code is not an error:
    :meth:`Racf.exec` and :meth:`Racf.run` return it.

    Attributes:
        rc: racemu's exit status (12 for its own failures, -N for signal N).
        output: what racemu printed (standard output, then standard error).
        command: the racemu arguments that failed.
    """

    def __init__(self, rc: int, output: str, command: Sequence[str]) -> None:
        self.rc = rc
        self.output = output
        self.command = list(command)
        super().__init__(f"racemu {' '.join(self.command)} failed (exit {rc}): {output.strip()}")


@dataclass(frozen=True)
class JobResult:
    """What a JCL job printed.

    Attributes:
        rc: the job's highest step condition code.
        systsprt: the SYSTSPRT of its TSO steps, as z/OS prints it.
        joblog: the job log (IEF142I ... lines and racemu's hints).
    """

    rc: int
    systsprt: str
    joblog: str


@dataclass(frozen=True)
class ExecResult:
    """What TSO commands printed.

    Attributes:
        rc: the last command's return code (RACF's: 0, 4, 8, 12 ...).
        text: the commands' output.
    """

    rc: int
    text: str


def racemu_binary() -> Path:
    """The racemu binary: ``$RACEMU_BIN``, else the one this package installed (in the
    environment's scripts directory), else ``racemu`` on ``PATH``.

    Raises:
        RacemuError: when there is none.
    """
    given = os.environ.get("RACEMU_BIN")
    if given:
        return Path(given)
    scripts = sysconfig.get_path("scripts")
    for name in ("racemu", "racemu.exe"):
        candidate = Path(scripts) / name
        if candidate.is_file():
            return candidate
    found = shutil.which("racemu")
    if found:
        return Path(found)
    raise RacemuError(127, "the racemu binary is not installed", [])


def _owner_of(ring: str) -> Optional[str]:
    """The owner named in ``safkeyring://OWNER/RING`` or ``OWNER/RING``, if any."""
    prefix = "safkeyring://"
    ref = ring[len(prefix) :] if ring.startswith(prefix) else ring
    owner, sep, _ = ref.partition("/")
    return owner if sep and owner else None


class Racf:
    """A RACF database (one SQLite file) in ``directory``, with racemu's commands.

    Args:
        directory: where the store (``racf.db``) and exports go; created if needed.
        seed: derive every key, signature and PKCS#12 salt from this number
            (``racemu --seed``): the same commands with the same ``now`` give the same bytes.
            The keys are not secret. A store keeps the seed it was created with.
        now: racemu's clock (RFC 3339 or a date), for reproducible runs; default: the real
            clock.
        binary: the racemu binary; default :func:`racemu_binary`.
    """

    def __init__(
        self,
        directory: Path,
        *,
        seed: Optional[int] = None,
        now: Optional[str] = None,
        binary: Optional[Path] = None,
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.seed = seed
        self.now = now
        self.binary = binary if binary is not None else racemu_binary()
        self._exports = 0

    @property
    def db(self) -> Path:
        """The store's path (``racemu --db``)."""
        return self.directory / "racf.db"

    def _args(self, args: Sequence[str]) -> list[str]:
        out = [str(self.binary), "--db", str(self.db)]
        if self.seed is not None:
            out += ["--seed", str(self.seed)]
        if self.now is not None:
            out += ["--now", self.now]
        return out + list(args)

    def _env(self, extra: Optional[dict[str, str]] = None) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("RACEMU_DB", "RACEMU_NOW", "RACEMU_SEED", "RACEMU_PASSWORD")
        }
        env.update(extra or {})
        return env

    def _call(
        self,
        args: Sequence[str],
        stdin: Optional[str] = None,
        env: Optional[dict[str, str]] = None,
    ) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                self._args(args),
                input=stdin,
                capture_output=True,
                text=True,
                env=self._env(env),
                check=False,
            )
        except OSError as e:
            raise RacemuError(127, str(e), args) from e

    @staticmethod
    def _failed(p: subprocess.CompletedProcess[str]) -> bool:
        """racemu's own failure: a signal, or exit 12 with nothing on standard output and
        ``racemu: `` on standard error (a RACF command's RC 12 prints its messages)."""
        if p.returncode < 0:
            return True
        return (
            p.returncode == FAILURE_EXIT
            and not p.stdout
            and any(line.startswith("racemu: ") for line in p.stderr.splitlines())
        )

    def run(self, jcl_text: str, *, user: Optional[str] = None) -> JobResult:
        """Runs a JCL job (``racemu run``); ``user`` issues its commands unless the JOB card
        names one (default IBMUSER).

        Raises:
            RacemuError: racemu could not run the job.
        """
        args = ["run", "-"] + (["--user", user] if user else [])
        p = self._call(args, stdin=jcl_text)
        if self._failed(p):
            raise RacemuError(p.returncode, p.stdout + p.stderr, args)
        joblog = "\n".join(
            line for line in p.stderr.splitlines() if not line.startswith("racemu: RCM200I ")
        )
        return JobResult(rc=p.returncode, systsprt=p.stdout, joblog=joblog)

    def exec(self, command: str, user: Optional[str] = None) -> ExecResult:
        """Runs TSO commands, one per line (``+``/``-`` continue a line) as ``user`` (default
        IBMUSER) and returns the last one's return code and everything they printed.

        Raises:
            RacemuError: racemu could not run them.
        """
        args = ["exec", command] + (["--user", user] if user else [])
        p = self._call(args)
        if self._failed(p):
            raise RacemuError(p.returncode, p.stdout + p.stderr, args)
        return ExecResult(rc=p.returncode, text=p.stdout)

    def usermap(
        self,
        cert: "Path | bytes | str",
        appl: Optional[str] = None,
        sysid: Optional[str] = None,
        *,
        user: Optional[str] = None,
    ) -> Optional[str]:
        """The RACF user ID a client certificate maps to, as R_usermap (function X'0006')
        answers the server ``user`` (default IBMUSER): ``racemu usermap``. ``cert`` is a
        file (PEM or DER), or the certificate itself as bytes or PEM text; ``appl`` and
        ``sysid`` fill ``&APPLID`` and ``&SYSID`` in MULTIID criteria.

        Returns:
            the user ID, or None when no user is found (exit 4).

        Raises:
            RacemuError: RACF refuses the server (exit 8: no READ to FACILITY
                IRR.RUSERMAP) or the certificate cannot be read (exit 12).
        """
        if isinstance(cert, Path):
            path = cert
        else:
            self._exports += 1
            path = self.directory / f"usermap-{self._exports}.crt"
            path.write_bytes(cert.encode() if isinstance(cert, str) else cert)
        args = ["usermap", str(path)]
        args += ["--appl", appl] if appl else []
        args += ["--sysid", sysid] if sysid else []
        args += ["--user", user] if user else []
        p = self._call(args)
        if p.returncode == 0:
            return p.stdout.strip()
        if p.returncode == 4:
            return None
        raise RacemuError(p.returncode, p.stdout + p.stderr, args)

    def export(
        self,
        ring: str,
        format: Literal["pem", "pkcs12"] = "pem",
        user: Optional[str] = None,
        password: Optional[str] = None,
    ) -> Path:
        """Exports ``ring`` (``safkeyring://OWNER/RING``, ``OWNER/RING``) as the application
        ``user`` opens it (default: the ring's owner) to a new file, mode 0600, in the store's
        directory: one PEM bundle, or a PKCS#12 keystore protected by ``password``.

        Raises:
            ValueError: a PKCS#12 export without a password.
            RacemuError: the ring cannot be opened by ``user`` or is empty.
        """
        if format == "pkcs12" and not password:
            raise ValueError("a PKCS#12 export needs a password")
        self._exports += 1
        suffix = "p12" if format == "pkcs12" else "pem"
        out = self.directory / f"export-{self._exports}.{suffix}"
        # Created 0600 before racemu writes it, whatever it holds and whatever the umask.
        os.close(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        os.chmod(out, 0o600)
        who = user or _owner_of(ring) or "IBMUSER"
        args = ["--user", who, "keyring", "export", ring, "--format", format, "--out", str(out)]
        p = self._call(args, env={"RACEMU_PASSWORD": password} if password else None)
        if p.returncode != 0:
            out.unlink(missing_ok=True)
            raise RacemuError(p.returncode, p.stdout + p.stderr, args)
        return out

    @contextmanager
    def serve(
        self, ring: str, user: Optional[str] = None, label: Optional[str] = None
    ) -> Iterator[tuple[str, int]]:
        """A TLS server (``racemu keyring serve``) presenting ``ring``'s DEFAULT certificate
        (or ``label``'s) as the application ``user`` (default: the ring's owner) opens it, on
        a free loopback port: yields ``(host, port)``, and stops the server on exit. What the
        server says before it listens (RCM204W on a seeded store: its keys are reproducible
        by anyone who knows the seed; RCM213W/RCM214W) goes to standard error.

        Raises:
            RacemuError: the server could not start (no such ring, no key, no access).
        """
        who = user or _owner_of(ring) or "IBMUSER"
        args = ["--user", who, "keyring", "serve", ring, "--listen", "127.0.0.1:0"]
        if label is not None:
            args += ["--label", label]
        try:
            proc = subprocess.Popen(
                self._args(args),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env=self._env(),
            )
        except OSError as e:
            raise RacemuError(127, str(e), args) from e
        assert proc.stderr is not None
        seen: list[str] = []
        address: Optional[tuple[str, int]] = None
        for line in proc.stderr:
            seen.append(line)
            if " racemu: serving on " in line:
                host, _, port = line.strip().rsplit(" ", 1)[1].rpartition(":")
                address = (host, int(port))
                break
        if address is None:
            rc = proc.wait()
            raise RacemuError(rc, "".join(seen), args)
        sys.stderr.writelines(seen[:-1])
        log = proc.stderr

        def drain() -> None:
            # Keep reading the log so the server never blocks on a full pipe.
            for _ in log:
                pass

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        try:
            yield address
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            reader.join(timeout=5)

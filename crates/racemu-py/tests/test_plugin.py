"""The racemu pytest plugin against the real racemu binary."""

from __future__ import annotations

import os
import socket
import ssl
import stat
from pathlib import Path

import pytest

from racemu import Racf, RacemuError
from racemu.plugin import RacfFactory

RING_DECK = """//RING     JOB (ACCT),'TEST RING',CLASS=A
//STEP1    EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Test CA') O('racemu')) +
           NISTECC WITHLABEL('TestCA')
  RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) NISTECC +
           ALTNAME(DOMAIN('localhost') IP(127.0.0.1)) +
           SIGNWITH(CERTAUTH LABEL('TestCA')) WITHLABEL('server')
  RACDCERT ID(SRV) ADDRING(Ring)
  RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('TestCA') RING(Ring))
  RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)
  RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
  SETROPTS RACLIST(FACILITY) REFRESH
  RACDCERT ID(SRV) LISTRING(Ring)
/*
"""


def ring(racf: Racf) -> None:
    job = racf.run(RING_DECK)
    assert job.rc == 0, job.joblog


def ca_file(racf: Racf, tmp_path: Path) -> Path:
    """The ring's CA certificate alone, as PEM (from the ring's PEM export)."""
    pem = racf.export("SRV/Ring", format="pem").read_text()
    blocks = pem.split("-----END CERTIFICATE-----")
    ca = next(b for b in blocks if "# label: TestCA" in b)
    path = tmp_path / "ca.pem"
    path.write_text(ca[ca.index("-----BEGIN CERTIFICATE-----") :] + "-----END CERTIFICATE-----\n")
    return path


def test_run_gives_systsprt_joblog_and_the_jobs_condition_code(racf: Racf) -> None:
    job = racf.run(RING_DECK)
    assert job.rc == 0
    assert "Digital ring information for user SRV:" in job.systsprt
    lines = job.systsprt.splitlines()
    # The TMP echoes each command, then READY: SYSTSPRT as z/OS prints it.
    assert lines[0].startswith("  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Test CA')")
    assert lines[-2:] == ["READY", "END"]
    assert "IEF142I RING STEP1 - STEP WAS EXECUTED - COND CODE 0000" in job.joblog
    assert "RCM200I" not in job.joblog
    assert racf.db.is_file()


def test_exec_returns_a_racf_commands_rc_as_data(racf: Racf) -> None:
    ok = racf.exec("RACDCERT ID(IBMUSER) ADDRING(Mine)")
    assert (ok.rc, ok.text) == (0, "")
    failed = racf.exec("RACDCERT ID(IBMUSER) ADDRING(Mine)")
    assert failed.rc == 8
    assert failed.text.startswith("IRRD")


def test_a_racemu_failure_raises_with_its_rc_and_output(racf: Racf) -> None:
    with pytest.raises(RacemuError) as e:
        racf.export("SRV/NoSuchRing", format="pem")
    assert e.value.rc == 12
    assert "R_datalib" in e.value.output
    with pytest.raises(ValueError):
        racf.export("SRV/Ring", format="pkcs12")


def test_exports_are_0600_and_ssl_loads_them(racf: Racf, tmp_path: Path) -> None:
    ring(racf)
    pem = racf.export("safkeyring://SRV/Ring", format="pem")
    assert stat.S_IMODE(os.stat(pem).st_mode) == 0o600
    assert "-----BEGIN PRIVATE KEY-----" in pem.read_text()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(pem)  # the server's key and certificate, as a server would load them
    p12 = racf.export("SRV/Ring", format="pkcs12", user="SRV", password="secret")
    assert stat.S_IMODE(os.stat(p12).st_mode) == 0o600
    assert p12.read_bytes()[:1] == b"\x30"


def test_a_real_tls_handshake_with_a_served_ring(racf: Racf, tmp_path: Path) -> None:
    ring(racf)
    ctx = ssl.create_default_context(cafile=str(ca_file(racf, tmp_path)))
    served_pem = racf.export("SRV/Ring").read_text()
    with racf.serve("SRV/Ring", user="SRV") as (host, port):
        with socket.create_connection((host, port), timeout=10) as raw:
            with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
                cert = tls.getpeercert()
                assert cert is not None
                assert "(('commonName', 'localhost'),)" in str(cert["subject"])
                # The certificate served is the ring's DEFAULT one, as exported.
                der = tls.getpeercert(binary_form=True)
                assert der is not None
                body = ssl.DER_cert_to_PEM_cert(der).split("-----")[2].strip()
                assert body in served_pem
                assert tls.version() in ("TLSv1.2", "TLSv1.3")
                tls.sendall(b"GET / HTTP/1.0\r\n\r\n")
                reply = tls.recv(4096)
                assert reply.startswith(b"HTTP/1.0 200 OK")
    with pytest.raises(OSError):
        socket.create_connection((host, port), timeout=2).close()


def test_a_seeded_server_warns_that_its_keys_are_reproducible(
    racf_factory: RacfFactory, capfd: pytest.CaptureFixture[str]
) -> None:
    seeded = racf_factory("seeded", seed=3)
    ring(seeded)
    with seeded.serve("SRV/Ring"):
        pass
    assert "RCM204W the keys of this store come from a seed" in capfd.readouterr().err
    unseeded = racf_factory("unseeded", seed=None)
    ring(unseeded)
    with unseeded.serve("SRV/Ring"):
        pass
    assert "RCM204W" not in capfd.readouterr().err


def test_serve_of_a_ring_without_access_raises(racf: Racf) -> None:
    racf.exec("RACDCERT ID(SRV) ADDRING(Ring)")
    with pytest.raises(RacemuError) as e:
        with racf.serve("SRV/Ring"):
            pass  # pragma: no cover
    assert e.value.rc == 12


def test_the_factory_gives_several_stores_and_seeds_make_them_identical(
    racf_factory: RacfFactory,
) -> None:
    now = "2026-11-25T10:00:00Z"
    a = racf_factory("a", seed=7, now=now)
    b = racf_factory("b", seed=7, now=now)
    c = racf_factory("c", seed=8, now=now)
    assert len({a.db, b.db, c.db}) == 3
    jobs = [r.run(RING_DECK) for r in (a, b, c)]
    assert jobs[0].systsprt == jobs[1].systsprt
    list_ca = "RACDCERT CERTAUTH LIST(LABEL('TestCA'))"
    assert a.exec(list_ca).text == b.exec(list_ca).text != c.exec(list_ca).text
    assert a.export("SRV/Ring").read_bytes() == b.export("SRV/Ring").read_bytes()
    p12 = [r.export("SRV/Ring", format="pkcs12", password="pw").read_bytes() for r in (a, b)]
    assert p12[0] == p12[1]


INNER = """
def test_seed(racf):
    assert racf.seed == {want}
"""


def test_racemu_seed_option_and_ini_seed_every_store(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(INNER.format(want=5))
    pytester.runpytest("--racemu-seed=5").assert_outcomes(passed=1)
    pytester.makeini("[pytest]\nracemu_seed = 6\n")
    pytester.makepyfile(INNER.format(want=6))
    pytester.runpytest().assert_outcomes(passed=1)
    pytester.makeini("[pytest]\n")
    pytester.makepyfile(INNER.format(want=None))
    pytester.runpytest().assert_outcomes(passed=1)


def test_usermap_maps_an_openssl_client_certificate(racf: Racf, tmp_path: Path) -> None:
    """racf.usermap: the user ID, None when nothing maps, RacemuError when RACF refuses."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=tmp_path, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "ca.key", "-out", "ca.pem", "-days", "36500", "-subj", "/O=Example/CN=CA")
    openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "c.key", "-out", "c.csr", "-subj", "/O=Example/CN=alice")
    openssl("x509", "-req", "-in", "c.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-set_serial", "9", "-days", "36500", "-out", "client.pem")
    client = tmp_path / "client.pem"
    setup = racf.exec(
        "ADDUSER ALICE\nSETROPTS CLASSACT(DIGTNMAP)\n"
        "RACDCERT ID(ALICE) MAP SDNFILTER('CN=alice.O=Example') WITHLABEL('alice')"
    )
    assert setup.rc == 0, setup.text
    with pytest.raises(RacemuError) as e:
        racf.usermap(client)
    assert e.value.rc == 8
    permit = racf.exec(
        "RDEFINE FACILITY IRR.RUSERMAP UACC(NONE)\n"
        "PERMIT IRR.RUSERMAP CLASS(FACILITY) ID(IBMUSER) ACCESS(READ)\n"
        "SETROPTS RACLIST(FACILITY) REFRESH"
    )
    assert permit.rc == 0, permit.text
    assert racf.usermap(client) == "ALICE"
    assert racf.usermap(client.read_text()) == "ALICE"
    assert racf.exec("RACDCERT ID(ALICE) DELMAP(LABEL('alice'))").rc == 0
    assert racf.usermap(client, appl="ANY") is None

"""Python ``requests`` into ``racemu zosmf serve`` with a client certificate: the certificate
logs on the user RACF maps it to (a certificate name filter, RACDCERT MAP), an unmapped
certificate gets z/OSMF's 401, and HTTP Basic keeps working beside it. The client CA is made
by openssl, outside racemu, as a site's own PKI would be."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import pytest
import requests

from racemu import Racf

SETUP = """RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('zOSMF CA') O('racemu')) NISTECC WITHLABEL('zOSMFCA')
RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) +
         NISTECC KEYUSAGE(HANDSHAKE) WITHLABEL('DefaultzOSMFCert.IZUDFLT') SIGNWITH(CERTAUTH LABEL('zOSMFCA'))
RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT))
RACDCERT ID(IZUSVR) CONNECT(LABEL('DefaultzOSMFCert.IZUDFLT') RING(IZUKeyring.IZUDFLT) DEFAULT)
RACDCERT CERTAUTH ADD('IBMUSER.CLIENTCA.PEM') TRUST WITHLABEL('Client CA')
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('Client CA') RING(IZUKeyring.IZUDFLT))
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(IZUSVR) ACCESS(READ)
SETROPTS CLASSACT(FACILITY) RACLIST(FACILITY) REFRESH
ADDUSER ALICE
ADDUSER ZOSUSR
ALTUSER ZOSUSR PASSWORD(SECRET1) NOEXPIRED
RACDCERT ID(ALICE) MAP SDNFILTER('CN=alice.O=Example.C=US') WITHLABEL('alice')
SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)"""


def openssl(cwd: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def client_certificate(pki: Path, name: str, serial: int) -> tuple[str, str]:
    """An X.509 v3 TLS client certificate for CN=name,O=Example,C=US from the client CA."""
    openssl(pki, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/C=US/O=Example/CN={name}")
    (pki / "client.ext").write_text(
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"
    )
    openssl(pki, "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-set_serial", str(serial), "-days", "36500", "-extfile", "client.ext",
            "-out", f"{name}.pem")
    return str(pki / f"{name}.pem"), str(pki / f"{name}.key")


@contextmanager
def zosmf(racf: Racf) -> Iterator[str]:
    """``racemu zosmf serve`` over the store on a free port: yields its base URL."""
    proc = subprocess.Popen(
        [str(racf.binary), "--db", str(racf.db), "--user", "IZUSVR", "zosmf", "serve",
         "--listen", "127.0.0.1:0", "--ring", "IZUSVR/IZUKeyring.IZUDFLT"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    port: Optional[str] = None
    for line in proc.stderr:
        if "racemu zosmf: serving on " in line:
            port = line.strip().rsplit(":", 1)[1]
            break
    assert port is not None, "the server did not start"
    log = proc.stderr
    threading.Thread(target=lambda: [None for _ in log], daemon=True).start()
    try:
        yield f"https://localhost:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def listuser(base: str, ca: Path, **auth: object) -> tuple[int, str]:
    """LISTUSER through z/OSMF's TSO API: (HTTP status, the user it shows or the body)."""
    r = requests.put(
        f"{base}/zosmf/tsoApp/v1/tso",
        json={"tsoCmd": "LISTUSER", "cmdState": "stateless"},
        headers={"X-CSRF-ZOSMF-HEADER": "true"},
        verify=str(ca),
        timeout=30,
        **auth,  # type: ignore[arg-type]
    )
    if r.status_code != 200:
        return r.status_code, r.text
    lines = [m["message"] for m in r.json()["cmdResponse"]]
    user = next(line.split()[0] for line in lines if line.startswith("USER="))
    return 200, user.removeprefix("USER=")


def test_requests_logs_on_with_a_client_certificate(racf: Racf, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    pki = tmp_path / "pki"
    pki.mkdir()
    openssl(pki, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "ca.key", "-out", "ca.pem", "-days", "36500",
            "-subj", "/C=US/O=Example/CN=Example Client CA")
    alice = client_certificate(pki, "alice", 10)
    bob = client_certificate(pki, "bob", 11)
    put = subprocess.run(
        [str(racf.binary), "--db", str(racf.db), "ds", "put", "'IBMUSER.CLIENTCA.PEM'",
         str(pki / "ca.pem")], capture_output=True, text=True, check=False,
    )
    assert put.returncode == 0, put.stderr
    setup = racf.exec(SETUP)
    assert setup.rc == 0, setup.text
    # The ring's certificates (the z/OSMF CA among them) are what the client trusts.
    trusted = racf.export("IZUSVR/IZUKeyring.IZUDFLT", format="pem")
    with zosmf(racf) as base:
        assert listuser(base, trusted, cert=alice) == (200, "ALICE")
        status, body = listuser(base, trusted, cert=bob)
        assert status == 401, body
        assert json.loads(body)["reason"] == 5
        assert listuser(base, trusted, auth=("ZOSUSR", "SECRET1")) == (200, "ZOSUSR")

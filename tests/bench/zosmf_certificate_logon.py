#!/usr/bin/env python3
"""Benchmark (issue 24): what a client-certificate logon costs in `racemu zosmf serve` beside
HTTP Basic. One client issues N TSO commands (PUT /zosmf/tsoApp/v1/tso, LISTUSER) over a new
TLS connection each, first with Basic credentials (the server's 60-second logon cache
answers after the first), then with a client certificate RACF maps to the same user through
a name filter (the lookup runs on every request). Prints the p50 and p90 latency of each and
their ratio. Asserts nothing.

usage: tests/bench/zosmf_certificate_logon.py [N]   (default 200)
The racemu binary is $RACEMU, else target/debug/racemu (built if missing)."""
import base64, os, re, ssl, statistics, subprocess, sys, tempfile, threading, time
import urllib.request

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = os.environ.get("RACEMU", os.path.join(root, "target", "debug", "racemu"))
if not os.path.exists(binary):
    subprocess.run(["cargo", "build", "-q", "-p", "racemu"], cwd=root, check=True)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
tmp = tempfile.mkdtemp(prefix="racemu-cert-logon-")
db = os.path.join(tmp, "racf.db")


def sh(*args, cwd=tmp):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
sh("openssl", "req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "365",
   "-subj", "/C=US/O=Example/CN=Example Client CA")
sh("openssl", "req", "-new", *ec, "-keyout", "u.key", "-out", "u.csr", "-subj", "/C=US/O=Example/CN=loadusr")
with open(os.path.join(tmp, "ext"), "w") as f:
    f.write("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n")
sh("openssl", "x509", "-req", "-in", "u.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "7",
   "-days", "365", "-extfile", "ext", "-out", "u.pem")
sh(binary, "--db", db, "ds", "put", "'IBMUSER.CLIENTCA.PEM'", os.path.join(tmp, "ca.pem"))
SETUP = """RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('zOSMF CA')) NISTECC WITHLABEL('zOSMFCA')
RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) +
         NISTECC WITHLABEL('zOSMF') SIGNWITH(CERTAUTH LABEL('zOSMFCA'))
RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT))
RACDCERT ID(IZUSVR) CONNECT(LABEL('zOSMF') RING(IZUKeyring.IZUDFLT) DEFAULT)
RACDCERT CERTAUTH ADD('IBMUSER.CLIENTCA.PEM') TRUST WITHLABEL('Client CA')
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('Client CA') RING(IZUKeyring.IZUDFLT))
ADDUSER LOADUSR
ALTUSER LOADUSR PASSWORD(LOADPW) NOEXPIRED
RACDCERT ID(LOADUSR) MAP SDNFILTER('CN=loadusr.O=Example.C=US') WITHLABEL('load')
SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(IZUSVR) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH
"""
with open(os.path.join(tmp, "setup.txt"), "w") as f:
    f.write(SETUP)
sh(binary, "--db", db, "run", "--sysin", os.path.join(tmp, "setup.txt"))
sh(binary, "--db", db, "--user", "IZUSVR", "keyring", "export", "IZUSVR/IZUKeyring.IZUDFLT",
   "--format", "pem", "--out", os.path.join(tmp, "ring.pem"))
server = subprocess.Popen([binary, "--db", db, "--user", "IZUSVR", "zosmf", "serve", "--listen",
                           "127.0.0.1:0", "--ring", "IZUSVR/IZUKeyring.IZUDFLT"],
                          stderr=subprocess.PIPE, text=True)
port = None
while port is None:
    line = server.stderr.readline()
    if not line:
        sys.exit("the server ended")
    m = re.search(r"serving on 127\.0\.0\.1:(\d+)", line)
    port = m and m.group(1)
threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

url = f"https://localhost:{port}/zosmf/tsoApp/v1/tso"
body = b'{"tsoCmd":"LISTUSER","cmdState":"stateless"}'


def run(ctx, headers):
    times = []
    for _ in range(n):
        req = urllib.request.Request(url, data=body, method="PUT", headers={
            "X-CSRF-ZOSMF-HEADER": "true", "Content-Type": "application/json", **headers})
        t = time.perf_counter()
        with urllib.request.urlopen(req, context=ctx) as r:
            assert b"USER=LOADUSR" in r.read()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


try:
    plain = ssl.create_default_context(cafile=os.path.join(tmp, "ring.pem"))
    basic = run(plain, {"Authorization": "Basic " + base64.b64encode(b"LOADUSR:LOADPW").decode()})
    with_cert = ssl.create_default_context(cafile=os.path.join(tmp, "ring.pem"))
    with_cert.load_cert_chain(os.path.join(tmp, "u.pem"), os.path.join(tmp, "u.key"))
    cert = run(with_cert, {})
    print(f"{n} requests each, a new TLS connection per request")
    print(f"basic:       p50 {basic[0]:.1f} ms  p90 {basic[1]:.1f} ms")
    print(f"certificate: p50 {cert[0]:.1f} ms  p90 {cert[1]:.1f} ms  (p50 ratio {cert[0] / basic[0]:.2f})")
finally:
    server.terminate()
    server.wait(timeout=10)

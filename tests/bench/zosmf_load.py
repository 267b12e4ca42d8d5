#!/usr/bin/env python3
"""Benchmark (issue 15): a bounded load test of `racemu zosmf serve` on loopback. 20 clients
each issue 25 TSO commands (PUT /zosmf/tsoApp/v1/tso, LISTUSER and RACDCERT LISTRING) while
10 clients each submit the Zowe ZWEKRING deck (PUT /zosmf/restjobs/jobs) and poll it to OUTPUT.
Prints p50/p99 latency of the TSO requests, jobs per second, the error count (any HTTP error,
any job lost or not ending CC 0000..0012), and the overhead of one request over a `racemu exec`
process running the same command. Asserts nothing; exits 1 when there were errors.

usage: tests/bench/zosmf_load.py [CLIENTS] [COMMANDS] [JOBS]   (defaults 20 25 10)
The racemu binary is $RACEMU, else target/debug/racemu (built if missing)."""
import base64, json, os, re, ssl, statistics, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = os.environ.get("RACEMU", os.path.join(root, "target", "debug", "racemu"))
if not os.path.exists(binary):
    subprocess.run(["cargo", "build", "-q", "-p", "racemu"], cwd=root, check=True)
clients, commands, njobs = (int(a) for a in (sys.argv[1:] + ["20", "25", "10"][len(sys.argv) - 1:])[:3])

SETUP = """RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('zOSMF CA')) NISTECC WITHLABEL('zOSMFCA')
RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) +
         NISTECC WITHLABEL('zOSMF') SIGNWITH(CERTAUTH LABEL('zOSMFCA'))
RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT))
RACDCERT ID(IZUSVR) CONNECT(LABEL('zOSMF') RING(IZUKeyring.IZUDFLT) DEFAULT)
ADDUSER LOADUSR SPECIAL
ALTUSER LOADUSR PASSWORD(LOADPW) NOEXPIRED
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(IZUSVR) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH
"""

tmp = tempfile.mkdtemp(prefix="racemu-zosmf-load-")
db = os.path.join(tmp, "racf.db")
with open(os.path.join(tmp, "setup.txt"), "w") as f:
    f.write(SETUP)
subprocess.run([binary, "--db", db, "run", "--sysin", os.path.join(tmp, "setup.txt")],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
ca = os.path.join(tmp, "ca.pem")
subprocess.run([binary, "--db", db, "--user", "IZUSVR", "keyring", "export", "IZUSVR/IZUKeyring.IZUDFLT",
                "--format", "pem", "--out", os.path.join(tmp, "ring.pem")],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
with open(os.path.join(tmp, "ring.pem")) as f:
    certs = re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", f.read(), re.S)
with open(ca, "w") as f:
    f.write("".join(certs))
server = subprocess.Popen([binary, "--db", db, "--user", "IZUSVR", "zosmf", "serve", "--listen", "127.0.0.1:0",
                           "--ring", "IZUSVR/IZUKeyring.IZUDFLT"], stderr=subprocess.PIPE, text=True)
port = None
while port is None:
    line = server.stderr.readline()
    if not line:
        sys.exit("the server ended: " + line)
    m = re.search(r"serving on 127\.0\.0\.1:(\d+)", line)
    port = m and m.group(1)
threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

ctx = ssl.create_default_context(cafile=ca)
auth = "Basic " + base64.b64encode(b"LOADUSR:LOADPW").decode()
base = f"https://localhost:{port}"

def call(method, path, body=None, ctype="application/json"):
    req = urllib.request.Request(base + path, method=method, data=body,
                                 headers={"Authorization": auth, "X-CSRF-ZOSMF-HEADER": "true", "Content-Type": ctype})
    with urllib.request.urlopen(req, context=ctx, timeout=120) as r:
        return r.read()

errors, latencies, lock = [], [], threading.Lock()

def tso_client(n):
    for i in range(commands):
        cmd = "LISTUSER LOADUSR" if i % 2 else "RACDCERT ID(IZUSVR) LISTRING(*)"
        t = time.perf_counter()
        try:
            out = json.loads(call("PUT", "/zosmf/tsoApp/v1/tso", json.dumps({"tsoCmd": cmd, "cmdState": "stateless"}).encode()))
            ok = out["cmdResponse"][-1]["message"] == "READY "
        except Exception as e:  # noqa: BLE001 - every failure counts as an error
            ok = False
            with lock:
                errors.append(f"tso client {n}: {e}")
        with lock:
            latencies.append(time.perf_counter() - t)
            if not ok and not errors:
                errors.append(f"tso client {n}: no READY")

deck = open(os.path.join(root, "tests", "decks", "zowe-zwekring.jcl")).read().split("\n", 1)[1]
job_ends, retcodes = [], []

def job_client(n):
    try:
        job = json.loads(call("PUT", "/zosmf/restjobs/jobs", deck.encode(), "text/plain"))
        path = f"/zosmf/restjobs/jobs/{job['jobname']}/{job['jobid']}"
        while True:
            status = json.loads(call("GET", path))
            if status["status"] == "OUTPUT":
                break
            time.sleep(0.02)
        if not re.fullmatch(r"CC 00(00|04|08|12)", status["retcode"] or ""):
            raise RuntimeError(f"{job['jobid']} ended {status['retcode']}")
        with lock:
            job_ends.append(time.perf_counter())
            retcodes.append(status["retcode"])
    except Exception as e:  # noqa: BLE001
        with lock:
            errors.append(f"job client {n}: {e}")

# One request at a time, and the same command as a `racemu exec` process: the overhead.
single = []
for _ in range(20):
    t = time.perf_counter()
    call("PUT", "/zosmf/tsoApp/v1/tso", json.dumps({"tsoCmd": "LISTUSER LOADUSR"}).encode())
    single.append(time.perf_counter() - t)
execs = []
for _ in range(20):
    t = time.perf_counter()
    subprocess.run([binary, "--db", db, "exec", "--user", "LOADUSR", "LISTUSER LOADUSR"], stdout=subprocess.DEVNULL, check=True)
    execs.append(time.perf_counter() - t)

threads = [threading.Thread(target=tso_client, args=(i,)) for i in range(clients)]
threads += [threading.Thread(target=job_client, args=(i,)) for i in range(njobs)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
server.terminate()
server.wait()

def ms(x):
    return f"{x * 1000:.1f} ms"

lat = sorted(latencies)
p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else 0
print(f"binary: {binary}")
print(f"TSO: {clients} clients x {commands} commands = {len(lat)} requests, p50 {ms(statistics.median(lat))}, p99 {ms(p99)}")
print(f"jobs: {len(job_ends)}/{njobs} ZWEKRING jobs reached OUTPUT, {len(job_ends) / (max(job_ends) - start if job_ends else 1):.2f} jobs/s (under the TSO load)")
print(f"job retcodes: {', '.join(f'{rc} x{retcodes.count(rc)}' for rc in sorted(set(retcodes)))}")
print(f"one request at a time: p50 {ms(statistics.median(single))}; racemu exec of the same command: p50 {ms(statistics.median(execs))}")
print(f"wall time {elapsed:.2f} s, errors: {len(errors)}")
for e in errors[:10]:
    print("  " + e)
sys.exit(1 if errors else 0)

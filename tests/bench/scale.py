#!/usr/bin/env python3
"""Benchmark (issue 6, items 3 and 4): a store of 100,000 certificates in 500 users' names and
1,000 rings against a 100-certificate store built the same way. Times LIST of one label,
LISTRING of one ring and CONNECT, each as a fresh `racemu exec` process (median of R runs), and
the start-up-to-exit time of `racemu exec` LISTRING. Prints the figures; asserts nothing.

usage: tests/bench/scale.py [CERTS] [REPEATS]     (defaults 100000, 30)
The large store is built once (about two minutes) and kept in /tmp/racemu-scale-<CERTS>.db."""
import os, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = os.environ.get("RACEMU", os.path.join(root, "target", "release", "racemu"))
if not os.path.exists(binary):
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "racemu"], cwd=root, check=True)

def build(db, certs, users=500, rings=1000):
    """CERTAUTH CA; `users` users, each with certs/users certificates signed by it, connected
    round-robin to the user's rings (rings/users per user)."""
    if os.path.exists(db):
        return
    per_user, rings_per_user = certs // users, max(1, rings // users)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Scale CA')) NISTECC WITHLABEL('ScaleCA')\n")
        for u in range(users):
            uid = f"U{u:05d}"
            for r in range(rings_per_user):
                f.write(f"RACDCERT ID({uid}) ADDRING(RING{r})\n")
            for c in range(per_user):
                f.write(f"RACDCERT ID({uid}) GENCERT SUBJECTSDN(CN('{uid} cert {c}')) NISTECC WITHLABEL('cert{c}') SIGNWITH(CERTAUTH LABEL('ScaleCA'))\n")
                f.write(f"RACDCERT ID({uid}) CONNECT(LABEL('cert{c}') RING(RING{c % rings_per_user}))\n")
        deck = f.name
    t = time.time()
    subprocess.run([binary, "--db", db, "run", "--sysin", deck], stdout=subprocess.DEVNULL, check=False)
    os.unlink(deck)
    print(f"built {db}: {certs} certificates in {time.time() - t:.0f} s")

def timed(db, cmd, repeats):
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([binary, "--db", db, "exec", cmd], stdout=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000

def main():
    certs = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    big, small = f"/tmp/racemu-scale-{certs}.db", "/tmp/racemu-scale-100.db"
    build(big, certs)
    build(small, 100, users=5, rings=10)
    cases = [
        ("LIST one label", "RACDCERT ID(U00003) LIST(LABEL('cert7'))"),
        ("LISTRING one ring", "RACDCERT ID(U00003) LISTRING(RING1)"),
        ("CONNECT", "RACDCERT ID(U00003) CONNECT(CERTAUTH LABEL('ScaleCA') RING(RING0))"),
    ]
    print(f"{'command':<20} {'100 certs':>12} {str(certs) + ' certs':>16} {'ratio':>7}")
    for name, cmd in cases:
        s, b = timed(small, cmd, repeats), timed(big, cmd, repeats)
        print(f"{name:<20} {s:9.1f} ms {b:13.1f} ms {b / s:7.2f}")
    print(f"racemu exec LISTRING start-up to exit (small store): {timed(small, cases[1][1], repeats):.1f} ms median")

main()

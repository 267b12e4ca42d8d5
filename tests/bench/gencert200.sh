#!/usr/bin/env bash
# Benchmark (issue 2, issue 6 item 1): one CA and N (default 200) NISTECC P-256 certificates
# signed by it and connected to one ring, as one racemu deck, against the same work done with
# the openssl command line (genpkey, req, x509 per certificate; the "ring" is a PEM bundle).
# Prints both wall times and the ratio. A benchmark, not a test: nothing is asserted on time.
#   usage: tests/bench/gencert200.sh [N]        (RACEMU=path/to/racemu to pick a binary)
set -euo pipefail
N=${1:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${RACEMU:-$root/target/release/racemu}
if [ ! -x "$bin" ]; then cargo build -q --release -p racemu --manifest-path "$root/Cargo.toml"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deck=$work/deck.txt
{
  echo "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Bench CA') O('racemu')) NISTECC SIZE(256) WITHLABEL('BenchCA') NOTAFTER(DATE(2030-12-31))"
  echo "RACDCERT ID(BENCH) ADDRING(BenchRing)"
  echo "RACDCERT ID(BENCH) CONNECT(CERTAUTH LABEL('BenchCA') RING(BenchRing))"
  for i in $(seq 1 "$N"); do
    echo "RACDCERT ID(BENCH) GENCERT SUBJECTSDN(CN('host$i.example.com') O('racemu')) NISTECC SIZE(256) KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('BenchCA')) WITHLABEL('cert$i') NOTAFTER(DATE(2030-12-31))"
    echo "RACDCERT ID(BENCH) CONNECT(LABEL('cert$i') RING(BenchRing))"
  done
  echo "RACDCERT ID(BENCH) LISTRING(BenchRing)"
} > "$deck"
now() { date +%s.%N; }
t0=$(now)
"$bin" --db "$work/racf.db" --now 2026-11-25T10:00:00Z run --sysin "$deck" > "$work/systsprt"
t1=$(now)
rows=$(grep -c "ID(BENCH)      PERSONAL" "$work/systsprt" || true)
[ "$rows" -eq "$N" ] || { echo "racemu ring has $rows rows, expected $N" >&2; exit 1; }
(
  cd "$work"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
  openssl req -new -x509 -key ca.key -subj "/O=racemu/CN=Bench CA" -days 1500 -out ca.pem 2>/dev/null
  for i in $(seq 1 "$N"); do
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "k$i.key" 2>/dev/null
    openssl req -new -key "k$i.key" -subj "/O=racemu/CN=host$i.example.com" -out "r$i.csr" 2>/dev/null
    openssl x509 -req -in "r$i.csr" -CA ca.pem -CAkey ca.key -set_serial "$i" -days 1500 -out "c$i.pem" 2>/dev/null
    cat "c$i.pem" >> ring.pem
  done
)
t2=$(now)
python3 - "$t0" "$t1" "$t2" "$N" <<'PY'
import sys
t0, t1, t2, n = map(float, sys.argv[1:5])
r, o = t1 - t0, t2 - t1
print(f"certificates: {int(n)} NISTECC P-256 signed by one CA, connected to one ring")
print(f"racemu : {r:8.3f} s  ({1000*r/n:.2f} ms per certificate, one process, one deck)")
print(f"openssl: {o:8.3f} s  ({1000*o/n:.2f} ms per certificate, genpkey+req+x509)")
print(f"ratio  : openssl/racemu = {o/r:.1f}x")
PY

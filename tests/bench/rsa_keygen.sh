#!/usr/bin/env bash
# Benchmark (issue 6, item 2): N RSA 2048 GENCERTs in one racemu deck against N
# `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`. Key generation is the floor;
# everything else racemu does should vanish beside it. Prints the ratio; asserts nothing.
#   usage: tests/bench/rsa_keygen.sh [N]     (default 40)
set -euo pipefail
N=${1:-40}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${RACEMU:-$root/target/release/racemu}
if [ ! -x "$bin" ]; then cargo build -q --release -p racemu --manifest-path "$root/Cargo.toml"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$N"); do
  echo "RACDCERT ID(BENCH) GENCERT SUBJECTSDN(CN('rsa$i')) RSA SIZE(2048) WITHLABEL('rsa$i')"
done > "$work/deck.txt"
now() { date +%s.%N; }
t0=$(now)
"$bin" --db "$work/racf.db" run --sysin "$work/deck.txt" > /dev/null
t1=$(now)
for i in $(seq 1 "$N"); do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/k$i.pem" 2>/dev/null
done
t2=$(now)
python3 - "$t0" "$t1" "$t2" "$N" <<'PY'
import sys
t0, t1, t2, n = map(float, sys.argv[1:5])
r, o = t1 - t0, t2 - t1
print(f"RSA 2048 keys: {int(n)}")
print(f"racemu GENCERT : {r:7.2f} s  ({1000*r/n:6.1f} ms per certificate, key + certificate + store)")
print(f"openssl genpkey: {o:7.2f} s  ({1000*o/n:6.1f} ms per key)")
print(f"ratio          : racemu/openssl = {r/o:.2f}  (target: at most 1.3)")
PY

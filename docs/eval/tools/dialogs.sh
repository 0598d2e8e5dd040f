#!/bin/bash
# The scripted conversations (DeflectionBenchmark) on a fresh database with the sample knowledge base.
# Run from the repository root: docs/eval/tools/dialogs.sh DATABASE OUTPUT
# It prints handovers, declines, clarifying questions, messages without a reply, and an md5 of every dialog's trace.
set -u
DB=$1; OUT=$2
DATA=${DATA:-$(cd "$(dirname "$0")/../../../.." && pwd)/shared/data}
[ -f "$DATA/README.md" ] || { echo "no shared data at $DATA: set DATA to the shared data directory" >&2; exit 2; }
mvn -o -q test -pl src -am -Dtest=DeflectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db="$DB" \
  -Dhearth.data="$DATA" -Dbench.data="$DATA" > "$OUT" 2>&1
echo "rc=$?" >> "$OUT"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" > /dev/null 2>&1
grep -E "^handedToPerson|^declines|^clarifyingQuestions|^messagesWithoutReply" "$OUT"
grep "^traces:" "$OUT" | md5sum

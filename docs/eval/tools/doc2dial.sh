#!/bin/bash
# doc2dial, 200 answerable questions and 200 paired with the wrong document (Doc2dialBenchmark), on a fresh database.
# Run from the repository root: docs/eval/tools/doc2dial.sh DATABASE OUTPUT
# It prints answers cited, answers in the text, and unanswerable questions escalated.
set -u
DB=$1; OUT=$2
DATA=${DATA:-$(cd "$(dirname "$0")/../../../.." && pwd)/shared/data}
[ -f "$DATA/README.md" ] || { echo "no shared data at $DATA: set DATA to the shared data directory" >&2; exit 2; }
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" > /dev/null 2>&1
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB mvn -o -q test -pl src -am -Dtest=Doc2dialBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.questions=${QUESTIONS:-200} -Dhearth.data="$DATA" -Dbench.data="$DATA" > "$OUT" 2>&1
echo "rc=$?" >> "$OUT"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" > /dev/null 2>&1
grep -E "^answerCited|^answerInText|^unanswerableEscalated" "$OUT"

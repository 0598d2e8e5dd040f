#!/bin/bash
# Runs question sets of docs/eval through the whole answer pipeline (SampleAnswerBenchmark) on a fresh database
# with the sample knowledge base, and writes each set's right / wrong / escalated with every question not answered
# right. Run from the repository root:
#   docs/eval/tools/sets.sh DATABASE OUTPUT            # the Northwind sets below
#   SETS=docs/eval/a.jsonl,docs/eval/b.jsonl docs/eval/tools/sets.sh DATABASE OUTPUT
#   EXTRA=,docs/eval/c.jsonl docs/eval/tools/sets.sh DATABASE OUTPUT    # the sets below and more
# Compare two runs line by line:
#   diff <(grep -E "^  (WRONG|ESCALATED|RIGHT)|^===" A) <(grep -E "^  (WRONG|ESCALATED|RIGHT)|^===" B)
# DATA is ../shared/data unless set; PostgreSQL on 127.0.0.1:5432 (user postgres); the database is dropped after.
set -u
DB=$1; OUT=$2
DATA=${DATA:-$(cd "$(dirname "$0")/../../../.." && pwd)/shared/data}
[ -f "$DATA/README.md" ] || { echo "no shared data at $DATA: set DATA to the shared data directory" >&2; exit 2; }
E=docs/eval
SETS=${SETS:-$E/sample-kb-questions.jsonl,$E/northwind-realistic.jsonl,$E/northwind-fresh.jsonl,$E/northwind-followups.jsonl,$E/northwind-heldout.jsonl,$E/northwind-blind.jsonl,$E/northwind-walk-kinds.jsonl,$E/northwind-howto-german.jsonl,$E/northwind-walk3.jsonl,$E/northwind-walk4.jsonl,$E/northwind-walk5.jsonl,$E/northwind-conversations2.jsonl,$E/northwind-wrong.jsonl,$E/northwind-decline.jsonl,$E/northwind-conversations3.jsonl,$E/northwind-walk6.jsonl,$E/northwind-pairs.jsonl,$E/northwind-walk7.jsonl,$E/northwind-walk8.jsonl,$E/northwind-walk9.jsonl,$E/northwind-direction.jsonl,$E/northwind-noshow.jsonl,$E/northwind-lists.jsonl,$E/northwind-events.jsonl,$E/northwind-devicewords.jsonl,$E/northwind-names.jsonl,$E/northwind-walk10.jsonl,$E/northwind-shift.jsonl,$E/northwind-declined.jsonl,$E/northwind-guess.jsonl,$E/northwind-object.jsonl,$E/northwind-walk11.jsonl,$E/northwind-paraphrase.jsonl,$E/northwind-docfact.jsonl,$E/northwind-german2.jsonl,$E/northwind-unanswerable.jsonl,$E/northwind-elliptic.jsonl,$E/northwind-offer.jsonl,$E/northwind-span.jsonl,$E/northwind-pronoun.jsonl,$E/northwind-german3.jsonl,$E/northwind-synonyms.jsonl,$E/northwind-howto.jsonl,$E/northwind-headings.jsonl,$E/northwind-walk12.jsonl,$E/northwind-d2d.jsonl,$E/northwind-generic.jsonl,$E/northwind-spanfit.jsonl,$E/northwind-walk13.jsonl,$E/northwind-table.jsonl,$E/northwind-free.jsonl,$E/northwind-unanswerable2.jsonl,$E/northwind-position.jsonl,$E/northwind-paraphrase4.jsonl,$E/northwind-german4.jsonl,$E/northwind-walk14.jsonl}${EXTRA:-}
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" > /dev/null 2>&1
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB mvn -o -q test -pl src -am -Dtest=SampleAnswerBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dhearth.data="$DATA" -Dbench.data="$DATA" \
  -Dbench.sets="$SETS" -Dbench.printed="${PRINTED:-$SETS}" > "$OUT" 2>&1
echo "rc=$?" >> "$OUT"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" > /dev/null 2>&1
grep -E "^all|^===" "$OUT" | paste - - | awk '{print $2, $6 "/" $7 "/" $8}'

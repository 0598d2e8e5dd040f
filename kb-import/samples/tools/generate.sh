#!/usr/bin/env bash
# Regenerates the binary files of the Hearth sample knowledge base (PDF, DOCX, the deliberately bad
# files in ../mixed) from the text sources in ./src, then verifies every PDF.
# Needs JDK 21+ and PDFBox 3 / Apache POI 5 in the local Maven repository (~/.m2).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
m2="${M2_REPO:-$HOME/.m2/repository}"
jar() { find "$m2/$1" -name "$2-[0-9]*.jar" ! -name '*-sources.jar' | sort -V | tail -1; }
cp=""
for spec in org/apache/pdfbox:pdfbox org/apache/pdfbox:pdfbox-io org/apache/pdfbox:fontbox \
    commons-logging:commons-logging org/apache/poi:poi org/apache/poi:poi-ooxml \
    org/apache/poi:poi-ooxml-full org/apache/xmlbeans:xmlbeans commons-io:commons-io \
    org/apache/commons:commons-compress org/apache/commons:commons-collections4 \
    commons-codec:commons-codec org/apache/logging/log4j:log4j-api com/zaxxer:SparseBitSet \
    org/apache/commons:commons-math3 org/apache/commons:commons-lang3; do
  cp="$cp:$(jar "${spec%%:*}" "${spec##*:}")"
done
run() { java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -cp "${cp#:}" "$here/SampleDocs.java" "$@"; }

kb="$repo/src/main/resources/sample-kb/docs"
mixed="$repo/kb-import/samples/mixed"
run pdf "$here/src/price-guide.txt" "$kb/plans/price-guide.pdf"
run pdf "$here/src/tv-channel-guide.txt" "$kb/tv/tv-packages-channel-guide.pdf"
run pdf "$here/src/customer-terms-summary.txt" "$kb/legal/customer-terms-summary.pdf"
run pdf "$here/src/business-sla.txt" "$kb/business/business-sla.pdf"
run pdf "$here/src/business-broadband.txt" "$kb/business/business-broadband.pdf"
run pdf "$here/src/stoerung.txt" "$kb/de/stoerung.pdf"
run pdf "$here/src/device-recycling.txt" "$mixed/device-recycling.pdf"
run docx "$here/src/social-tariff.txt" "$mixed/social-tariff.docx"
run encrypted-pdf "$here/src/encrypted-wholesale.txt" "$mixed/encrypted.pdf" northwind

# corrupt.pdf: a valid PDF header and the start of an object, then bytes that are not PDF at all.
{ printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Cou'
  head -c 600 /dev/zero | tr '\0' '\x9c'; printf '\nthis file was cut off during upload\n'; } > "$mixed/corrupt.pdf"
: > "$mixed/empty.txt"
python3 - "$mixed/photo.png" <<'PY'
import struct, sys, zlib
w = h = 16
rows = b"".join(b"\0" + bytes((0, 90 + 8 * y, 160)) * w for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

run verify $(find "$kb" "$mixed" -name '*.pdf' | sort)

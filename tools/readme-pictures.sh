#!/usr/bin/env bash
# Makes the README's pictures from the demo itself (issue #13): the certificate of analysis of the seed's lot
# IL250-2025-001 as its PDF prints it, and the viscosity control chart of IL-250-55GAL from the demo's lab results.
#
#   tools/readme-pictures.sh     (builds the jar if it is missing; starts the demo on port 18470 in a scratch
#                                 directory, so ./data is untouched; writes docs/images/*.png)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/lotflow-0.1.0-SNAPSHOT.jar
PORT=${PORT:-18470}
[ -f "$JAR" ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
(cd "$work" && exec java -jar "$JAR" --server.port="$PORT" --lotflow.today=2025-01-28 > app.log 2>&1) &
app=$!
trap 'kill $app 2> /dev/null || true; wait $app 2> /dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -sf "localhost:$PORT/actuator/health" > /dev/null && break
  kill -0 $app 2> /dev/null || { tail -30 "$work/app.log"; exit 1; }
  sleep 1
done
base=http://localhost:$PORT
curl -sf -u tom:tom -H 'Accept: application/pdf' -o "$work/coa.pdf" "$base/api/lots/IL250-2025-001/coa?customer=Acme%20Manufacturing"
curl -sf -u jennifer:jennifer -H 'Accept: image/png' -o docs/images/quality-control-chart.png \
  "$base/api/reports/quality-trend/chart?sku=IL-250-55GAL&test=viscosity40C&from=2024-01-01"
m2=${M2_REPO:-$HOME/.m2/repository}
newest() { ls "$m2"/$1/*/*.jar 2> /dev/null | grep -v -e sources -e javadoc | sort -V | tail -1; }
cp=$(newest org/apache/pdfbox/pdfbox):$(newest org/apache/pdfbox/pdfbox-io):$(newest org/apache/pdfbox/fontbox)
cp=$cp:$(newest commons-logging/commons-logging)
java -cp "$cp" tools/PdfToPng.java "$work/coa.pdf" docs/images/certificate-of-analysis.png 100
echo "wrote docs/images/certificate-of-analysis.png and docs/images/quality-control-chart.png"

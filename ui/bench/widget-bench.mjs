// Widget benchmarks (docs/benchmarks.md): the gzipped size of the widget's JavaScript, and the launcher's
// first paint measured in headless Chromium on a local page, from the moment the embedding script starts
// to the frame's first paint (both on the epoch clock: performance.timeOrigin + time).
//   HEARTH_URL=http://localhost:8080 node ui/bench/widget-bench.mjs [runs]
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = ['hearth.js', 'markdown.js', 'widget.js', 'widget.css'];
let js = 0;
for (const file of files) {
  const bytes = readFileSync(src + file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith('.js')) {
    js += gz;
  }
  console.log(`${file.padEnd(12)} ${String(bytes.length).padStart(7)} bytes, ${String(gz).padStart(6)} gzipped`);
}
console.log(`JavaScript total gzipped: ${js} bytes (${(js / 1024).toFixed(1)} KiB; budget 50 KiB)`);

const HEARTH = process.env.HEARTH_URL;
if (!HEARTH) {
  console.log('Set HEARTH_URL to a running Hearth to measure the launcher first paint.');
  process.exit(0);
}
const runs = Number(process.argv[2] || 20);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const cold = [];
const warm = [];
async function firstPaint(page) {
  await page.goto(`${HEARTH}/`);
  await page.waitForFunction(() => window.__hearthWidget && window.__hearthWidget.firstPaintMs !== null);
  return page.evaluate(() => window.__hearthWidget.firstPaintMs);
}
try {
  for (let i = 0; i < runs + 2; i++) {
    const context = await browser.newContext(); // an empty browser cache: a visitor's first page
    const page = await context.newPage();
    const first = await firstPaint(page);
    const next = await firstPaint(page); // the visitor's next page on the same site
    if (i >= 2) { // the first two warm up the server
      cold.push(first);
      warm.push(next);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
function report(label, times) {
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`launcher first paint, ${label}, ${runs} loads: median ${pick(0.5).toFixed(1)} ms, ` +
    `p90 ${pick(0.9).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (target: 100 ms)`);
}
report('first page (empty cache)', cold);
report('next page (cached frame and files)', warm);

// Widget benchmarks (docs/benchmarks.md): the gzipped size of the widget's JavaScript, and the launcher's
// first paint measured in headless Chromium on a local page (the demo page /), from the moment the embedding
// script starts (hearth.js's performance.now() at its first line) to:
//   placeholder  the placeholder launcher that hearth.js draws in the page: a task queued from the first
//                requestAnimationFrame after it was inserted runs once that frame's style, layout and paint
//                are done on the main thread (__hearthWidget.placeholderPaintMs); this does not include
//                rasterising and presenting the pixels;
//   page paint   the host page's own first-paint entry (presentation time), only for loads where the page's
//                first paint was done on the main thread (paintTime) after the script started: the script
//                inserts the placeholder synchronously, so that paint includes it;
//   frame        the frame's launcher: the frame's first-paint entry, its main-thread paint end (paintTime)
//                and its presentation (startTime), both on the epoch clock (performance.timeOrigin + time).
//   HEARTH_URL=http://localhost:8080 node ui/bench/widget-bench.mjs [runs]
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
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
const series = {};
function record(label, value) {
  if (typeof value === 'number' && Number.isFinite(value)) {
    (series[label] = series[label] || []).push(value);
  }
}
async function measure(page, label) {
  await page.goto(`${HEARTH}/`);
  await page.waitForFunction(() => window.__hearthWidget && window.__hearthWidget.firstPaintMs !== null &&
    window.__hearthWidget.placeholderPaintMs !== null && !document.querySelector('hearth-launcher'));
  const host = await page.evaluate(() => {
    const w = window.__hearthWidget;
    const fp = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint');
    return { start: performance.timeOrigin + w.scriptStart, placeholder: w.placeholderPaintMs,
      frame: w.firstPaintMs, page: fp && fp.paintTime > w.scriptStart ? fp.startTime - w.scriptStart : null };
  });
  const frame = page.frames().find((f) => f.url().includes('/widget/frame'));
  const paintEnd = await frame.evaluate(() => {
    const fp = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint');
    return fp && typeof fp.paintTime === 'number' ? performance.timeOrigin + fp.paintTime : null;
  });
  return { [`placeholder, ${label}`]: host.placeholder, [`page first paint incl. placeholder, ${label}`]: host.page,
    [`frame launcher painted (paintTime), ${label}`]: paintEnd === null ? null : paintEnd - host.start,
    [`frame launcher presented (startTime), ${label}`]: host.frame };
}
const load = [loadavg()[0]];
try {
  for (let i = 0; i < runs + 2; i++) {
    const context = await browser.newContext(); // an empty browser cache: a visitor's first page
    const page = await context.newPage();
    const first = await measure(page, 'first page');
    const next = await measure(page, 'next page'); // the visitor's next page on the same site
    if (i >= 2) { // the first two warm up the server
      for (const [label, value] of Object.entries({ ...first, ...next })) {
        record(label, value);
      }
    }
    await context.close();
    load.push(loadavg()[0]);
  }
} finally {
  await browser.close();
}
for (const [label, times] of Object.entries(series)) {
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`${label}: ${times.length} loads, median ${pick(0.5).toFixed(1)} ms, p90 ${pick(0.9).toFixed(1)} ms, ` +
    `max ${times[times.length - 1].toFixed(1)} ms (target: 100 ms)`);
}
console.log(`load average (1 min) during the run: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);

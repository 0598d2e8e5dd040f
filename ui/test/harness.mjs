// What the browser test scripts share: named steps reported in TAP style, Debian's headless Chromium, and the
// exit code (0 when every step passed).
import { chromium } from 'playwright-core';

const results = [];

// Runs one named step; a failure is reported with its stack and the next steps still run.
export async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(error && error.stack || error).split('\n').join('\n  ')}`);
  }
}

// Headless Chromium from Debian (CHROMIUM overrides the path); Playwright gives every launch a fresh, empty
// user data directory. The flags keep it off the network: this machine's closed network refuses Google's hosts.
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
}

// Prints the summary and exits 1 if any step failed.
export function finish() {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

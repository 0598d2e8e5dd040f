// The floor for any iframe widget on this machine: node serves a page that adds a static same-origin iframe
// with one button; how long from the script to the iframe's first paint?   node ui/bench/iframe-control.mjs
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
const frame = '<!DOCTYPE html><html><head><style>button{width:60px;height:60px;border-radius:50%;background:#0b5cad}</style></head><body><button>x</button><script>new PerformanceObserver((l)=>parent.postMessage(performance.timeOrigin+l.getEntries()[0].startTime,"*")).observe({type:"paint",buffered:true})</script></body></html>';
const page = '<!DOCTYPE html><html><body><h1>Host</h1><script>var t=performance.timeOrigin+performance.now();addEventListener("message",e=>{window.fp=e.data-t});var f=document.createElement("iframe");f.src="/frame";document.body.appendChild(f)</script></body></html>';
const server = createServer((q, r) => { r.writeHead(200, {'Content-Type': 'text/html'}); r.end(q.url === '/frame' ? frame : page); });
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const times = [];
for (let i = 0; i < 22; i++) {
  const ctx = await browser.newContext(); const p = await ctx.newPage();
  await p.goto(url); await p.waitForFunction(() => window.fp !== undefined);
  if (i >= 2) times.push(await p.evaluate(() => window.fp));
  await ctx.close();
}
await browser.close(); server.close();
times.sort((a, b) => a - b);
console.log(`control: static iframe first paint median ${times[10].toFixed(1)} ms, p90 ${times[18].toFixed(1)} ms`);

// Browser tests of the chat widget in real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser download). Run by WidgetBrowserIT against a server it starts, or by hand:
//   HEARTH_URL=http://localhost:8081 AGENT_TOKEN=... node ui/test/widget.test.mjs
// Environment:
//   HEARTH_URL     the running Hearth (required)
//   AGENT_TOKEN    an API token with role AGENT (required), AGENT_NAME its name (default alice)
//   PARTNER_PORT   a free port for a third-party host page; Hearth must allow http://127.0.0.1:<port> for
//                  the site key "partner" (theme colour #7a1f5c, German greeting)
//   OTHER_PORT     a free port for a host page whose origin is NOT allowed
//   CHROMIUM       the browser (default /usr/bin/chromium)
//   SCREENSHOTS    a folder to write PNG screenshots of the main states to (optional)
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { finish, launchChromium, step } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HEARTH = (process.env.HEARTH_URL || '').replace(/\/$/, '');
const AGENT_TOKEN = process.env.AGENT_TOKEN;
const AGENT_NAME = process.env.AGENT_NAME || 'alice';
const PARTNER_PORT = Number(process.env.PARTNER_PORT || 0);
const OTHER_PORT = Number(process.env.OTHER_PORT || 0);
const SHOTS = process.env.SCREENSHOTS;
// the clarify step: a question two FAQ entries fit about equally (WidgetBrowserIT's FAQ), the option it
// chooses and a phrase of that entry's answer
const AMBIGUOUS = process.env.AMBIGUOUS || 'my invoice';
const CHOICE = process.env.CHOICE || 'Why is my bill higher than usual?';
const CHOSEN_ANSWER = /end of a discount/;
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>[click](javascript:window.__xss=3)';
if (!HEARTH || !AGENT_TOKEN) {
  console.error('Set HEARTH_URL and AGENT_TOKEN (see the comment at the top of this file).');
  process.exit(2);
}
if (SHOTS) {
  mkdirSync(SHOTS, { recursive: true });
}


async function agent(method, path, body) {
  const response = await fetch(`${HEARTH}/api/agent/conversations${path}`, {
    method, headers: { Authorization: `Bearer ${AGENT_TOKEN}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined
  });
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

function hostPage(port, site, lang, hostile) {
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Partner shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>*{font-family:serif!important;color:red!important;} iframe{opacity:.1;width:1px;height:1px;display:none}
hearth-launcher,button{display:none!important;background:lime!important;width:1px!important}</style>
</head><body><h1>Partner shop</h1><p>A page on another origin with hostile global CSS.</p>
${hostile ? "<script>window.fetch = function () { throw new Error('host page broke fetch'); };</script>" : ''}
<script src="${HEARTH}/widget/hearth.js" data-site="${site}" data-color="#7a1f5c" async></script></body></html>`;
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// A browser context whose pages open the placeholder launcher's closed shadow root (test only: so that
// axe-core and the locators can look inside; a closed root hides it from both), record violations of the
// page's Content-Security-Policy, and hold back the widget's frame until release() is called.
async function heldContext(options) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      return attach.call(this, Object.assign({}, init, { mode: 'open' }));
    };
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
  });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/widget/frame*', async (route) => {
    await held;
    await route.continue();
  });
  return { context, release };
}

function widgetFrame(page) {
  return page.frameLocator('iframe[data-hearth-widget]');
}

async function frameOf(page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/widget/frame'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('the widget frame never appeared');
}

async function open(page) {
  const w = widgetFrame(page);
  await w.locator('#hearth-launcher').click();
  await w.locator('#hearth-panel').waitFor({ state: 'visible' });
  return w;
}

async function ask(w, question) {
  const before = await w.locator('.msg.assistant[data-seq], .msg.system[data-seq]').count();
  await w.locator('#hearth-input').fill(question);
  await w.locator('#hearth-input').press('Enter');
  await w.locator('.msg.assistant[data-seq], .msg.system[data-seq]').nth(before).waitFor({ timeout: 60000 });
  return w.locator('.msg.assistant[data-seq], .msg.system[data-seq]').nth(before);
}

// Waits until the transcript shows its newest line: scrolled to the bottom (within 2 px).
async function showsNewest(page, what) {
  const frame = await frameOf(page);
  await frame.waitForFunction(() => {
    const log = document.querySelector('.log');
    return log.scrollHeight - log.scrollTop - log.clientHeight <= 2;
  }, null, { timeout: 3000 }).catch(async () => {
    const at = await frame.evaluate(() => {
      const log = document.querySelector('.log');
      return `scrollTop ${log.scrollTop}, clientHeight ${log.clientHeight}, scrollHeight ${log.scrollHeight}`;
    });
    assert.fail(`the newest message is cut off ${what}: ${at}`);
  });
}

async function axe(frame, iframes = true) {
  // a panel still fading in has text at part opacity: judge the contrast of what the customer ends up seeing
  await frame.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
  await frame.evaluate(AXE);
  const result = await frame.evaluate((iframes) => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, iframes
  }), iframes);
  const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(problems, [], 'axe-core found accessibility violations');
}

async function shot(page, name, whole) {
  if (SHOTS) {
    const { width, height } = page.viewportSize();
    const clip = whole || width < 600 ? undefined : { x: width - 460, y: height - 720, width: 460, height: 720 };
    await page.screenshot({ path: `${SHOTS}/${name}.png`, clip });
  }
}

const browser = await launchChromium();
const servers = [];
try {
  const desktop = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await desktop.newPage();
  const streamed = [];
  page.on('response', (response) => {
    if (response.url().includes('/messages') && response.request().method() === 'POST') {
      streamed.push(response.headers()['content-type'] || '');
    }
  });
  let w;
  let conversationId;

  await step('the demo home page shows the launcher, and it opens the chat', async () => {
    await page.goto(`${HEARTH}/`);
    await page.waitForFunction(() => window.__hearthWidget && window.__hearthWidget.firstPaintMs !== null &&
      window.__hearthWidget.placeholderPaintMs !== null);
    const paint = await page.evaluate(() => window.__hearthWidget);
    console.log(`  placeholder launcher painted ${paint.placeholderPaintMs.toFixed(1)} ms, the frame's launcher ` +
      `${paint.firstPaintMs.toFixed(1)} ms after the script started`);
    assert.ok(paint.placeholderPaintMs < paint.firstPaintMs, 'the placeholder paints before the frame');
    await widgetFrame(page).locator('#hearth-launcher').waitFor({ state: 'visible' });
    // the frame's launcher took over: no placeholder, one frame, one launcher
    assert.equal(await page.locator('hearth-launcher').count(), 0);
    assert.equal(await page.locator('iframe[data-hearth-widget]').count(), 1);
    assert.equal(await widgetFrame(page).locator('#hearth-launcher').count(), 1);
    await shot(page, 'widget-closed', true);
    w = await open(page);
    await w.locator('.msg.greeting').waitFor();
  });

  await step('the placeholder launcher paints before the frame, passes axe, keeps a click and gives way', async () => {
    const { context, release } = await heldContext({ viewport: { width: 1100, height: 760 } });
    try {
      const p = await context.newPage();
      await p.goto(`${HEARTH}/`, { waitUntil: 'domcontentloaded' }); // the demo page: style-src 'self', no inline styles allowed
      const placeholder = p.locator('hearth-launcher button');
      await placeholder.waitFor({ state: 'visible' });
      await p.waitForFunction(() => window.__hearthWidget.placeholderPaintMs !== null);
      assert.equal(await p.evaluate(() => window.__hearthWidget.firstPaintMs), null, 'the frame is held back');
      assert.equal(await placeholder.getAttribute('aria-label'), 'Open the chat');
      assert.equal(await placeholder.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(11, 92, 173)');
      const box = await placeholder.boundingBox();
      assert.deepEqual([box.x, box.y, box.width, box.height], [1100 - 16 - 60, 760 - 16 - 60, 60, 60]);
      assert.deepEqual(await p.evaluate(() => window.__cspViolations), [], 'no CSP violation on the host page');
      await axe(p.mainFrame(), false);
      await placeholder.click(); // before the frame is there
      release();
      const f = widgetFrame(p);
      await f.locator('#hearth-panel').waitFor({ state: 'visible' }); // the click was not lost
      assert.equal(await p.locator('hearth-launcher').count(), 0);
      assert.equal(await p.locator('iframe[data-hearth-widget]').count(), 1);
      assert.equal(await f.locator('#hearth-launcher').count(), 1);
      assert.equal(await f.locator('#hearth-input').evaluate((i) => i === document.activeElement), true);
      await axe(await frameOf(p));
    } finally {
      release();
      await context.close();
    }
  });

  await step('a question gets a streamed answer with citations as links', async () => {
    const answer = await ask(w, 'How early should I tell you that I am moving to a new flat?');
    await assert.doesNotReject(answer.locator('.body').filter({ hasText: 'four weeks' }).waitFor());
    const source = answer.locator('.sources a').first();
    assert.match(await source.getAttribute('href'), /\/kb\/documents\//);
    assert.match(await source.textContent(), /^\[1\]/);
    assert.equal(await answer.locator('.body a.cite').count() >= 1, true, 'the [1] marker is a link');
    assert.ok(streamed.some((type) => type.startsWith('text/event-stream')), `answers stream as SSE: ${streamed}`);
    conversationId = await (await frameOf(page)).evaluate(() => window.__hearth.state.conversation.id);
    await shot(page, 'widget-answer');
  });

  await step('with no agent online, "Talk to a person" collects an email and confirms a ticket', async () => {
    const other = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const visitor = await other.newPage();
    await visitor.goto(`${HEARTH}/`);
    const t = await open(visitor);
    await t.locator('.person').click();
    const form = t.locator('form.ticket');
    await form.waitFor({ timeout: 30000 });
    await form.locator('input[type=email]').fill('not an address');
    await form.locator('button[type=submit]').click();
    await form.locator('.field-error').filter({ hasText: /valid email/ }).waitFor();
    await form.locator('input[type=email]').fill('kim@example.com');
    await form.locator('input[type=text]').fill('Kim');
    const sent = visitor.waitForResponse((r) => r.url().includes('/contact'));
    await form.locator('button[type=submit]').click();
    assert.equal((await sent).status(), 201);
    const done = t.locator('.ticket-done');
    await done.waitFor();
    assert.match(await done.textContent(), /HRT-\d+.*kim@example\.com/);
    assert.equal(await t.locator('.banner:visible').count(), 0, 'no live wait is promised');
    await shot(visitor, 'widget-ticket');
    await visitor.reload();
    const again = await open(visitor);
    await again.locator('.ticket-done').waitFor();
    assert.equal(await again.locator('form.ticket').count(), 0, 'the ticket is not asked for twice');
    await other.close();
  });

  await step('the answer can be rated thumbs up with a comment', async () => {
    const answer = w.locator('.msg.assistant[data-seq]').last();
    const rated = page.waitForResponse((r) => r.url().includes('/feedback'));
    await answer.locator('.thumb.up').click();
    assert.equal((await rated).status(), 204);
    await answer.locator('.comment input').fill('clear and quick');
    const commented = page.waitForResponse((r) => r.url().includes('/feedback'));
    await answer.locator('.comment button').click();
    assert.equal((await commented).status(), 204);
    await answer.locator('.thanks').waitFor();
  });

  await step('the widget passes axe-core (WCAG 2.1 A and AA)', async () => {
    await axe(await frameOf(page));
  });

  await step('after a reload the transcript is still there', async () => {
    const before = await w.locator('.msg[data-seq]').allTextContents();
    await page.reload();
    w = await open(page);
    await w.locator('.msg[data-seq]').nth(before.length - 1).waitFor();
    await w.locator('.thumb.up[aria-pressed="true"]').waitFor();
    const after = await w.locator('.msg[data-seq]').allTextContents();
    assert.deepEqual(after.map((t) => t.replace(/\s+/g, ' ')), before.map((t) => t.replace(/\s+/g, ' ')));
  });

  await step('markup in a question and in a passage renders as text', async () => {
    const frame = await frameOf(page);
    const answer = await ask(w, `What is the parental control PIN? ${XSS}`);
    const question = w.locator('.msg.customer[data-seq]').last();
    assert.match(await question.textContent(), /<img src=x onerror=/);
    await answer.locator('.body').waitFor();
    await page.waitForTimeout(1000);
    const shown = await answer.textContent();
    assert.match(shown, /parental/i, `the passage answers: ${shown}`);
    assert.match(shown, /<img src=x onerror=/, 'the passage\'s markup shows as text');
    assert.equal(await frame.locator('.log img, .log script').count(), 0, 'no element was injected');
    assert.equal(await frame.locator('.log a[href^="javascript"]').count(), 0, 'no javascript: link');
    assert.equal(await frame.evaluate(() => window.__xss), undefined);
  });

  await step('keyboard only: Escape closes and returns focus to the launcher, Enter reopens into the input', async () => {
    const frame = await frameOf(page);
    await w.locator('#hearth-input').focus();
    await page.keyboard.press('Escape');
    await w.locator('#hearth-panel').waitFor({ state: 'hidden' });
    assert.equal(await frame.evaluate(() => document.activeElement.id), 'hearth-launcher');
    await page.keyboard.press('Enter');
    await w.locator('#hearth-panel').waitFor({ state: 'visible' });
    assert.equal(await frame.evaluate(() => document.activeElement.id), 'hearth-input');
  });

  await step('"Talk to a person": the widget says so, shows the wait, then the agent\'s name and messages live', async () => {
    await agent('GET', '?filter=waiting'); // the agent is online now: handoffs go live
    const frame = await frameOf(page);
    assert.ok(await frame.evaluate(() => document.querySelector('.log').scrollHeight >
      document.querySelector('.log').clientHeight), 'the transcript is longer than the chat (else nothing to scroll)');
    await w.locator('.person').click();
    await w.locator('.banner').filter({ hasText: /\d+ min|moment/ }).waitFor();
    await w.locator('.msg.system[data-seq]').last().waitFor();
    await showsNewest(page, 'when the waiting banner appears');
    await agent('POST', `/${conversationId}/claim`);
    await w.locator('.banner').filter({ hasText: AGENT_NAME }).waitFor();
    await w.locator('.event').filter({ hasText: AGENT_NAME }).waitFor();
    await showsNewest(page, 'when the agent joins');
    await agent('POST', `/${conversationId}/messages`, { text: 'Hello, this is **Alice** from the support team.' });
    const reply = w.locator('.msg.agent[data-seq]').last();
    await reply.filter({ hasText: 'from the support team' }).waitFor();
    await showsNewest(page, 'when the agent writes');
    assert.equal(await reply.locator('.who').textContent(), AGENT_NAME);
    assert.equal(await reply.locator('strong').textContent(), 'Alice');
    await shot(page, 'widget-agent');
  });

  await step('a message that arrives while the chat is closed shows an unread badge on the launcher', async () => {
    await w.locator('#hearth-input').focus();
    await page.keyboard.press('Escape');
    await w.locator('#hearth-panel').waitFor({ state: 'hidden' });
    await agent('POST', `/${conversationId}/messages`, { text: 'Are you still there?' });
    const badge = w.locator('#hearth-badge');
    await badge.waitFor({ state: 'visible' });
    assert.equal(await badge.textContent(), '1');
    assert.match(await w.locator('#hearth-launcher').getAttribute('aria-label'), /1 new messages/);
    await w.locator('#hearth-launcher').click();
    await badge.waitFor({ state: 'hidden' });
  });

  await step('an agent\'s markup renders as text', async () => {
    const frame = await frameOf(page);
    await agent('POST', `/${conversationId}/messages`, { text: `Agent test ${XSS}` });
    await w.locator('.msg.agent[data-seq]').filter({ hasText: 'Agent test' }).waitFor();
    assert.equal(await frame.locator('.log img, .log script, .log a[href^="javascript"]').count(), 0);
    assert.equal(await frame.evaluate(() => window.__xss), undefined);
  });

  await step('a dropped connection reconnects and resumes without losing or repeating a message', async () => {
    await desktop.setOffline(true);
    await w.locator('.notice').filter({ hasText: /offline/ }).waitFor();
    await agent('POST', `/${conversationId}/messages`, { text: 'Sent while you were offline.' });
    await page.waitForTimeout(1500);
    await desktop.setOffline(false);
    await w.locator('.msg.agent').filter({ hasText: 'Sent while you were offline.' }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(2500);
    assert.equal(await w.locator('.msg.agent').filter({ hasText: 'Sent while you were offline.' }).count(), 1);
    const seqs = await w.locator('.msg[data-seq]').evaluateAll((all) => all.map((m) => m.getAttribute('data-seq')));
    assert.equal(new Set(seqs).size, seqs.length, `no message twice: ${seqs}`);
  });

  await step('after resolution the customer rates the conversation (CSAT)', async () => {
    await agent('POST', `/${conversationId}/resolve`, { outcome: 'answered' });
    const form = w.locator('form.csat');
    await form.waitFor({ timeout: 30000 });
    await form.locator('.score').nth(4).click();
    await form.locator('input').fill('very helpful');
    await shot(page, 'widget-csat');
    const sent = page.waitForResponse((r) => r.url().includes('/csat'));
    await form.locator('button[type=submit]').click();
    assert.equal((await sent).status(), 204);
    await w.locator('.thanks').last().waitFor();
  });

  await step('a message that cannot be sent stays, says so, and goes out on retry', async () => {
    await w.locator('button.new').click();
    await w.locator('.msg.greeting').waitFor();
    assert.equal(await w.locator('.msg[data-seq]').count(), 0, 'a fresh conversation');
    await desktop.setOffline(true);
    await w.locator('#hearth-input').fill('how long does a refund take?');
    await w.locator('#hearth-input').press('Enter');
    await w.locator('.notice').filter({ hasText: /offline/ }).waitFor();
    await w.locator('.msg.customer.failed').waitFor();
    await desktop.setOffline(false);
    await w.locator('.msg.customer.failed .not-sent').click();
    await w.locator('.msg.assistant[data-seq]').first().waitFor({ timeout: 60000 });
    assert.equal(await w.locator('.msg.customer').count(), 1);
  });

  await step('rate limits and server errors get friendly messages, never a stack trace', async () => {
    const frame = await frameOf(page);
    await page.route('**/api/widget/conversations/*/messages**', (route) => route.fulfill({
      status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' },
      body: JSON.stringify({ status: 429, detail: 'Too many messages and actions in one conversation' })
    }));
    await w.locator('#hearth-input').fill('one more');
    await w.locator('#hearth-input').press('Enter');
    await w.locator('.notice').filter({ hasText: '42' }).waitFor();
    await page.unroute('**/api/widget/conversations/*/messages**');
    await page.route('**/api/widget/conversations/*/messages**', (route) => route.fulfill({
      status: 500, headers: { 'Content-Type': 'application/problem+json' },
      body: JSON.stringify({ status: 500, detail: 'java.lang.NullPointerException at dev.hearth...' })
    }));
    await w.locator('#hearth-input').fill('and another');
    await w.locator('#hearth-input').press('Enter');
    await w.locator('.notice').filter({ hasText: /our side/ }).waitFor();
    assert.doesNotMatch(await frame.locator('body').textContent(), /Exception|java\.|at dev\./);
    await page.unroute('**/api/widget/conversations/*/messages**');
  });

  await step('a new visitor is offered the most asked questions as buttons; a key press asks one', async () => {
    // a fresh context: the frame (cached for 5 minutes) and its suggestions are loaded anew
    const visitor = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const v = await visitor.newPage();
    await v.goto(`${HEARTH}/`);
    const n = await open(v);
    const frame = await frameOf(v);
    await n.locator('.msg.greeting').waitFor();
    const offered = n.locator('.suggestions[role=group] button.suggestion');
    await offered.first().waitFor();
    // so far one FAQ entry has answered (the refund question, in the retry step; documents do not count):
    // it comes first, and the entries with the most phrasings fill the list up to three
    const questions = await offered.allTextContents();
    assert.equal(questions[0], 'How long does a refund take?');
    assert.equal(questions.length, 3, questions.join(' | '));
    assert.equal(new Set(questions).size, 3, 'each entry once');
    assert.equal(await n.locator('.suggestions').getAttribute('aria-label'), 'Popular questions');
    assert.equal(await n.locator('.more:visible').count(), 0, 'no "more" on a desktop');
    await axe(frame);
    await shot(v, 'widget-suggestions');
    await offered.first().focus();
    await v.keyboard.press('Enter');
    await n.locator('.msg.customer').filter({ hasText: 'How long does a refund take?' }).waitFor();
    assert.equal(await n.locator('.suggestions').count(), 0, 'the buttons go once the customer has asked');
    const answer = n.locator('.msg.assistant[data-seq]').last();
    await answer.locator('.body').filter({ hasText: '5 working days' }).waitFor({ timeout: 60000 });
    assert.equal(await frame.evaluate(() => document.activeElement.id), 'hearth-input', 'focus goes to the input');
    await showsNewest(v, 'after a suggested question is answered');
    // a restored conversation does not offer them again
    await v.reload();
    const again = await open(v);
    await again.locator('.msg[data-seq]').first().waitFor();
    assert.equal(await again.locator('.suggestions').count(), 0);
    await visitor.close();
  });

  await step('when a question is handed to a person, the banner does not hide the newest message', async () => {
    await agent('GET', '?filter=waiting'); // an agent is online: the handoff is live, with a banner
    const visitor = await browser.newContext({ viewport: { width: 1100, height: 560 } });
    const v = await visitor.newPage();
    await v.goto(`${HEARTH}/`);
    const n = await open(v);
    await (await ask(n, 'When are you open?')).locator('.body').filter({ hasText: 'Monday' }).waitFor();
    await (await ask(n, 'How can I pay my bill?')).locator('.body').filter({ hasText: 'debit' }).waitFor();
    const frame = await frameOf(v);
    assert.ok(await frame.evaluate(() => document.querySelector('.log').scrollHeight >
      document.querySelector('.log').clientHeight), 'the transcript is longer than the chat (else nothing to scroll)');
    // the answer (a handoff notice) comes with the question's stream, the waiting status a moment later
    // through the live stream: the banner appears above a transcript that is already at its end
    await ask(n, 'I want to talk to a person please');
    await n.locator('.banner').filter({ hasText: /\d+ min|moment/ }).waitFor();
    await showsNewest(v, 'when the waiting banner appears after a handoff notice');
    await shot(v, 'widget-handoff-banner');
    // the place in the queue and the expected wait are the status's fields, shown as such and kept up to date:
    // a second customer queues behind, and moves up when an agent takes the first one
    const place = Number(await n.locator('.banner .queue-position').getAttribute('data-position'));
    assert.ok(place >= 1, `a place in the queue: ${place}`);
    assert.match(await n.locator('.banner .queue-position').textContent(), new RegExp(`number ${place} in the queue`));
    assert.match(await n.locator('.banner .queue-wait').getAttribute('data-seconds'), /^\d+$/);
    const first = await frame.evaluate(() => window.__hearth.state.conversation.id);
    const second = await browser.newContext({ viewport: { width: 1100, height: 560 } });
    const s = await second.newPage();
    await s.goto(`${HEARTH}/`);
    const m = await open(s);
    await ask(m, 'Can I talk to a human?');
    const behind = m.locator(`.banner .queue-position[data-position="${place + 1}"]`);
    await behind.waitFor();
    assert.equal(await behind.textContent(), `You are number ${place + 1} in the queue.`);
    await agent('POST', `/${first}/claim`);
    await m.locator(`.banner .queue-position[data-position="${place}"]`).waitFor({ timeout: 10000 });
    await shot(s, 'widget-queue-place');
    await second.close();
    await agent('POST', `/${first}/resolve`, { outcome: 'answered' });
    await visitor.close();
  });

  await step('small talk gets a short friendly reply; an off-topic question is declined politely, then an answerable one is answered', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const v = await visitor.newPage();
    await v.goto(`${HEARTH}/`);
    const n = await open(v);
    const hello = await ask(n, 'Hello!');
    await hello.locator('.body').filter({ hasText: /^Hello! How can I help you today/ }).waitFor();
    const declined = await ask(n, 'Who won the football world cup in 1998?');
    await declined.locator('.body').filter({ hasText: /can't help with that/ }).waitFor();
    assert.match(await declined.locator('.body').textContent(), /rephrase your question, or ask to talk to a person/);
    assert.equal(await declined.locator('.options button').count(), 0);
    assert.equal(await n.locator('.banner:visible').count(), 0, 'declined, not handed over');
    const answered = await ask(n, 'How do I restart my router?');
    await answered.locator('.body').filter({ hasText: /Unplug the router/ }).waitFor();
    const bot = await ask(n, 'are you a bot?');
    await bot.locator('.body').filter({ hasText: /virtual assistant/ }).waitFor();
    const thanks = await ask(n, 'thanks!');
    await thanks.locator('.body').filter({ hasText: "You're welcome!" }).waitFor();
    assert.equal(await n.locator('.banner:visible').count(), 0, 'still with the bot');
    await showsNewest(v, 'after small talk');
    await axe(await frameOf(v));
    await shot(v, 'widget-decline');
    await visitor.close();
  });

  await step('after a decline the customer reaches a person in one click: the decline offers "Talk to a person"', async () => {
    await agent('GET', '?filter=waiting'); // an agent is online: the handoff is live
    const visitor = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const v = await visitor.newPage();
    await v.goto(`${HEARTH}/`);
    const n = await open(v);
    const declined = await ask(n, 'Who won the football world cup in 1998?');
    await declined.locator('.body').filter({ hasText: /can't help with that/ }).waitFor();
    const offer = declined.locator('.decline-actions button');
    assert.equal(await offer.count(), 1, 'the decline offers one button');
    assert.equal(await offer.textContent(), 'Talk to a person');
    await axe(await frameOf(v));
    await offer.click();
    await n.locator('.banner').filter({ hasText: /\d+ min|moment/ }).waitFor();
    assert.equal(await declined.locator('.decline-actions').count(), 0, 'the offer is gone once a person is on the way');
    assert.equal(await n.locator('.footer .person:visible').count(), 0);
    const id = await (await frameOf(v)).evaluate(() => window.__hearth.state.conversation.id);
    const queued = (await agent('GET', '?filter=waiting')).find((c) => c.id === id);
    assert.ok(queued, 'the conversation waits for a person');
    assert.equal(queued.rule, 'customer-asked-for-person');
    await showsNewest(v, 'after the handoff from a decline');
    await agent('POST', `/${id}/claim`);
    await agent('POST', `/${id}/resolve`, { outcome: 'answered' });
    await visitor.close();
  });

  await step('an ambiguous question gets two or three options as buttons; choosing one answers it', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const v = await visitor.newPage();
    await v.goto(`${HEARTH}/`);
    const n = await open(v);
    const asked = await ask(n, AMBIGUOUS);
    await asked.locator('.body').filter({ hasText: /not sure which of these you mean/ }).waitFor();
    const options = asked.locator('.options[role=group] button');
    const count = await options.count();
    assert.ok(count >= 2 && count <= 3, `two or three options, got ${count}`);
    const texts = await options.allTextContents();
    assert.ok(texts.includes(CHOICE), `the options ${JSON.stringify(texts)} include "${CHOICE}"`);
    await axe(await frameOf(v));
    await shot(v, 'widget-clarify');
    await options.filter({ hasText: CHOICE }).click();
    await n.locator('.msg.customer').filter({ hasText: CHOICE }).waitFor();
    const answer = n.locator('.msg.assistant[data-seq]').last();
    await answer.locator('.body').filter({ hasText: CHOSEN_ANSWER }).waitFor({ timeout: 60000 });
    await showsNewest(v, 'after an option is answered');
    await visitor.close();
  });

  await step('during a database outage (503) the widget sends the question again by itself, with the same id', async () => {
    const ids = [];
    let failures = 1;
    await page.route('**/api/widget/conversations/*/messages**', async (route) => {
      if (route.request().method() !== 'POST') {
        return route.continue();
      }
      ids.push(JSON.parse(route.request().postData()).clientId);
      if (failures-- > 0) {
        return route.fulfill({
          status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
          body: JSON.stringify({ status: 503, detail: 'Hearth cannot reach its database just now.' })
        });
      }
      return route.continue();
    });
    const customers = await w.locator('.msg.customer').count();
    const answers = await w.locator('.msg.assistant[data-seq], .msg.system[data-seq]').count();
    await w.locator('#hearth-input').fill('when are you open?');
    await w.locator('#hearth-input').press('Enter');
    await w.locator('.msg.assistant[data-seq], .msg.system[data-seq]').nth(answers).waitFor({ timeout: 60000 });
    assert.equal(ids.length, 2, 'sent once, then once more by itself');
    assert.ok(ids[0], 'the question carries a client id');
    assert.equal(ids[1], ids[0], 'the retry carries the same client id');
    assert.equal(await w.locator('.msg.customer').count(), customers + 1, 'one bubble for the question');
    await page.unroute('**/api/widget/conversations/*/messages**');
  });

  await step('a phone-sized viewport shows the chat full screen and works', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 740 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto(`${HEARTH}/`);
    const m = await open(mobile);
    const box = await mobile.locator('iframe[data-hearth-widget]').boundingBox();
    assert.equal(Math.round(box.width), 390);
    assert.equal(Math.round(box.height), 740);
    const answer = await ask(m, 'How do I restart my router?');
    await answer.locator('.body').filter({ hasText: /Unplug/ }).waitFor();
    assert.equal(await answer.locator('.more').count(), 0, 'a short answer is shown whole');
    await axe(await frameOf(mobile));
    await shot(mobile, 'widget-mobile');
    // a long FAQ answer is cut short, with a "Show more" button that works from the keyboard
    const long = await ask(m, 'What happens on the installation day?');
    await long.locator('.body').filter({ hasText: /engineer visits/ }).waitFor();
    const more = long.locator('button.more');
    await more.waitFor({ state: 'visible' });
    assert.equal(await more.textContent(), 'Show more');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    const clipped = await long.locator('.body').evaluate((b) => [b.clientHeight, b.scrollHeight]);
    assert.ok(clipped[0] < clipped[1] - 20, `the answer is cut short: ${clipped}`);
    await showsNewest(mobile, 'after a long answer');
    await axe(await frameOf(mobile));
    await shot(mobile, 'widget-mobile-more');
    await more.focus();
    await mobile.keyboard.press('Enter');
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await more.textContent(), 'Show less');
    const whole = await long.locator('.body').evaluate((b) => [b.clientHeight, b.scrollHeight]);
    assert.ok(whole[0] >= whole[1], `the whole answer shows: ${whole}`);
    await long.locator('.body').filter({ hasText: /48 hours/ }).waitFor();
    await shot(mobile, 'widget-mobile-expanded');
    await mobile.keyboard.press('Enter');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    await phone.close();
  });

  if (PARTNER_PORT) {
    await step('on an allowed third-party site the widget works despite hostile CSS and scripts, themed and in German', async () => {
      servers.push(await hostPage(PARTNER_PORT, 'partner', 'de', true));
      const { context: partner, release } = await heldContext({ viewport: { width: 1000, height: 740 } });
      const host = await partner.newPage();
      await host.goto(`http://127.0.0.1:${PARTNER_PORT}/`, { waitUntil: 'domcontentloaded' });
      // the placeholder, in the site's colour and the page's language, untouched by the page's CSS
      const placeholder = host.locator('hearth-launcher button');
      await placeholder.waitFor({ state: 'visible' });
      assert.equal(await placeholder.getAttribute('aria-label'), 'Chat öffnen');
      assert.deepEqual(await placeholder.evaluate((b) => [getComputedStyle(b).backgroundColor,
        getComputedStyle(b).color, getComputedStyle(b.getRootNode().host).display]),
      ['rgb(122, 31, 92)', 'rgb(255, 255, 255)', 'block']);
      assert.deepEqual((await placeholder.boundingBox()).width, 60);
      release();
      const launcher = widgetFrame(host).locator('#hearth-launcher');
      await launcher.waitFor({ state: 'visible' });
      assert.equal(await launcher.getAttribute('aria-label'), 'Chat öffnen');
      assert.equal(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(122, 31, 92)');
      await host.locator('hearth-launcher').waitFor({ state: 'detached' });
      const p = await open(host);
      await p.locator('.msg.greeting').filter({ hasText: 'Willkommen' }).waitFor();
      // the site's own suggested questions, in German
      assert.deepEqual(await p.locator('button.suggestion').allTextContents(),
        ['Wie lange dauert eine Rückerstattung?', 'Wann haben Sie geöffnet?']);
      assert.equal(await p.locator('.suggestions').getAttribute('aria-label'), 'Häufige Fragen');
      const answer = await ask(p, 'How long does a refund take?');
      await answer.locator('.body').filter({ hasText: '5 working days' }).waitFor();
      await partner.close();
    });
  }

  if (OTHER_PORT) {
    await step('a page from a disallowed origin is refused: no API calls (CORS) and no frame (CSP)', async () => {
      servers.push(await hostPage(OTHER_PORT, 'partner', 'en', false));
      const other = await browser.newContext();
      const host = await other.newPage();
      await host.goto(`http://127.0.0.1:${OTHER_PORT}/`);
      const refused = await host.evaluate(async (url) => {
        try {
          await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
          return 'allowed';
        } catch (error) {
          return 'refused';
        }
      }, `${HEARTH}/api/widget/conversations?site=partner`);
      assert.equal(refused, 'refused');
      const direct = await fetch(`${HEARTH}/api/widget/conversations?site=partner`, {
        method: 'POST', headers: { Origin: `http://127.0.0.1:${OTHER_PORT}`, 'Content-Type': 'application/json' }, body: '{}'
      });
      assert.equal(direct.status, 403);
      assert.match((await direct.json()).detail, /may not use the chat widget of site 'partner'/);
      await host.waitForTimeout(1500);
      // the frame never reports a painted launcher here: the placeholder does not stay as a dead button
      await host.locator('hearth-launcher').waitFor({ state: 'detached', timeout: 15000 });
      const frame = host.frames().find((f) => f.url().includes('/widget/frame'));
      const launchers = frame ? await frame.locator('#hearth-launcher').count().catch(() => 0) : 0;
      assert.equal(launchers, 0, 'the frame must not render on a disallowed origin');
      await other.close();
    });
  }
} finally {
  await browser.close();
  servers.forEach((server) => server.close());
}

finish();

// Drives the chat page in Debian's headless Chromium with playwright-core.
// Usage: node chat-browser-test.mjs <base http URL> <output dir>
// Exits 0 when every step passed; on failure it prints the step and saves a screenshot of each page.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node chat-browser-test.mjs <base URL> <output dir>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // this machine has no network but loopback: keep Chromium from trying to reach anything else
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const pages = {};
let step = 'start';
let passed = 0;

async function check(name, action) {
  step = name;
  await action();
  passed++;
  console.log(`ok ${passed} - ${name}`);
}

async function join(label, { name, token, room = 'lobby' }) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 720 } });
  pages[label] = page;
  await page.goto(base);
  await page.fill('#room', room);
  await page.fill('#name', name ?? '');
  await page.fill('#token', token ?? '');
  await page.click('#connect');
  return page;
}

const logLine = (page, text) => page.locator('#log li', { hasText: text });

try {
  await check('alice joins the lobby', async () => {
    const alice = await join('alice', { name: 'alice', token: 'letmein' });
    await alice.waitForSelector('#status:has-text("Connected to room lobby")');
    await alice.locator('#people li', { hasText: 'alice' }).waitFor();
  });

  await check('bob joins and alice sees him arrive', async () => {
    const bob = await join('bob', { name: 'bob', token: 'letmein' });
    await bob.waitForSelector('#status:has-text("Connected to room lobby")');
    await logLine(pages.alice, 'bob joined').waitFor();
    await pages.alice.locator('#people li', { hasText: 'bob' }).waitFor();
  });

  await check('they exchange messages', async () => {
    await pages.alice.fill('#text', 'hello from alice');
    await pages.alice.click('#say');
    await logLine(pages.bob, 'alice: hello from alice').waitFor();
    await pages.bob.fill('#text', 'hi alice');
    await pages.bob.click('#say');
    await logLine(pages.alice, 'bob: hi alice').waitFor();
  });

  await check('bob leaves and alice sees "bob left" (the presence disposer ran)', async () => {
    await pages.bob.click('#leave');
    await pages.bob.waitForSelector('#status:has-text("Closed: code 1000")');
    await logLine(pages.alice, 'bob left').waitFor();
    await pages.alice.waitForFunction(() =>
      [...document.querySelectorAll('#people li')].map(li => li.textContent).join(',') === 'alice');
  });

  await check('a page without a token sees the validation error and the 1008 close', async () => {
    const anonymous = await join('anonymous', { name: 'carol', token: '' });
    await anonymous.waitForSelector('#error:has-text("missing at query.token: Field required")');
    await anonymous.waitForSelector('#status:has-text("Closed: code 1008")');
    const status = await anonymous.textContent('#status');
    if (!status.includes('"loc":["query","token"]')) {
      throw new Error(`close reason should carry the error, status was: ${status}`);
    }
  });

  await check('a wrong token is refused with 1008 "Invalid token"', async () => {
    const intruder = await join('intruder', { name: 'mallory', token: 'guess' });
    await intruder.waitForSelector('#status:has-text("Closed: code 1008, reason Invalid token")');
  });

  await pages.alice.screenshot({ path: joinPath(out, 'chat.png') });
  console.log(`# pass ${passed}`);
  console.log('# fail 0');
} catch (failure) {
  console.error(`not ok - ${step}: ${failure.message}`);
  for (const [label, page] of Object.entries(pages)) {
    await page.screenshot({ path: joinPath(out, `failure-${label}.png`) }).catch(() => {});
  }
  console.log(`# pass ${passed}`);
  console.log('# fail 1');
  process.exitCode = 1;
} finally {
  await browser.close();
}

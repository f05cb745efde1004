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

const DESKTOP = { width: 1000, height: 720 };
const PHONE = { width: 390, height: 844 };

async function open(label, viewport = DESKTOP) {
  const page = await browser.newPage({ viewport });
  pages[label] = page;
  await page.goto(base);
  return page;
}

async function join(label, { name, token, room = 'lobby', viewport }) {
  const page = await open(label, viewport);
  await page.fill('#room', room);
  await page.fill('#name', name ?? '');
  await page.fill('#token', token ?? '');
  await page.click('#connect');
  return page;
}

const logLine = (page, text) => page.locator('#log li', { hasText: text });
const statusText = (page) => page.textContent('#status');

async function say(page, text) {
  await page.fill('#text', text);
  await page.click('#say');
}

// what the user reads is a sentence: no JSON, no bare close codes
async function expectReadableStatus(page, expected) {
  await page.waitForSelector(`#status:has-text(${JSON.stringify(expected)})`);
  const text = await statusText(page);
  if (/\{"|\[\{|"loc"|code \d/.test(text)) {
    throw new Error(`the status should be a sentence, was: ${text}`);
  }
}

async function expectNoSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) {
    throw new Error(`the page is ${overflow} px wider than the ${page.viewportSize().width} px viewport`);
  }
}

try {
  await check('the join form is ready to use: name and token prefilled, Join joins', async () => {
    const alice = await open('alice');
    const name = await alice.inputValue('#name');
    if (!/^guest-\d{3}$/.test(name) || await alice.inputValue('#token') !== 'letmein') {
      throw new Error(`name and token should be prefilled, were "${name}" and "${await alice.inputValue('#token')}"`);
    }
    await alice.fill('#name', 'alice');
    await alice.click('#connect');
    await alice.waitForSelector('#status[data-state="ok"]:has-text("Connected to room lobby as alice")');
    await alice.locator('#people li', { hasText: 'alice' }).waitFor();
  });

  await check('the token travels as the subprotocol: never in the URL, and the server selects "bearer"', async () => {
    const urls = [];
    const page = await browser.newPage({ viewport: DESKTOP });
    pages.carrier = page;
    page.on('websocket', socket => urls.push(socket.url()));
    await page.goto(base);
    await page.fill('#name', 'watcher');
    await page.click('#connect');
    await page.waitForSelector('#status[data-state="ok"]');
    await page.waitForFunction(() => moderation.readyState === WebSocket.OPEN);
    const selected = await page.evaluate(() => [socket.protocol, moderation.protocol]);
    if (urls.length !== 2 || urls.some(url => url.includes('letmein')) || selected.join() !== 'bearer,bearer') {
      throw new Error(`sockets ${urls.join(' ')} selected ${selected.join()}`);
    }
    await page.click('#leave');
  });

  await check('the page has a favicon', async () => {
    const href = await pages.alice.getAttribute('link[rel="icon"]', 'href');
    const icon = await pages.alice.request.get(new URL(href, base).toString());
    if (icon.status() !== 200 || !icon.headers()['content-type'].startsWith('image/svg+xml')) {
      throw new Error(`favicon ${href}: HTTP ${icon.status()} ${icon.headers()['content-type']}`);
    }
  });

  await check('bob joins on a 390 px phone and alice sees him arrive', async () => {
    const bob = await join('bob', { name: 'bob', token: 'letmein', viewport: PHONE });
    await bob.waitForSelector('#status:has-text("Connected to room lobby as bob")');
    await logLine(pages.alice, 'bob joined').waitFor();
    await pages.alice.locator('#people li', { hasText: 'bob' }).waitFor();
  });

  await check('they exchange messages', async () => {
    await say(pages.alice, 'hello from alice');
    await logLine(pages.bob, 'alice: hello from alice').waitFor();
    await say(pages.bob, 'hi alice, this is a rather long line typed on a phone without any break in it');
    await logLine(pages.alice, 'bob: hi alice').waitFor();
  });

  await check('neither page scrolls sideways, at 390 px or on the desktop', async () => {
    await expectNoSidewaysScroll(pages.bob);
    await expectNoSidewaysScroll(pages.alice);
    await pages.bob.screenshot({ path: joinPath(out, 'chat-phone.png'), fullPage: true });
  });

  await check('bob\'s /kick is forbidden: he reads a sentence and stays connected', async () => {
    await say(pages.bob, '/kick alice');
    await expectReadableStatus(pages.bob, 'Only admins may kick.');
    await say(pages.bob, 'still here');
    await logLine(pages.alice, 'bob: still here').waitFor();
  });

  await check('an admin kicks dan: dan reads why, alice sees him kicked and leave', async () => {
    const dan = await join('dan', { name: 'dan', token: 'letmein' });
    await dan.waitForSelector('#status:has-text("Connected to room lobby as dan")');
    const root = await join('root', { name: 'root', token: 'letmein-admin' });
    await root.waitForSelector('#status:has-text("Connected to room lobby as root")');
    await say(root, '/kick dan');
    await expectReadableStatus(dan, 'Disconnected: Kicked by an admin.');
    await logLine(pages.alice, 'dan was kicked by an admin').waitFor();
    await logLine(pages.alice, 'dan left').waitFor();
    await root.click('#leave');
  });

  await check('a flood of messages: one refused message gets a sentence and the connection stays', async () => {
    const eve = await join('eve', { name: 'eve', token: 'letmein', room: 'flood' });
    await eve.waitForSelector('#status:has-text("Connected to room flood")');
    for (let i = 0; i <= 10; i++) {
      await say(eve, `spam ${i}`);
    }
    await expectReadableStatus(eve, 'Slow down: at most 10 messages per 10 seconds. This one was not sent.');
    await logLine(eve, 'eve: spam 9').waitFor();
    if (await logLine(eve, 'eve: spam 10').count() !== 0 || await eve.isDisabled('#text')) {
      throw new Error('the refused message should not be delivered, and eve should stay connected');
    }
  });

  await check('sustained abuse disconnects with a sentence', async () => {
    const eve = pages.eve;
    for (let i = 11; i < 20; i++) {   // the 10th refused message within 10 seconds
      await say(eve, `spam ${i}`);
    }
    await expectReadableStatus(eve, 'Disconnected: Too many messages: 10 were refused within 10 seconds.');
  });

  await check('bob leaves and alice sees "bob left" (the presence disposer ran)', async () => {
    await pages.bob.click('#leave');
    await expectReadableStatus(pages.bob, 'You left the room.');
    await logLine(pages.alice, 'bob left').waitFor();
    await pages.alice.waitForFunction(() =>
      [...document.querySelectorAll('#people li')].map(li => li.textContent).join(',') === 'alice');
  });

  await check('a page without a token reads why it could not join, in one place', async () => {
    const anonymous = await join('anonymous', { name: 'carol', token: '', viewport: PHONE });
    await anonymous.waitForSelector('#status[data-code="1008"]');
    await expectReadableStatus(anonymous, 'Could not join: Not authenticated.');
    await anonymous.screenshot({ path: joinPath(out, 'chat-phone-refused.png'), fullPage: true });
  });

  await check('a wrong token reads "Invalid token"', async () => {
    const intruder = await join('intruder', { name: 'mallory', token: 'guess' });
    await intruder.waitForSelector('#status[data-code="1008"]');
    await expectReadableStatus(intruder, 'Could not join: Invalid token.');
  });

  await check('a history out of range and a bad name are both explained', async () => {
    const page = await open('ranges', PHONE);
    await page.fill('#name', '<b>');
    await page.fill('#history', '500');
    await page.click('#connect');
    await page.waitForSelector('#status[data-code="1008"]');
    await expectReadableStatus(page, 'Your name: String should match pattern');
    if (!(await statusText(page)).includes('History: Input should be less than or equal to 100.')) {
      throw new Error(`both errors should be listed, status was: ${await statusText(page)}`);
    }
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

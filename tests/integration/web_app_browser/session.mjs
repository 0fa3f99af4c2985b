// Drives vmst's web app in Debian's headless Chromium (playwright-core, never a downloaded browser), as a member
// would: signs in through OAuth, posts with an image and alt text, replies, favourites, follows an account on a
// live Fedify peer and sees its next post arrive without reloading, edits the profile, signs out, and opens the
// public profile and permalink pages signed out. Fails on any console error. Screenshots go to the artefact folder.
//
//   node session.mjs '<json>'   with { base, login, password, username, image, peer: { control, actor, handle },
//                                      polls: { single, multiple }, artifacts, staticDir? }
// staticDir (for people working on the app, never in the test): serve /static/web/* from that folder instead of
// the copy embedded in the binary, so a change needs no rebuild.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const options = JSON.parse(process.argv[2]);
const { base, peer } = options;
const artifacts = options.artifacts;
fs.mkdirSync(artifacts, { recursive: true });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const problems = [];
const log = (...args) => console.log('[web-app]', ...args);

function watch(page, label) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${label}: console error: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`${label}: uncaught ${error.message} (${page.url()})`));
  // Console messages about failed loads do not name the resource; this does.
  page.on('response', (response) => {
    if (response.status() >= 400) log(`${label}: ${response.status()} for ${response.request().method()} ${response.url()}`);
  });
  page.on('dialog', (dialog) => dialog.accept());
}

async function serveStaticFromDisk(context) {
  if (!options.staticDir) return;
  await context.route('**/static/web/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/static/web/', '');
    const file = path.join(options.staticDir, name);
    const type = name.endsWith('.css') ? 'text/css' : name.endsWith('.js') ? 'text/javascript' : 'text/html';
    await route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) });
  });
}

// Every control a keyboard or screen reader user meets has a name.
async function expectLabelledControls(page) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, a[href]')]
    .filter((el) => {
      if (el.type === 'hidden' || el.closest('[aria-hidden="true"]')) return false;
      const name = el.getAttribute('aria-label') || (el.labels && [...el.labels].map((l) => l.textContent).join(''))
        || (el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent : '') || el.querySelector?.('img[alt]:not([alt=""])')?.alt;
      return !name || !name.trim();
    })
    .map((el) => el.outerHTML.slice(0, 120)));
  expect(unlabelled.length === 0, `controls without a name on ${page.url()}: ${unlabelled.join(' | ')}`);
}

async function shoot(page, name) {
  await expectLabelledControls(page);
  const size = page.viewportSize();
  const file = path.join(artifacts, `${name}-${size.width === PHONE.width ? 'phone' : 'desktop'}.png`);
  await page.waitForTimeout(150);  // let lazy images and the last layout settle
  await page.screenshot({ path: file, fullPage: false });
}

async function controlCall(method, route, body) {
  const response = await fetch(`${peer.control}/_control/${route}`, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`peer ${route}: ${response.status} ${text}`);
  return JSON.parse(text);
}

async function until(check, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const card = (page, text) => page.locator('main article.status', { hasText: text }).first();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = {};
try {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'UTC' });
  await serveStaticFromDisk(context);
  const page = await context.newPage();
  watch(page, 'app');
  const subscribed = new Set();
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      try {
        const message = JSON.parse(frame.payload);
        if (message.type === 'subscribe') subscribed.add(message.stream);
      } catch { /* not JSON */ }
    });
    socket.on('close', () => subscribed.clear());
  });
  // Generous: CI runs this on two busy cores with a sanitised server.
  page.setDefaultTimeout(30000);

  // --- the shell's headers -------------------------------------------------------------------------------
  const shell = await page.goto(`${base}/web`);
  expect(shell.status() === 200, `/web answered ${shell.status()}`);
  const csp = shell.headers()['content-security-policy'] || '';
  expect(csp.includes("script-src 'self'") && csp.includes("frame-ancestors 'none'") && !csp.includes('unsafe-inline'),
    `weak CSP: ${csp}`);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await shoot(page, '01-sign-in');

  // --- sign in through OAuth (authorization code + PKCE) -----------------------------------------------------
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/oauth\/authorize/);
  const authorizeUrl = new URL(page.url());
  expect(authorizeUrl.searchParams.get('code_challenge_method') === 'S256', 'the app did not ask for PKCE S256');
  await page.fill('#login', options.login);
  await page.fill('#password', options.password);
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${base}/web/home`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByRole('heading', { name: 'Home' }).waitFor();
  log('signed in');

  // --- post with an image and alt text ----------------------------------------------------------------------
  const postText = `Hello from the browser #webapp ${Date.now()}`;
  const composer = page.locator('main form.composer').first();
  await composer.getByLabel('Post text').fill(postText);
  // The counter counts down from the instance's limit.
  const limit = (await (await fetch(`${base}/api/v2/instance`)).json()).configuration.statuses.max_characters;
  expect(await composer.locator('output.counter').textContent() === String(limit - postText.length), 'the counter is off');
  await composer.locator('input[type=file]').setInputFiles(options.image);
  await composer.getByLabel('Alt text').fill('A red and blue test pattern');
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  const posted = card(page, postText);
  await posted.waitFor();
  const image = posted.locator('.media-grid img');
  await image.waitFor();
  expect(await image.getAttribute('alt') === 'A red and blue test pattern', 'the posted image lost its alt text');
  await until(() => image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the posted image to load');
  // It is on home after a reload too: the server's home timeline has it, not just this tab.
  await page.reload();
  await card(page, postText).waitFor();
  result.statusId = await card(page, postText).getAttribute('data-status-id');
  log('posted', result.statusId);

  // --- favourite, boost, bookmark -------------------------------------------------------------------------
  await card(page, postText).getByRole('button', { name: 'Favourite' }).click();
  await card(page, postText).getByRole('button', { name: 'Unfavourite' }).waitFor();
  await card(page, postText).getByRole('button', { name: 'Bookmark' }).click();
  await card(page, postText).getByRole('button', { name: 'Remove bookmark' }).waitFor();
  await card(page, postText).getByRole('button', { name: 'Boost' }).click();
  await card(page, postText).getByRole('button', { name: 'Undo boost' }).waitFor();

  // --- edit (with a custom emoji from the picker), and delete -------------------------------------------------
  await card(page, postText).getByRole('button', { name: 'More actions' }).click();
  await card(page, postText).getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit post' });
  const editText = editor.getByLabel('Post text');
  await until(async () => (await editText.inputValue()).includes(postText), 'the post source in the editor');
  await editText.press('End');
  await editText.pressSequentially(' edited in the browser ');
  await editor.getByRole('button', { name: 'Insert custom emoji' }).click();
  await editor.getByRole('button', { name: ':blobwave:' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
  await card(page, postText).locator('.content', { hasText: 'edited in the browser' }).waitFor();
  await card(page, postText).locator('.content img.emoji[alt=":blobwave:"]').waitFor();
  await card(page, postText).locator('.edited').first().waitFor();

  await composer.getByLabel('Post text').fill('Delete me');
  await composer.getByRole('button', { name: 'Content warning' }).click();
  await composer.getByRole('textbox', { name: 'Content warning' }).fill('Spoilers ahead');
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  // Behind its content warning until opened.
  await page.locator('main article.status details.cw summary', { hasText: 'Spoilers ahead' }).first().waitFor();
  expect(!(await card(page, 'Spoilers ahead').locator('.content').isVisible()), 'the text behind a content warning shows');
  await card(page, 'Spoilers ahead').locator('summary').click();
  await card(page, 'Delete me').locator('.content').waitFor();
  await card(page, 'Delete me').getByRole('button', { name: 'More actions' }).click();
  await card(page, 'Delete me').getByRole('menuitem', { name: 'Delete' }).click();
  await card(page, 'Delete me').waitFor({ state: 'detached' });

  // --- reply --------------------------------------------------------------------------------------------
  const replyText = 'A reply written in the dialog';
  await card(page, postText).getByRole('button', { name: 'Reply' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reply' });
  await dialog.getByLabel('Reply text').fill(replyText);
  await dialog.getByRole('button', { name: 'Reply', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await card(page, postText).locator('a.timestamp').click();
  await page.waitForURL(`${base}/web/statuses/${result.statusId}`);
  await page.locator('.thread .descendants article.status', { hasText: replyText }).waitFor();
  await shoot(page, '03-thread');
  log('replied');

  // --- polls: vote in a single-choice and a multiple-choice poll, then post a poll of our own ---------------------
  await page.goto(`${base}/web/statuses/${options.polls.single}`);
  const single = page.locator('article.status.focused');
  await single.locator('.poll-choices').waitFor();
  await single.getByRole('radio', { name: 'Blue' }).check();
  await single.getByRole('button', { name: 'Vote' }).click();
  await single.locator('.poll-results li.own-vote', { hasText: 'Blue' }).waitFor();
  expect((await single.locator('li.own-vote .poll-share').textContent()).includes('100%'), 'the chosen option is not at 100%');
  await single.locator('.poll-results .poll-option img.emoji[alt=":blobwave:"]').waitFor();
  await page.goto(`${base}/web/statuses/${options.polls.multiple}`);
  const multiple = page.locator('article.status.focused');
  await multiple.getByRole('checkbox', { name: 'Apple' }).check();
  await multiple.getByRole('checkbox', { name: 'Plum' }).check();
  await multiple.getByRole('button', { name: 'Vote' }).click();
  await until(async () => (await multiple.locator('.poll-results li.own-vote').count()) === 2, 'both choices shown as mine');
  await shoot(page, '14-poll');
  await page.goto(`${base}/web/home`);
  const pollComposer = page.locator('main form.composer').first();
  await pollComposer.getByLabel('Post text').fill('Tea or coffee?');
  await pollComposer.getByRole('button', { name: 'Add a poll' }).click();
  await pollComposer.getByLabel('Option 1', { exact: true }).fill('Tea');
  await pollComposer.getByLabel('Option 2', { exact: true }).fill('Coffee');
  await pollComposer.getByRole('button', { name: 'Add option' }).click();
  await pollComposer.getByLabel('Option 3', { exact: true }).fill('Both');
  await pollComposer.getByLabel('Allow several choices').check();
  await pollComposer.getByLabel('Poll length').selectOption('21600');
  await shoot(page, '15-compose-poll');
  await pollComposer.getByRole('button', { name: 'Post', exact: true }).click();
  await card(page, 'Tea or coffee?').locator('.poll-results li', { hasText: 'Both' }).waitFor();
  result.pollStatusId = await card(page, 'Tea or coffee?').getAttribute('data-status-id');
  log('voted and posted a poll');

  // --- keyboard: the composer's mention autocomplete ------------------------------------------------------
  await page.goto(`${base}/web/home`);
  const text = page.locator('main form.composer textarea').first();
  await text.focus();
  await page.keyboard.type(`@${options.username.slice(0, 3)}`);
  await page.getByRole('option', { name: new RegExp(`@${options.username}`) }).waitFor();
  await page.keyboard.press('Enter');
  expect((await text.inputValue()) === `@${options.username} `, `autocomplete gave ${await text.inputValue()}`);
  await page.keyboard.type('#weba');
  await page.getByRole('option', { name: '#webapp' }).waitFor();
  await page.keyboard.press('Tab');
  expect((await text.inputValue()) === `@${options.username} #webapp `, `autocomplete gave ${await text.inputValue()}`);
  await text.fill('');

  // --- follow an account on the Fedify peer, see its next post arrive live --------------------------------
  await page.fill('#top-search', `@${peer.handle}`);
  await page.press('#top-search', 'Enter');
  const found = page.locator('.search-results .account-row', { hasText: peer.handle }).first();
  await found.waitFor();
  await shoot(page, '05-search');
  await found.locator('a.account-link').first().click();
  await page.waitForURL(/\/web\/accounts\//);
  await page.getByRole('button', { name: 'Follow' }).click();
  await page.getByRole('button', { name: /Unfollow|Cancel follow request/ }).waitFor();
  await until(async () => {
    const actor = await controlCall('GET', `actors/${encodeURIComponent(peer.actor)}`);
    return JSON.stringify(actor.followers || []).includes(`/users/${options.username}`);
  }, 'the peer to record the follow');
  // The request was pending until the peer's Accept came in; the profile shows the follow once it is fetched again.
  await until(async () => {
    await page.reload();
    return page.getByRole('button', { name: 'Unfollow' }).waitFor({ timeout: 2000 }).then(() => true, () => false);
  }, 'the follow to be accepted');
  await shoot(page, '06-remote-profile');
  await page.getByRole('button', { name: 'Mute' }).click();
  await page.getByRole('button', { name: 'Unmute' }).click();
  await page.getByRole('button', { name: 'Block' }).click();
  await page.getByRole('button', { name: 'Unblock' }).click();
  // Unblocking does not follow again: follow once more, so the peer's next post reaches home.
  await page.getByRole('button', { name: 'Follow' }).click();
  await page.getByRole('button', { name: /Unfollow|Cancel follow request/ }).waitFor();
  await until(async () => {
    const actor = await controlCall('GET', `actors/${encodeURIComponent(peer.actor)}`);
    return JSON.stringify(actor.followers || []).includes(`/users/${options.username}`);
  }, 'the peer to record the follow again');
  log('followed', peer.handle);

  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor();
  await card(page, postText).waitFor();
  await page.evaluate(() => { window.vmstNoReload = true; });
  // The peer posts only once the app has subscribed to the home stream.
  await until(() => subscribed.has('user'), 'the app to subscribe to the home stream');
  const remoteText = `Fresh from the Fedify peer ${Date.now()}`;
  // Odd remote HTML and a very long word: the server sanitises it, the layout must hold.
  const longWord = 'Supercalifragilistic'.repeat(12);
  const oddHtml = `<p>${remoteText}</p><p>${longWord}</p><blockquote><ul><li>one<ol><li>two</li></ol></li></ul></blockquote>`
    + `<pre>${'x'.repeat(300)}</pre><p><span class="h-card"><a href="https://elsewhere.example/@x">@<span>x</span></a></span></p>`;
  const note = await controlCall('POST', 'notes', { actor: peer.actor, content: oddHtml, visibility: 'public' });
  await card(page, remoteText).waitFor({ timeout: 30000 });
  expect(await page.evaluate(() => window.vmstNoReload === true), 'the page reloaded to show the new post');
  await shoot(page, '02-home');
  await card(page, 'Four pictures').scrollIntoViewIfNeeded();
  expect(await card(page, 'Four pictures').locator('.media-grid img').count() === 4, 'a post with four pictures lost some');
  await shoot(page, '11-four-pictures');
  log('saw the live post');

  // --- search resolves a pasted URL of a remote post into its thread ------------------------------------------
  await page.fill('#top-search', note.id);
  await page.press('#top-search', 'Enter');
  await page.waitForURL(/\/web\/statuses\//);
  await page.locator('article.status.focused', { hasText: remoteText }).waitFor();

  // --- infinite scroll: the local timeline loads its next page at the end --------------------------------------
  await page.getByRole('link', { name: 'Local' }).click();
  await page.getByRole('heading', { name: 'Local' }).waitFor();
  await page.locator('main article.status').nth(19).waitFor();
  const firstPage = await page.locator('main article.status').count();
  await page.locator('main article.status').last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 5000);
  await until(async () => (await page.locator('main article.status').count()) > firstPage, 'the next page of the local timeline');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor();

  // --- notifications: the peer favourites the post, the badge counts it live ----------------------------------
  const uri = (await (await fetch(`${base}/api/v1/statuses/${result.statusId}`)).json()).uri;
  await controlCall('POST', 'like', { actor: peer.actor, object: uri });
  await page.locator('.nav-notifications .badge.unread', { hasText: '1' }).waitFor();
  await page.getByRole('link', { name: /Notifications/ }).click();
  await page.getByRole('heading', { name: 'Notifications' }).waitFor();
  await page.locator('.notification.type-favourite', { hasText: 'favourited your post' }).waitFor();
  await shoot(page, '04-notifications');

  // --- edit the profile -------------------------------------------------------------------------------------
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Display name').fill('Alice in the browser');
  await page.getByLabel('Bio').fill('Writes tests. Likes a-very-long-word-that-never-seems-to-end-and-should-wrap-nicely-everywhere.');
  await page.getByLabel('Label 1').fill('Website');
  await page.getByLabel('Content 1').fill('https://example.org/alice');
  await page.getByLabel('Avatar', { exact: true }).setInputFiles(options.image);
  await page.getByLabel('Default visibility of new posts').selectOption('unlisted');
  await page.getByLabel('Feature this profile in the directory and suggestions').check();
  await shoot(page, '07-settings');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Profile saved').waitFor();
  await page.locator('nav a.me').click();
  await page.getByRole('heading', { name: 'Alice in the browser' }).waitFor();
  await page.locator('.profile-header .note', { hasText: 'Writes tests.' }).waitFor();
  await shoot(page, '08-own-profile');
  log('edited the profile');

  // --- phone width, and the dark theme ----------------------------------------------------------------------
  await page.setViewportSize(PHONE);
  for (const [route, name, ready] of [
    ['/web/home', '02-home', () => card(page, remoteText).waitFor()],
    ['/web/home', '11-four-pictures', () => card(page, 'Four pictures').scrollIntoViewIfNeeded()],
    [`/web/statuses/${result.statusId}`, '03-thread', () => page.locator('.thread .descendants article.status').first().waitFor()],
    ['/web/notifications', '04-notifications', () => page.locator('.notification').first().waitFor()],
    [`/web/search?q=${encodeURIComponent(peer.handle)}`, '05-search', () => page.locator('.search-results .account-row').first().waitFor()],
    ['/web/settings', '07-settings', () => page.getByLabel('Display name').waitFor()],
    ['/web/bookmarks', '12-bookmarks', () => card(page, postText).waitFor()],
    ['/web/tags/webapp', '13-tag', () => card(page, postText).waitFor()],
  ]) {
    await page.goto(`${base}${route}`);
    await ready();
    // Nothing (a long word, a wide <pre>, a long handle) pushes the page sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 0, `${route} is ${overflow}px wider than a phone screen`);
    await shoot(page, name);
  }
  await page.goto(`${base}/web/home`);
  await card(page, remoteText).waitFor();
  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme);
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await shoot(page, `09-home-${theme}`);
  await page.setViewportSize(DESKTOP);
  await shoot(page, `09-home-${theme}`);
  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();

  // --- sign out -----------------------------------------------------------------------------------------
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(await page.evaluate(() => localStorage.getItem('vmst.session')) === null, 'the session was kept after signing out');
  await page.setViewportSize(PHONE);
  await shoot(page, '01-sign-in');
  await page.setViewportSize(DESKTOP);
  log('signed out');

  // --- the public pages, signed out ---------------------------------------------------------------------------
  const visitor = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  const publicPage = await visitor.newPage();
  watch(publicPage, 'public');
  result.publicPages = {};
  for (const [name, route] of [['08-public-profile', `/@${options.username}`], ['10-permalink', `/@${options.username}/${result.statusId}`]]) {
    const response = await publicPage.goto(`${base}${route}`);
    result.publicPages[route] = response.status();
    for (const size of [DESKTOP, PHONE]) {
      await publicPage.setViewportSize(size);
      await shoot(publicPage, name);
    }
    await publicPage.setViewportSize(DESKTOP);
  }
  // The edited post's custom emoji is drawn on its permalink (and the policy lets the picture load).
  await publicPage.goto(`${base}/@${options.username}/${result.statusId}`);
  const emoji = publicPage.locator('.status-content img.custom-emoji[alt=":blobwave:"]').first();
  await emoji.waitFor();
  await until(() => emoji.evaluate((img) => img.complete && img.naturalWidth > 0), 'the custom emoji to load');
  // Remote follow, without JavaScript: the profile's Follow asks for a handle; one on this server comes back here.
  await publicPage.goto(`${base}/@${options.username}`);
  await publicPage.getByRole('link', { name: 'Follow', exact: true }).click();
  await publicPage.waitForURL(/\/interact\?uri=/);
  await shoot(publicPage, '16-remote-follow');
  await publicPage.getByLabel('Your handle on your own server').fill(`${options.username}@${new URL(base).host}`);
  await publicPage.getByRole('button', { name: 'Continue' }).click();
  await publicPage.waitForURL(`${base}/@${options.username}`);
  result.remoteFollowLandedOn = new URL(publicPage.url()).pathname;
  await visitor.close();
  await context.close();
} catch (error) {
  problems.push(`${error.stack || error}`);
} finally {
  await browser.close();
}
result.problems = problems;
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(problems.length ? 1 : 0);

// Drives the operator and admin console in Debian's Chromium, headless, against a running platform:
// signs in as the demo operator, admin and partner, walks every screen, edits a channel's day (a live
// event previewed by schedule-service's dry run, then inserted as previewed), picks a slot out of a run
// too short to tell apart, decides an application and an item, runs axe on each page, and saves screenshots. ConsoleEndToEndTest starts
// the platform, makes the data this reads from its environment, and runs it; exit code 0 means all passed.
//
// Every wait is Playwright's own, bounded by the timeouts below: nothing sleeps.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const env = (name) => {
  if (!process.env[name]) {
    throw new Error(`${name} is not set`);
  }
  return process.env[name];
};
const CONSOLE = env('CONSOLE_URL');
const CHANNEL = env('CHANNEL_ID');
const DAY = env('CHANNEL_DATE');
const PROGRAMME = env('PROGRAMME_TITLE');
const LIVE = env('LIVE_TITLE');
const PENDING_ITEM = env('PENDING_ITEM_TITLE');
const APPLICANT = env('APPLICANT_NAME');
const REJECTEE = env('REJECTED_APPLICANT_NAME');
const PARTNER = env('PARTNER_NAME');
// local dates of the channel and the share of each the test scheduled: date=share,date=share
const COVERED = new Map(env('COVERED_DAYS').split(',').map((day) => day.split('=')));
const OUT = env('SCREENSHOTS');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
let page;
let failed = false;

async function step(name, action) {
  process.stdout.write(`[console] ${name} … `);
  try {
    await action();
    console.log('ok');
  } catch (error) {
    failed = true;
    console.log('FAILED');
    console.error(error);
    await page?.screenshot({ path: join(OUT, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    error.reported = true;
    throw error;
  }
}

/** No serious or critical accessibility violation on the page as it is now. */
async function accessible(name) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new Error(`axe on ${name}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('; ')}`);
  }
}

async function shot(name) {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

async function expectText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** A fresh browser context (no session), signed in through Keycloak's login form as the user. */
async function signIn(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => {
    failed = true;
    console.error(`[console] page error: ${error.message}`);
  });
  await page.goto(CONSOLE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(CONSOLE) && !url.search.includes('code='));
  await page.locator('#who').getByText(`Signed in as ${user}`).waitFor();
  return context;
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

function slotButton(title) {
  return page.locator('.slot', { hasText: title }).first();
}

async function openDay() {
  await page.goto(`${CONSOLE}#/channel/${CHANNEL}/${DAY}/day`);
  await page.locator('.timeline').waitFor();
}

try {
  await step('the sign-in page is accessible', async () => {
    const context = await browser.newContext();
    page = await context.newPage();
    await page.goto(CONSOLE);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await accessible('sign-in');
    await context.close();
  });

  // ---- the operator
  let context = await signIn('operator');
  await step('the operator sees the channels with the coverage of each local day and findings', async () => {
    await page.getByRole('heading', { name: 'Channels' }).waitFor();
    const row = page.locator('tr', { has: page.locator(`a[href*="${CHANNEL}"]`) });
    await row.waitFor();
    await expectText(row.locator('td'), 'Australia/Sydney');
    const days = row.locator('.days li');
    await days.nth(7).waitFor();
    if (await days.count() !== 8) throw new Error(`${await days.count()} days shown, not today and the next 7`);
    await expectText(days.first(), 'Today');
    for (const day of await days.all()) {
      const date = await day.getAttribute('data-date');
      const share = COVERED.get(date) ?? '0%';
      const shown = (await day.locator('.short, .full').textContent()).trim();
      if (shown !== share) throw new Error(`${date} shows ${shown} scheduled, not ${share}`);
    }
    for (const date of COVERED.keys()) {
      if (await row.locator(`.days li[data-date="${date}"]`).count() !== 1) throw new Error(`${date} is not among the days shown`);
    }
    await accessible('channels');
    await shot('channels');
  });

  await step('a 25-hour local day is drawn as one, with its gap', async () => {
    await openDay();
    await page.locator('.day-length', { hasText: '25 hours' }).waitFor();
    const twos = await page.locator('.hour', { hasText: '02:00' }).count();
    if (twos !== 2) throw new Error(`02:00 appears ${twos} times, not twice, on the day the clocks go back`);
    await page.locator('.gap').first().waitFor();
    await expectText(page.locator('.findings li'), 'Gap:');
    await accessible('timeline (empty day)');
  });

  await step('fill a range from the filler rotation', async () => {
    await page.getByLabel('From (Australia/Sydney)').fill(`${DAY}T00:00`);
    await page.getByLabel('To (Australia/Sydney)').fill(`${DAY}T06:00`);
    await page.getByRole('button', { name: 'Fill gaps' }).click();
    await expectText(page.getByRole('status'), 'from the filler rotation');
    await page.locator('.slot.kind-filler').first().waitFor();
  });

  await step('a bad range is shown field by field from the problem', async () => {
    await page.getByLabel('From (Australia/Sydney)').fill(`${DAY}T06:00`);
    await page.getByLabel('To (Australia/Sydney)').fill(`${DAY}T05:00`);
    await page.getByRole('button', { name: 'Fill gaps' }).click();
    const alert = page.locator('section.edit').filter({ has: page.getByRole('heading', { name: 'Fill from the filler rotation' }) }).getByRole('alert');
    await expectText(alert, 'to: must be after from');
    await page.locator('input[name="to"][aria-invalid="true"]').waitFor();
  });

  async function search(text, kind) {
    await page.getByLabel('Text').fill(text);
    await page.getByLabel('Kind').selectOption(kind);
    await page.getByRole('button', { name: 'Search' }).click();
  }

  await step('search the catalogue and place an approved programme', async () => {
    await search(PROGRAMME.split(' ').pop(), 'PROGRAMME');
    await page.getByLabel('Place at (Australia/Sydney)').fill(`${DAY}T09:30`);
    await page.getByRole('button', { name: `Place ${PROGRAMME}` }).click();
    await expectText(page.getByRole('status'), `Placed ${PROGRAMME} at 09:30`);
    await slotButton(PROGRAMME).waitFor();
  });

  await step('a slot names its partner, from the slot itself', async () => {
    await slotButton(PROGRAMME).locator('.partner', { hasText: PARTNER }).waitFor();
    await slotButton(PROGRAMME).click();
    await page.getByRole('heading', { name: PROGRAMME, level: 2 }).waitFor();
    await page.locator('.details dd', { hasText: PARTNER }).waitFor();
  });

  await step('a slot in the way is refused with the problem shown', async () => {
    await search(PROGRAMME.split(' ').pop(), 'PROGRAMME');
    await page.getByLabel('Place at (Australia/Sydney)').fill(`${DAY}T09:40`);
    await page.getByRole('button', { name: `Place ${PROGRAMME}` }).click();
    const alert = page.locator('section.edit').filter({ has: page.getByRole('heading', { name: 'Place an approved item' }) }).getByRole('alert');
    await expectText(alert, '(409)');
  });

  await step('move the slot', async () => {
    await slotButton(PROGRAMME).click();
    await page.getByRole('heading', { name: PROGRAMME, level: 2 }).waitFor();
    await page.getByLabel('New start (Australia/Sydney)').fill(`${DAY}T09:45`);
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expectText(page.getByRole('status'), `Moved ${PROGRAMME} to 09:45`);
  });

  await step('the timeline is keyboard navigable', async () => {
    await page.locator('.timeline').focus();
    await page.keyboard.press('Home');
    const first = await page.evaluate(() => document.activeElement?.dataset.slotId);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.dataset.slotId);
    if (!first || !second || first === second) throw new Error(`arrow keys did not move between slots (${first}, ${second})`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  });

  await step('a live event previewed by the dry run does on confirming what the preview said', async () => {
    await search(LIVE.split(' ').pop(), 'LIVE_EVENT');
    await page.getByRole('button', { name: `Insert ${LIVE} as a live event` }).click();
    await page.getByLabel('PUSH: Push them later').check();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expectText(page.locator('.preview li'), PROGRAMME);
    // the programme (09:45-10:15) is cut where the event starts, and its rest resumes after it
    const preview = (await page.locator('.preview li').allTextContents()).map((line) => line.trim());
    const expected = [`${PROGRAMME} (09:45–10:15) is cut to 09:45–10:00`, `${PROGRAMME} resumes 12:00–12:15`];
    if (preview.join('\n') !== expected.join('\n')) throw new Error(`the preview says ${JSON.stringify(preview)}`);
    // nothing has changed yet
    if (await page.locator('.slot.kind-live').count() !== 0) throw new Error('the preview inserted the live event');
    await shot('live-preview');
    await page.getByRole('button', { name: 'Confirm live event' }).click();
    const done = `Live event ${LIVE} inserted (PUSH): ${preview.join('; ')}`;
    const status = page.getByRole('status');
    await expectText(status, `Live event ${LIVE} inserted`);
    const said = (await status.textContent()).trim();
    if (said !== done) throw new Error(`inserting said "${said}", not "${done}"`);
    await page.locator('.slot.kind-live .badge.live').first().waitFor();
    // and the day is so: its last slot the programme's rest, the one before the live event, and before it the cut programme
    await page.locator('.timeline').focus();
    const localTime = page.locator('.details dd').nth(2);
    for (const [key, title, times] of [['End', PROGRAMME, '12:00–12:15'], ['ArrowUp', LIVE, '10:00–12:00'],
      ['ArrowUp', PROGRAMME, '09:45–10:00']]) {
      await page.keyboard.press(key);
      await page.getByRole('heading', { name: title, level: 2 }).waitFor();
      await localTime.filter({ hasText: times }).waitFor();
    }
  });

  await step('remove a slot', async () => {
    // the day's first slot, a filler, picked by keyboard
    await page.locator('.timeline').focus();
    await page.keyboard.press('Home');
    await page.getByRole('heading', { name: /^Harbour Timelapse/, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Remove…' }).click();
    await page.getByRole('button', { name: 'Confirm removal' }).click();
    await expectText(page.getByRole('status'), 'its time is a gap');
    await accessible('timeline (day)');
    // at a minute a pixel, the finding of the morning's gap takes the timeline to the night's fillers, the
    // gap, the programme and the live event
    await page.getByLabel('Zoom').selectOption('1');
    await expectText(page.getByRole('status'), 'Zoom');
    await page.locator('.findings button', { hasText: '06:00' }).click();
    await slotButton(LIVE).waitFor();
    await shot('timeline');
  });

  await step('the guide downloads as XMLTV and JSON', async () => {
    const [xml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'XMLTV (day)' }).click()]);
    const text = readFileSync(await xml.path(), 'utf8');
    if (!text.includes('<tv') || !text.includes(LIVE)) throw new Error(`the XMLTV download is not the day's guide: ${text.slice(0, 200)}`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON (week)' }).click()]);
    const guide = JSON.parse(readFileSync(await json.path(), 'utf8'));
    if (guide.days !== 7 || !guide.programmes.some((p) => p.title === LIVE)) throw new Error('the JSON download is not the week\'s guide');
  });

  await step('the week view', async () => {
    await page.getByRole('link', { name: 'Week view' }).click();
    await page.locator('.day-length', { hasText: '169 hours' }).waitFor();
    await slotButton(LIVE).waitFor();
    await accessible('timeline (week)');
    await shot('week');
  });

  await step('in the week, a run of clips too short to tell apart lists them, and one is picked by keyboard', async () => {
    const run = page.locator('.slot.run').first();
    await run.focus();
    await page.keyboard.press('Enter');
    const size = Number(await run.getAttribute('data-run-of'));
    await page.locator('#details-heading', { hasText: `${size} slots` }).waitFor();
    const choices = page.locator('.run-slots button');
    if (await choices.count() !== size) throw new Error(`the run of ${size} lists ${await choices.count()} slots`);
    if (size < 3) throw new Error(`a run of ${size} slots`);
    await page.locator('.run-slots button:focus').waitFor();
    const third = (await choices.nth(2).locator('.times').textContent()).trim();
    await accessible('a run of slots');
    await shot('week-run');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Harbour Timelapse/, level: 2 }).waitFor();
    // Partner, Kind, then Local time
    const time = (await page.locator('.details dd').nth(2).textContent()).trim();
    if (!time.endsWith(` ${third}`)) throw new Error(`picked the slot at ${time}, not the third of the run (${third})`);
    if (await page.evaluate(() => document.activeElement?.id) !== 'details-heading') throw new Error('the focus did not follow the pick');
  });

  await step('an operator is turned away from the admin screens', async () => {
    await page.goto(`${CONSOLE}#/applications`);
    await page.getByRole('heading', { name: 'Not for this account' }).waitFor();
  });

  await step('sign out ends the session', async () => {
    await signOut();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#username').waitFor();
  });
  await context.close();

  // ---- the admin
  context = await signIn('admin');
  await step('the admin approves an application and is shown its credentials once', async () => {
    await page.getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { name: 'Partner applications' }).waitFor();
    await page.getByRole('button', { name: `Review ${APPLICANT}` }).click();
    await page.getByRole('heading', { name: `Application: ${APPLICANT}` }).waitFor();
    await accessible('application');
    await shot('application');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('heading', { name: `Approved: ${APPLICANT}` }).waitFor();
    const secret = await page.locator('.client-secret').textContent();
    if (!secret || secret.length < 8) throw new Error('no client secret shown');
    await page.locator('.client-id').filter({ hasText: /\S/ }).waitFor();
    await accessible('approval');
  });

  await step('reject an application with a reason', async () => {
    await page.getByRole('button', { name: `Review ${REJECTEE}` }).click();
    await page.getByLabel('Reason').fill('Console check: no licensed content in the territories applied for');
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    await expectText(page.getByRole('status'), `${REJECTEE} rejected`);
  });

  await step('suspend and reinstate a partner, with reasons, and read its audit trail', async () => {
    await page.getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('button', { name: `Open ${APPLICANT}` }).click();
    await page.getByRole('heading', { name: `${APPLICANT} (ACTIVE)` }).waitFor();
    await page.getByLabel('Reason (optional for some actions)').fill('Console check: feeds under review');
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.getByRole('heading', { name: `${APPLICANT} (SUSPENDED)` }).waitFor();
    await expectText(page.locator('td'), 'Console check: feeds under review');
    await page.getByRole('button', { name: 'Reinstate' }).click();
    await page.getByRole('heading', { name: `${APPLICANT} (ACTIVE)` }).waitFor();
    await accessible('partner');
    await shot('partner');
    await page.getByLabel('Reason (optional for some actions)').fill('Console check: agreement ended');
    await page.getByRole('button', { name: 'Terminate' }).click();
    await page.getByRole('heading', { name: `${APPLICANT} (TERMINATED)` }).waitFor();
  });

  await step('moderate an item: a reason is required to reject, then approve', async () => {
    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('button', { name: `Review ${PENDING_ITEM}` }).click();
    await page.getByRole('heading', { name: `Review: ${PENDING_ITEM}` }).waitFor();
    await page.getByRole('link', { name: /^https:\/\/.*\.m3u8$/ }).waitFor();
    await expectText(page.locator('td'), 'SUBMITTED');
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    await page.locator('textarea[name="reason"][aria-invalid="true"]').waitFor();
    await accessible('moderation');
    await shot('moderation');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expectText(page.getByRole('status'), `${PENDING_ITEM} approved`);
  });
  await context.close();

  // ---- a partner
  context = await signIn('partner');
  await step('a partner sees a 403 screen, not a crash', async () => {
    await page.getByRole('heading', { name: 'Not for this account' }).waitFor();
    await page.locator('[data-status="403"]', { hasText: 'partner' }).waitFor();
    await page.goto(`${CONSOLE}#/channels`);
    await page.getByRole('heading', { name: 'Not for this account' }).waitFor();
    await accessible('403');
    await shot('forbidden');
  });
  await context.close();
} catch (error) {
  failed = true;
  if (!error.reported) {
    console.error(error);
  }
} finally {
  await browser.close();
}
console.log(failed ? '[console] FAILED' : '[console] every step passed');
process.exit(failed ? 1 : 0);

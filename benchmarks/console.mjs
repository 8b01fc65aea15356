// How fast the console opens and scrolls a channel's week of 30-second clips (20,160 slots) in headless
// Chromium: the page's own files, served from the gateway's sources, with the API's answers made here
// (so that what is measured is the browser's work, not the services'). Run by benchmarks/console.sh.
//
// Reported, over RUNS page loads: time to first render (navigation start to the first slot block in the
// DOM), time to interactive (to the first slot's details shown after a click on it, the click itself
// issued as soon as the block exists), and the scroll through the whole week a screen at a time: the
// slowest and the median frame (scrollTop set to the blocks of the new screen drawn).
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const CONSOLE_FILES = process.argv[2];
const RUNS = Number(process.env.RUNS ?? 5);
const ORIGIN = 'http://console.bench';
const CHANNEL = '00000000-0000-4000-8000-000000000001';
const ZONE = 'Australia/Sydney';
const DATE = '2027-05-03';
const CLIP_MS = 30_000;
const SLOTS = 7 * 24 * 120;
const ITEMS = 200;

// the gateway's policy for the console (ConsoleRoutes), so that the page runs as it does there
const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
// local midnight in Sydney, +10:00 in May
const week = { from: Date.parse('2027-05-02T14:00:00Z') };
const slots = Array.from({ length: SLOTS }, (_, i) => ({
  id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, channelId: CHANNEL,
  contentId: `00000000-0000-4000-a000-${String(i % ITEMS).padStart(12, '0')}`,
  start: new Date(week.from + i * CLIP_MS).toISOString(), end: new Date(week.from + (i + 1) * CLIP_MS).toISOString(),
  partnerId: 'p1', kind: 'FILLER', title: `Clip ${i % ITEMS}`, cut: false,
}));
const answers = {
  [`/api/v1/channels/${CHANNEL}`]: { id: CHANNEL, slug: 'bench.au.example', name: 'Benchmark week', timeZone: ZONE, territories: ['AU'] },
  [`/api/v1/channels/${CHANNEL}/slots`]: slots,
  [`/api/v1/channels/${CHANNEL}/gaps`]: { gaps: [], coverage: 1 },
  [`/api/v1/channels/${CHANNEL}/validation`]: { findings: [] },
  [`/api/v1/channels/${CHANNEL}/now`]: { now: null, next: [] },
  '/api/v1/partners': { items: [{ id: 'p1', displayName: 'Benchmark partner' }] },
  '/console/config.json': { clientId: 'console', authorizationEndpoint: `${ORIGIN}/auth`, tokenEndpoint: `${ORIGIN}/token`, endSessionEndpoint: `${ORIGIN}/logout` },
};
const slotBody = JSON.stringify(slots);

function token() {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ preferred_username: 'operator', realm_access: { roles: ['channel-operator'] } })}.x`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const results = [];
for (let run = 0; run < RUNS; run++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript((access) => sessionStorage.setItem('console.tokens',
    JSON.stringify({ access, expiresAt: Date.now() + 3_600_000 })), token());
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === `/api/v1/channels/${CHANNEL}/slots`) {
      return route.fulfill({ body: slotBody, contentType: 'application/json' });
    }
    if (answers[url.pathname]) {
      return route.fulfill({ json: answers[url.pathname] });
    }
    const file = url.pathname.replace(/^\/console\/?/, '') || 'index.html';
    return route.fulfill({
      body: readFileSync(join(CONSOLE_FILES, file)), contentType: types[extname(file)],
      headers: { 'Content-Security-Policy': POLICY },
    });
  });
  await page.goto(`${ORIGIN}/console/#/channel/${CHANNEL}/${DATE}/week`, { waitUntil: 'commit' });
  const block = page.locator('.slot').first();
  await block.waitFor();
  const firstRender = await page.evaluate(() => performance.now());
  // at the week's scale a 30-second slot is under a pixel high: the click lands on the block of a run of them,
  // which lists its slots beside the timeline
  await block.click({ force: true });
  await page.locator('#details-heading').filter({ hasText: /Clip|slots/ }).waitFor();
  const interactive = await page.evaluate(() => performance.now());
  const frames = await page.evaluate(async () => {
    const timeline = document.querySelector('.timeline');
    const times = [];
    for (let top = 0; top < timeline.scrollHeight; top += timeline.clientHeight) {
      const started = performance.now();
      timeline.scrollTop = top;
      await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
      times.push(performance.now() - started);
    }
    return times;
  });
  const blocks = await page.locator('.slot').count();
  frames.sort((a, b) => a - b);
  results.push({ firstRender, interactive, screens: frames.length, median: frames[frames.length >> 1], slowest: frames.at(-1), blocks });
  await page.close();
}
await browser.close();
const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[results.length >> 1];
console.log(`console: a week of ${SLOTS} 30-second slots in ${ZONE}, ${RUNS} page loads, headless Chromium`);
results.forEach((r, i) => console.log(`  run ${i + 1}: first render ${r.firstRender.toFixed(0)} ms, interactive ${r.interactive.toFixed(0)} ms, `
  + `scroll ${r.screens} screens: median frame ${r.median.toFixed(1)} ms, slowest ${r.slowest.toFixed(1)} ms; ${r.blocks} blocks in the DOM`));
console.log(`  median: first render ${median('firstRender').toFixed(0)} ms, interactive ${median('interactive').toFixed(0)} ms, `
  + `scroll median frame ${median('median').toFixed(1)} ms, slowest ${median('slowest').toFixed(1)} ms`);

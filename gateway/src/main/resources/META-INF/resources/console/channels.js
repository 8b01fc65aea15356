// Channels: each with its zone, territories, how much of today and of each of the next 7 local days is
// scheduled, and how many validation findings are open over those days.
import { all, get } from './api.js';
import { coverageByDay } from './coverage.js';
import { daysWindow, iso, offsetLabel, today } from './time.js';
import { alertRegion, h, screen, showProblem, table } from './ui.js';

// today and the next 7 local days
const DAYS = 8;
const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

function percent(fraction) {
  return `${(fraction * 100).toFixed(fraction === 1 || fraction === 0 ? 0 : 1)}%`;
}

/** A local date as "Mon 7 Dec" (the date alone, whatever the zone). */
function dayName(date) {
  return weekday.format(new Date(`${date}T00:00:00Z`));
}

/** Fills a channel's row once its figures are in: two calls, the gaps and the findings of the eight days. */
async function figures(channel, cells) {
  const date = today(channel.timeZone);
  const window = daysWindow(date, DAYS, channel.timeZone);
  const query = { from: iso(window.from), to: iso(window.to) };
  try {
    const [coverage, validation] = await Promise.all([
      get(`/api/v1/channels/${channel.id}/gaps`, query),
      get(`/api/v1/channels/${channel.id}/validation`, query),
    ]);
    const gaps = coverage.gaps.map((gap) => ({ start: Date.parse(gap.start), end: Date.parse(gap.end) }));
    cells.coverage.replaceChildren(h('ol', { class: 'days' }, coverageByDay(gaps, date, DAYS, channel.timeZone).map((day, i) =>
      h('li', { dataset: { date: day.date } },
        h('a', { href: `#/channel/${channel.id}/${day.date}/day` },
          h('span', { class: 'day' }, i === 0 ? 'Today' : dayName(day.date)),
          h('span', { class: day.coverage < 1 ? 'short' : 'full' }, percent(day.coverage)))))));
    const open = validation.findings.length;
    cells.findings.replaceChildren(open
      ? h('a', { href: `#/channel/${channel.id}/${date}/week`, class: 'short' }, `${open} open`)
      : h('span', { class: 'full' }, 'none'));
  } catch (error) {
    cells.coverage.replaceChildren(h('span', { class: 'short' }, error.title ?? error.message));
  }
}

export async function channelList(main) {
  const problems = alertRegion();
  const loading = h('p', {}, 'Loading channels…');
  screen(main, 'Channels', problems, loading);
  let channels;
  try {
    channels = await all('/api/v1/channels');
  } catch (error) {
    loading.remove();
    showProblem(error, problems);
    return;
  }
  const rows = channels.map((channel) => {
    const cells = { coverage: h('td', {}, '…'), findings: h('td', {}, '…') };
    figures(channel, cells);
    const date = today(channel.timeZone);
    return h('tr', { dataset: { channel: channel.slug } },
      h('th', { scope: 'row' }, h('a', { href: `#/channel/${channel.id}/${date}/day` }, channel.name),
        h('div', { class: 'hint' }, channel.slug)),
      h('td', {}, channel.timeZone, h('div', { class: 'hint' }, `UTC${offsetLabel(Date.now(), channel.timeZone)}`)),
      h('td', {}, channel.territories.join(', ')),
      cells.coverage, cells.findings);
  });
  loading.remove();
  main.append(table(`${channels.length} channels; coverage of each channel's own local days`,
    ['Channel', 'Time zone', 'Territories', 'Scheduled, today and the next 7 days', 'Findings'], rows));
}

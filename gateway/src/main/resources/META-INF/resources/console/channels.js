// Channels: each with its zone, territories, how much of today and of the next 7 local days is
// scheduled, and how many validation findings are open over those days.
import { all, get } from './api.js';
import { addDays, daysWindow, iso, offsetLabel, today } from './time.js';
import { alertRegion, h, screen, showProblem, table } from './ui.js';

const WEEK = 7;

function percent(fraction) {
  return `${(fraction * 100).toFixed(fraction === 1 || fraction === 0 ? 0 : 1)}%`;
}

async function coverage(channel, from, to) {
  return (await get(`/api/v1/channels/${channel.id}/gaps`, { from: iso(from), to: iso(to) })).coverage;
}

/** Fills a channel's row once its figures are in: three calls, for today, the week after, and findings. */
async function figures(channel, cells) {
  const date = today(channel.timeZone);
  const day = daysWindow(date, 1, channel.timeZone);
  const week = daysWindow(addDays(date, 1), WEEK, channel.timeZone);
  try {
    const [todays, weeks, validation] = await Promise.all([
      coverage(channel, day.from, day.to),
      coverage(channel, week.from, week.to),
      get(`/api/v1/channels/${channel.id}/validation`, { from: iso(day.from), to: iso(week.to) }),
    ]);
    cells.today.replaceChildren(h('span', { class: todays < 1 ? 'short' : 'full' }, percent(todays)));
    cells.week.replaceChildren(h('span', { class: weeks < 1 ? 'short' : 'full' }, percent(weeks)));
    const open = validation.findings.length;
    cells.findings.replaceChildren(open
      ? h('a', { href: `#/channel/${channel.id}/${date}/week`, class: 'short' }, `${open} open`)
      : h('span', { class: 'full' }, 'none'));
  } catch (error) {
    cells.today.replaceChildren(h('span', { class: 'short' }, error.title ?? error.message));
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
    const cells = { today: h('td', {}, '…'), week: h('td', {}, '…'), findings: h('td', {}, '…') };
    figures(channel, cells);
    const date = today(channel.timeZone);
    return h('tr', { dataset: { channel: channel.slug } },
      h('th', { scope: 'row' }, h('a', { href: `#/channel/${channel.id}/${date}/day` }, channel.name),
        h('div', { class: 'hint' }, channel.slug)),
      h('td', {}, channel.timeZone, h('div', { class: 'hint' }, `UTC${offsetLabel(Date.now(), channel.timeZone)}`)),
      h('td', {}, channel.territories.join(', ')),
      cells.today, cells.week, cells.findings);
  });
  loading.remove();
  main.append(table(`${channels.length} channels; coverage of each channel's own local days`,
    ['Channel', 'Time zone', 'Territories', 'Today', 'Next 7 days', 'Findings'], rows));
}

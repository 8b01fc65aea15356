// A channel's local day or week: the timeline, its gaps and findings with their reasons, now and next,
// and the operator's edits (place, move, remove, fill, insert a live event) and guide downloads.
import { all, call, get, post } from './api.js';
import {
  addDays, daysWindow, fromLocalInput, hours, iso, localDate, localInput, localTime, offsetLabel, today,
} from './time.js';
import { Timeline } from './timeline.js';
import { act, actionForm, alertRegion, field, h, screen, select, showProblem, statusRegion } from './ui.js';

const SPANS = { day: 1, week: 7 };
const ZOOMS = [['0.5', '½ px a minute'], ['1', '1 px a minute'], ['2', '2 px a minute'], ['4', '4 px a minute'],
  ['8', '8 px a minute'], ['16', '16 px a minute']];
const REASONS = {
  GAP: 'nothing scheduled', CONTENT_NOT_APPROVED: 'content no longer approved', RIGHTS_EXPIRED: 'rights do not cover the slot',
  TERRITORY_MISMATCH: 'not licensed for every territory of the channel', PARTNER_INACTIVE: 'partner suspended or terminated',
};

/** A datetime-local input showing the instant in the channel's zone. */
function timeInput(name, instant, zone) {
  return h('input', { type: 'datetime-local', name, value: localInput(instant, zone), required: true });
}

function asInstants(slot) {
  return { ...slot, start: Date.parse(slot.start), end: Date.parse(slot.end) };
}

async function download(path, query, name, region) {
  try {
    const { data } = await call('GET', path, { query });
    const text = typeof data === 'string' ? data : JSON.stringify(data, null, 2);
    const link = h('a', {
      href: URL.createObjectURL(new Blob([text], { type: name.endsWith('.xml') ? 'application/xml' : 'application/json' })),
      download: name,
    });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    showProblem(error, region);
  }
}

export async function channelSchedule(main, channelId, dateGiven, spanGiven) {
  const problems = alertRegion();
  const loading = h('p', {}, 'Loading the schedule…');
  screen(main, 'Channel', problems, loading);
  let channel;
  try {
    channel = await get(`/api/v1/channels/${channelId}`);
  } catch (error) {
    loading.remove();
    showProblem(error, problems);
    return;
  }
  const zone = channel.timeZone;
  const date = dateGiven ?? today(zone);
  const span = spanGiven ?? 'day';
  const days = SPANS[span];
  const window = daysWindow(date, days, zone);
  const base = `#/channel/${channel.id}`;
  const status = statusRegion();

  const [slots, coverage, validation, onAir, partnerList] = await Promise.all([
    get(`/api/v1/channels/${channel.id}/slots`, { from: iso(window.from), to: iso(window.to) }),
    get(`/api/v1/channels/${channel.id}/gaps`, { from: iso(window.from), to: iso(window.to) }),
    get(`/api/v1/channels/${channel.id}/validation`, { from: iso(window.from), to: iso(window.to) }),
    get(`/api/v1/channels/${channel.id}/now`),
    all('/api/v1/partners'),
  ]).catch((error) => {
    showProblem(error, problems);
    return [];
  });
  if (!slots) {
    return;
  }

  const findings = new Map();
  validation.findings.filter((f) => f.slotId).forEach((f) => {
    findings.set(f.slotId, [...(findings.get(f.slotId) ?? []), REASONS[f.reason] ?? f.reason]);
  });
  const partners = new Map(partnerList.map((p) => [p.id, p.displayName]));
  const view = {
    from: window.from, to: window.to, zone,
    slots: slots.map(asInstants),
    gaps: coverage.gaps.map((gap) => ({ start: Date.parse(gap.start), end: Date.parse(gap.end) })),
    findings, now: onAir.now?.id, next: (onAir.next ?? []).map((slot) => slot.id),
    partnerOf: (slot) => partners.get(slot.partnerId) ?? '',
  };
  const details = h('section', { class: 'details', 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading' }, 'Slot'), h('p', { class: 'hint' }, 'Pick a slot on the timeline.'));
  const reload = (message) => {
    sessionStorage.setItem('console.status', message);
    channelSchedule(main, channelId, date, span);
  };
  const zoom = select('zoom', ZOOMS, sessionStorage.getItem(`console.zoom.${span}`) ?? (span === 'day' ? '2' : '0.5'));
  const timeline = new Timeline(view, Number(zoom.value), (slot) => showSlot(details, slot, channel, view, reload),
    (run) => showRun(details, run, zone, view, timeline));
  zoom.addEventListener('change', () => {
    sessionStorage.setItem(`console.zoom.${span}`, zoom.value);
    reload(`Zoom: ${zoom.selectedOptions[0].text}`);
  });

  const length = window.to - window.from;
  const title = `${channel.name}: ${span === 'day' ? date : `${date} to ${addDays(date, days - 1)}`}`;
  const dateInput = h('input', { type: 'date', name: 'date', value: date });
  const navigation = h('form', {
    class: 'toolbar', 'aria-label': 'Which days',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = `${base}/${dateInput.value}/${span}`;
    },
  },
  h('a', { href: `${base}/${addDays(date, -days)}/${span}` }, `← Previous ${span}`),
  field('Local date', dateInput), h('button', { type: 'submit' }, 'Show'),
  h('a', { href: `${base}/${addDays(date, days)}/${span}` }, `Next ${span} →`),
  span === 'day' ? h('a', { href: `${base}/${date}/week` }, 'Week view') : h('a', { href: `${base}/${date}/day` }, 'Day view'),
  field('Zoom', zoom));

  const downloads = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Download the guide' },
    h('span', {}, 'Guide:'),
    ['day', 'week'].flatMap((which) => [
      h('button', {
        type: 'button', onclick: () => download('/api/v1/epg.xml', { channel: channel.slug, date, days: SPANS[which] },
          `${channel.slug}-${date}-${which}.xml`, problems),
      }, `XMLTV (${which})`),
      h('button', {
        type: 'button', onclick: () => download(`/api/v1/channels/${channel.id}/guide`, { date, days: SPANS[which] },
          `${channel.slug}-${date}-${which}.json`, problems),
      }, `JSON (${which})`),
    ]));

  const onAirNow = onAir.now ? `${onAir.now.title} (until ${localTime(Date.parse(onAir.now.end), zone)})` : 'nothing: a gap';
  const startOf = (slot) => {
    const at = Date.parse(slot.start);
    return localDate(at, zone) === today(zone) ? localTime(at, zone) : `${localDate(at, zone)} ${localTime(at, zone)}`;
  };
  const upNext = (onAir.next ?? []).map((slot) => `${startOf(slot)} ${slot.title}`).join(' · ');
  const summary = h('dl', { class: 'summary' },
    h('dt', {}, 'Time zone'), h('dd', {}, `${zone} (UTC${offsetLabel(window.from, zone)} at the start)`),
    h('dt', {}, span === 'day' ? 'Length of the day' : 'Length of the week'), h('dd', { class: 'day-length' }, `${hours(length)} hours`),
    h('dt', {}, 'Territories'), h('dd', {}, channel.territories.join(', ')),
    h('dt', {}, 'Covered'), h('dd', {}, `${(coverage.coverage * 100).toFixed(1)}% (${view.slots.length} slots, ${view.gaps.length} gaps)`),
    h('dt', {}, 'On air now'), h('dd', { class: 'now' }, onAirNow),
    h('dt', {}, 'Up next'), h('dd', { class: 'next' }, upNext || 'nothing scheduled'));

  const findingList = h('section', { class: 'findings', 'aria-labelledby': 'findings-heading' },
    h('h2', { id: 'findings-heading' }, `Findings (${validation.findings.length})`),
    validation.findings.length ? h('ul', {}, validation.findings.map((finding) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => timeline.reveal(Date.parse(finding.start)) },
        `${localDate(Date.parse(finding.start), zone)} ${localTime(Date.parse(finding.start), zone)}–${localTime(Date.parse(finding.end), zone)}`),
      ` ${finding.reason === 'GAP' ? 'Gap' : 'Slot'}: ${finding.detail ?? REASONS[finding.reason] ?? finding.reason}`)))
      : h('p', {}, 'None: every minute is scheduled and every slot may air.'));

  const live = liveForm(channel, window, view, reload);
  screen(main, title, problems, status, navigation, summary, downloads,
    h('div', { class: 'schedule' },
      h('div', { class: 'timeline-column' }, timeline.element),
      h('div', { class: 'side' }, details, findingList,
        placeForm(channel, view, reload, live.choose), fillForm(channel, window, reload), live.section)));
  timeline.render();
  status.textContent = sessionStorage.getItem('console.status') ?? '';
  sessionStorage.removeItem('console.status');
}

function showSlot(details, slot, channel, view, reload) {
  const zone = channel.timeZone;
  const problems = alertRegion();
  const start = timeInput('start', slot.start, zone);
  const move = actionForm({ 'aria-label': 'Move the slot' }, problems, async () => {
    const moved = await call('PATCH', `/api/v1/channels/${channel.id}/slots/${slot.id}`,
      { body: { start: iso(fromLocalInput(start.value, zone)) } });
    reload(`Moved ${slot.title} to ${localTime(Date.parse(moved.data.start), zone)}`);
  }, field(`New start (${zone})`, start), h('button', { type: 'submit' }, 'Move'));
  const confirm = h('button', {
    type: 'button', class: 'danger', hidden: true,
    onclick: () => act(details, problems, async () => {
      await call('DELETE', `/api/v1/channels/${channel.id}/slots/${slot.id}`);
      reload(`Removed ${slot.title}; its time is a gap`);
    }),
  }, 'Confirm removal');
  const remove = h('button', {
    type: 'button', onclick: () => {
      confirm.hidden = false;
      confirm.focus();
    },
  }, 'Remove…');
  const reasons = view.findings.get(slot.id) ?? [];
  details.replaceChildren(h('h2', { id: 'details-heading', tabindex: '-1' }, slot.title),
    h('dl', {},
      h('dt', {}, 'Partner'), h('dd', {}, view.partnerOf(slot) || '…'),
      h('dt', {}, 'Kind'), h('dd', {}, slot.kind === 'LIVE' ? 'LIVE event' : slot.kind),
      h('dt', {}, 'Local time'), h('dd', {}, `${localDate(slot.start, zone)} ${localTime(slot.start, zone)}–${localTime(slot.end, zone)}`),
      h('dt', {}, 'UTC'), h('dd', {}, `${iso(slot.start)} – ${iso(slot.end)}`),
      slot.cut ? [h('dt', {}, 'Cut'), h('dd', {}, 'shorter than its content')] : null,
      h('dt', {}, 'Findings'), h('dd', {}, reasons.length ? reasons.join('; ') : 'none'),
      h('dt', {}, 'Content'), h('dd', {}, h('code', {}, slot.contentId))),
    problems, move, h('p', {}, remove, ' ', confirm));
}

/**
 * A run of slots too short to tell apart at this zoom, drawn as one block: its slots listed beside the
 * timeline, each a button that opens the slot, so that any of them can be picked by pointer or keyboard.
 */
function showRun(details, run, zone, view, timeline) {
  const times = (slot) => `${localTime(slot.start, zone)}–${localTime(slot.end, zone)}`;
  const first = run[0];
  const last = run[run.length - 1];
  const list = h('ul', { class: 'run-slots' }, run.map((slot) => h('li', {},
    h('button', {
      type: 'button', dataset: { slotId: slot.id },
      onclick: () => {
        timeline.select(slot.id, false);
        details.querySelector('h2')?.focus();
      },
    }, h('span', { class: 'times' }, times(slot)), ' ', slot.title,
    view.findings.has(slot.id) ? ` (⚠ ${view.findings.get(slot.id).join(', ')})` : ''))));
  details.replaceChildren(
    h('h2', { id: 'details-heading', tabindex: '-1' }, `${run.length} slots, ${localDate(first.start, zone)} ${localTime(first.start, zone)}–${localTime(last.end, zone)}`),
    h('p', { class: 'hint' }, 'Too short to tell apart at this zoom: pick one, or zoom in.'),
    list);
  list.querySelector('button')?.focus();
}

/** Searches the catalogue and places an item; a live event may go to the live form (chooseLive) instead. */
function placeForm(channel, view, reload, chooseLive) {
  const zone = channel.timeZone;
  const problems = alertRegion();
  const results = h('ul', { class: 'results', 'aria-live': 'polite' });
  const firstGap = view.gaps[0]?.start ?? view.from;
  const start = timeInput('start', firstGap, zone);
  const q = h('input', { type: 'search', name: 'q' });
  const kind = select('kind', [['', 'any kind'], ['PROGRAMME', 'programme'], ['CLIP', 'clip'], ['LIVE_EVENT', 'live event']], '');
  const territory = select('territory', [['', 'any territory'], ...channel.territories.map((t) => [t, t])], channel.territories[0]);
  const form = actionForm({ 'aria-labelledby': 'place-heading' }, problems, async () => {
    const page = await get('/api/v1/content', {
      status: 'APPROVED', q: q.value.trim(), kind: kind.value, territory: territory.value, limit: 20,
    });
    results.replaceChildren(...(page.items.length ? page.items.map((item) => h('li', {},
      h('span', { class: 'title' }, item.title),
      h('span', { class: 'hint' }, ` ${item.kind}${item.durationSeconds ? `, ${Math.round(item.durationSeconds / 60)} min` : ''}, ${item.territories.join(' ')}`),
      ' ',
      h('button', {
        type: 'button', 'aria-label': `Place ${item.title}`, onclick: () => act(form, problems, async () => {
          const body = { contentId: item.id, start: iso(fromLocalInput(start.value, zone)) };
          if (item.kind === 'LIVE_EVENT') {
            body.end = iso(Date.parse(body.start) + (Date.parse(item.end) - Date.parse(item.start)));
          }
          const placed = await post(`/api/v1/channels/${channel.id}/slots`, body);
          reload(`Placed ${item.title} at ${localTime(Date.parse(placed.start), zone)}`);
        }),
      }, 'Place'),
      item.kind === 'LIVE_EVENT' ? [' ', h('button', {
        type: 'button', 'aria-label': `Insert ${item.title} as a live event`, onclick: () => chooseLive(item),
      }, 'Insert live…')] : null))
      : [h('li', {}, 'No approved item matches.')]));
  },
  h('h2', { id: 'place-heading' }, 'Place an approved item'),
  field('Text', q), field('Kind', kind), field('Territory', territory),
  h('button', { type: 'submit' }, 'Search'),
  field(`Place at (${zone})`, start),
  problems, results);
  return h('section', { class: 'edit' }, form);
}

function fillForm(channel, window, reload) {
  const zone = channel.timeZone;
  const problems = alertRegion();
  const from = timeInput('from', window.from, zone);
  const to = timeInput('to', window.to, zone);
  const form = actionForm({ 'aria-labelledby': 'fill-heading' }, problems, async () => {
    const filled = await post(`/api/v1/channels/${channel.id}/fill`, undefined,
      { from: iso(fromLocalInput(from.value, zone)), to: iso(fromLocalInput(to.value, zone)) });
    reload(`Filled ${filled.slots.length} slots from the filler rotation; ${(filled.coverage * 100).toFixed(1)}% of the range covered`);
  },
  h('h2', { id: 'fill-heading' }, 'Fill from the filler rotation'),
  field(`From (${zone})`, from), field(`To (${zone})`, to), problems, h('button', { type: 'submit' }, 'Fill gaps'));
  return h('section', { class: 'edit' }, form);
}

function liveForm(channel, window, view, reload) {
  const zone = channel.timeZone;
  const problems = alertRegion();
  const contentId = h('input', { type: 'text', name: 'contentId', required: true, autocomplete: 'off' });
  const start = timeInput('start', window.from, zone);
  const end = timeInput('end', window.from + 3_600_000, zone);
  const policies = h('fieldset', {}, h('legend', {}, 'What happens to the slots it overlaps'),
    [['PUSH', 'Push them later'], ['TRIM', 'Trim them around it'], ['DROP', 'Drop them']].map(([value, text], i) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'policy', value, checked: i === 0 }), ` ${value}: ${text}`)));
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const confirm = h('button', { type: 'button', class: 'primary', hidden: true }, 'Confirm live event');
  const path = `/api/v1/channels/${channel.id}/live`;
  const form = actionForm({ 'aria-labelledby': 'live-heading' }, problems, async () => {
    confirm.hidden = true;
    preview.replaceChildren();
    const request = {
      contentId: contentId.value.trim(), start: iso(fromLocalInput(start.value, zone)),
      end: iso(fromLocalInput(end.value, zone)), policy: form.elements.policy.value,
    };
    // schedule-service's dry run: its own rules on the schedule as it is now, refused as going live would be
    const outcome = await post(path, request, { dryRun: true });
    const expected = outcome.changes.map((change) => describe(change, zone, view));
    preview.replaceChildren(h('h3', {}, `Preview: ${request.policy}, ${outcome.live.title} ${describeTimes(outcome.live, zone)}`),
      h('ul', {}, expected.length ? expected.map((line) => h('li', {}, line))
        : h('li', {}, 'It lands in free time: nothing else changes.')));
    confirm.hidden = false;
    confirm.onclick = () => act(form, problems, async () => {
      const done = await post(path, request);
      const happened = done.changes.map((change) => describe(change, zone, view));
      const unlike = happened.join('\n') !== expected.join('\n') ? ' (not as previewed: the schedule changed meanwhile)' : '';
      reload(`Live event ${done.live.title} inserted (${request.policy}): ${happened.join('; ') || 'nothing else changed'}${unlike}`);
    });
    confirm.focus();
  },
  h('h2', { id: 'live-heading' }, 'Insert a live event'),
  h('p', { class: 'hint' }, 'Choose a live event with “Insert live…” in the search above, or paste its content id.'),
  field('Content id', contentId), field(`Start (${zone})`, start), field(`End (${zone})`, end), policies,
  problems, h('button', { type: 'submit' }, 'Preview'), preview, confirm);
  const choose = (item) => {
    contentId.value = item.id;
    start.value = localInput(Date.parse(item.start), zone);
    end.value = localInput(Date.parse(item.end), zone);
    confirm.hidden = true;
    preview.replaceChildren(h('p', {}, `Chosen: ${item.title}`));
    start.focus();
  };
  return { section: h('section', { class: 'edit' }, form), choose };
}

function describeTimes(slot, zone) {
  return `${localTime(Date.parse(slot.start), zone)}–${localTime(Date.parse(slot.end), zone)}`;
}

/** One change of a live insertion, as the service answers it (the slot as it becomes, a removed one as it was). */
function describe({ change, slot }, zone, view) {
  const becomes = describeTimes(slot, zone);
  // where a moved or cut slot was, when the screen shows it
  const shown = view.slots.find((s) => s.id === slot.id);
  const was = shown ? ` (${localTime(shown.start, zone)}–${localTime(shown.end, zone)})` : '';
  switch (change) {
    case 'MOVED': return `${slot.title}${was} moves to ${becomes}`;
    case 'TRIMMED': return `${slot.title}${was} is cut to ${becomes}`;
    case 'ADDED': return `${slot.title} resumes ${becomes}`;
    default: return `${slot.title} (${becomes}) is removed`;
  }
}

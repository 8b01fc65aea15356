// A channel's own clock: local days and times in its IANA zone, with the browser's Intl data. A local day
// runs from one local midnight to the next, so it has 23 or 25 hours where the zone changes its offset.

const HOUR_MS = 3_600_000;
const fields = new Map();

function partsIn(zone) {
  if (!fields.has(zone)) {
    fields.set(zone, new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  return fields.get(zone);
}

/** The local calendar fields of an instant (ms) in the zone. */
function local(instant, zone) {
  const parts = Object.fromEntries(partsIn(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: +parts.year, month: +parts.month, day: +parts.day,
    hour: +parts.hour, minute: +parts.minute, second: +parts.second,
  };
}

/** How far ahead of UTC the zone's clock is at the instant, in ms. */
function offset(instant, zone) {
  const l = local(instant, zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant (ms) when the local wall-clock time occurs in the zone (its first occurrence). */
export function instantOf(date, time, zone) {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = (time ?? '00:00').split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // two passes: the offset at the guess may differ from the offset at the answer across a change
  let instant = wall - offset(wall, zone);
  instant = wall - offset(instant, zone);
  const earlier = wall - offset(instant - HOUR_MS, zone);
  return offset(earlier, zone) === wall - earlier ? Math.min(earlier, instant) : instant;
}

export function localDate(instant, zone) {
  const l = local(instant, zone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

export function localTime(instant, zone) {
  const l = local(instant, zone);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/** The value of a datetime-local input for the instant in the zone. */
export function localInput(instant, zone) {
  return `${localDate(instant, zone)}T${localTime(instant, zone)}`;
}

/** The instant a datetime-local input's value means in the zone. */
export function fromLocalInput(value, zone) {
  const [date, time] = value.split('T');
  return instantOf(date, time, zone);
}

export function addDays(date, days) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function today(zone) {
  return localDate(Date.now(), zone);
}

/** [start, end) of the local days from date, as instants (ms). */
export function daysWindow(date, days, zone) {
  return { from: instantOf(date, '00:00', zone), to: instantOf(addDays(date, days), '00:00', zone) };
}

/**
 * Each local full hour in [from, to) with its label: a 25-hour day shows one hour twice. Zones are offset
 * from UTC by whole quarter hours (Asia/Kolkata +05:30, Asia/Kathmandu +05:45), so quarter steps find them.
 */
export function hourMarks(from, to, zone) {
  const quarter = HOUR_MS / 4;
  const marks = [];
  for (let at = Math.ceil(from / quarter) * quarter; at < to; at += quarter) {
    const label = localTime(at, zone);
    if (label.endsWith(':00')) {
      marks.push({ at, label, midnight: label === '00:00' });
    }
  }
  return marks;
}

/** UTC offset of the zone at the instant, as +hh:mm. */
export function offsetLabel(instant, zone) {
  const minutes = Math.round(offset(instant, zone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function iso(instant) {
  return new Date(instant).toISOString();
}

export function hours(ms) {
  return Math.round(ms / HOUR_MS * 100) / 100;
}

// How much of each local day a channel's schedule covers (coverage.js), from the gaps of the whole window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageByDay } from '../../main/resources/META-INF/resources/console/coverage.js';

const at = (text) => Date.parse(text);
const gap = (start, end) => ({ start: at(start), end: at(end) });
const shares = (gaps, date, days, zone) => coverageByDay(gaps, date, days, zone).map((day) => [day.date, day.coverage]);

test('a day with no gap is covered whole, and one that is all gap not at all', () => {
  // Sydney's days from 2026-12-06, at +11:00: local midnight is 13:00 UTC the day before
  assert.deepEqual(shares([gap('2026-12-06T13:00:00Z', '2026-12-07T13:00:00Z')], '2026-12-06', 3, 'Australia/Sydney'),
    [['2026-12-06', 1], ['2026-12-07', 0], ['2026-12-08', 1]]);
});

test('a gap across local midnight counts in each day for the part it lies in', () => {
  // 18:00 on the 6th to 06:00 on the 7th in Kolkata (+05:30): a quarter of each day
  assert.deepEqual(shares([gap('2026-12-06T12:30:00Z', '2026-12-07T00:30:00Z')], '2026-12-06', 2, 'Asia/Kolkata'),
    [['2026-12-06', 0.75], ['2026-12-07', 0.75]]);
});

test('a 25- or 23-hour day is measured in its own hours', () => {
  const rows = [
    // zone, date, gaps, its share covered
    // the clocks go back at 03:00: 5 hours of 25 uncovered
    ['Australia/Sydney', '2027-04-04', [gap('2027-04-03T13:00:00Z', '2027-04-03T18:00:00Z')], 0.8],
    // the clocks go forward at 02:00: 23 hours, 2.3 of them uncovered
    ['Australia/Sydney', '2026-10-04', [gap('2026-10-03T14:00:00Z', '2026-10-03T16:18:00Z')], 0.9],
    ['Australia/Sydney', '2026-10-04', [gap('2026-10-03T14:00:00Z', '2026-10-04T13:00:00Z')], 0],
    ['America/New_York', '2026-11-01', [], 1],
  ];
  for (const [zone, date, gaps, covered] of rows) {
    const [day] = coverageByDay(gaps, date, 1, zone);
    assert.ok(Math.abs(day.coverage - covered) < 1e-9, `${zone} ${date}: ${day.coverage}, not ${covered}`);
  }
});

test('gaps outside the days and many small ones add up', () => {
  const clips = Array.from({ length: 48 }, (_, i) =>
    gap(new Date(at('2026-12-06T00:00:00Z') + i * 1_800_000).toISOString(), new Date(at('2026-12-06T00:00:00Z') + i * 1_800_000 + 900_000).toISOString()));
  const outside = [gap('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z'), gap('2026-12-09T00:00:00Z', '2026-12-10T00:00:00Z')];
  assert.deepEqual(shares([...outside, ...clips], '2026-12-06', 2, 'UTC'), [['2026-12-06', 0.5], ['2026-12-07', 1]]);
});

test('the days follow one another from the date given, eight of them for a channel list', () => {
  assert.deepEqual(coverageByDay([], '2026-12-30', 8, 'Asia/Tokyo').map((day) => day.date),
    ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05', '2027-01-06']);
});

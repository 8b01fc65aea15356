// The console's clock (time.js): local days of a channel's zone, 23 and 25 hours long where it changes offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysWindow, fromLocalInput, hourMarks, hours, iso, localInput, offsetLabel } from '../../main/resources/META-INF/resources/console/time.js';

test('a local day runs from local midnight to local midnight, however long that is', () => {
  const days = [
    // zone, date, its midnight in UTC, its length in hours
    ['Australia/Sydney', '2027-04-04', '2027-04-03T13:00:00.000Z', 25],
    ['Australia/Sydney', '2026-10-04', '2026-10-03T14:00:00.000Z', 23],
    ['Australia/Sydney', '2026-12-06', '2026-12-05T13:00:00.000Z', 24],
    ['Asia/Kolkata', '2026-12-14', '2026-12-13T18:30:00.000Z', 24],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', 23],
    ['UTC', '2026-12-31', '2026-12-31T00:00:00.000Z', 24],
  ];
  for (const [zone, date, midnight, length] of days) {
    const window = daysWindow(date, 1, zone);
    assert.equal(iso(window.from), midnight, `${zone} ${date}`);
    assert.equal(hours(window.to - window.from), length, `${zone} ${date}`);
  }
});

test('the hour marks of a day repeat the hour the clocks go back and skip the one they go forward', () => {
  const labels = (zone, date) => {
    const window = daysWindow(date, 1, zone);
    return hourMarks(window.from, window.to, zone).map((mark) => mark.label);
  };
  const autumn = labels('Australia/Sydney', '2027-04-04');
  assert.equal(autumn.length, 25);
  assert.deepEqual(autumn.slice(0, 5), ['00:00', '01:00', '02:00', '02:00', '03:00']);
  const spring = labels('Australia/Sydney', '2026-10-04');
  assert.equal(spring.length, 23);
  assert.deepEqual(spring.slice(0, 3), ['00:00', '01:00', '03:00']);
  // a zone half an hour off UTC still has its marks on its own full hours
  assert.deepEqual(labels('Asia/Kolkata', '2026-12-14').slice(0, 2), ['00:00', '01:00']);
});

test('a time typed in the channel\'s zone means the instant it names there, and is shown back the same', () => {
  const typed = [
    ['Australia/Sydney', '2027-04-04T10:00', '2027-04-04T00:00:00.000Z', '+10:00'],
    ['Australia/Sydney', '2027-04-03T10:00', '2027-04-02T23:00:00.000Z', '+11:00'],
    ['Asia/Kolkata', '2026-12-14T08:15', '2026-12-14T02:45:00.000Z', '+05:30'],
  ];
  for (const [zone, value, instant, offset] of typed) {
    const at = fromLocalInput(value, zone);
    assert.equal(iso(at), instant, `${zone} ${value}`);
    assert.equal(localInput(at, zone), value);
    assert.equal(offsetLabel(at, zone), offset);
  }
  // 02:30 comes twice in Sydney on 2027-04-04: the first, still on summer time, is meant
  assert.equal(iso(fromLocalInput('2027-04-04T02:30', 'Australia/Sydney')), '2027-04-03T15:30:00.000Z');
});

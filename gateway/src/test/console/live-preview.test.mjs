// What the console says a live event will do before the operator confirms it (live-preview.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewLive } from '../../main/resources/META-INF/resources/console/live-preview.js';

const MINUTE = 60_000;
const slot = (id, from, to, kind = 'PROGRAMME') => ({ id, title: id, start: from * MINUTE, end: to * MINUTE, kind });
// a: 0-30, b: 30-60, c: 60-90, a gap, d: 100-130, then a live event e: 130-160
const day = [slot('a', 0, 30), slot('b', 30, 60), slot('c', 60, 90), slot('d', 100, 130), slot('e', 130, 160, 'LIVE')];
const changes = (policy, from, to) => previewLive(day, from * MINUTE, to * MINUTE, policy).changes
  .map((c) => [c.change, c.slot.id, c.start === undefined ? null : c.start / MINUTE, c.end === undefined ? null : c.end / MINUTE]);

test('DROP removes what the event overlaps', () => {
  assert.deepEqual(changes('DROP', 20, 50), [['REMOVED', 'a', null, null], ['REMOVED', 'b', null, null]]);
});

test('TRIM cuts what it overlaps around it, and one spanning it resumes after it', () => {
  assert.deepEqual(changes('TRIM', 20, 50), [['TRIMMED', 'a', 0, 20], ['TRIMMED', 'b', 50, 60]]);
  assert.deepEqual(changes('TRIM', 35, 45), [['TRIMMED', 'b', 30, 35], ['ADDED', 'b', 45, 60]]);
  assert.deepEqual(changes('TRIM', 30, 60), [['REMOVED', 'b', null, null]]);
});

test('PUSH moves later slots until a gap absorbs them, and the next live event stops them', () => {
  // 30 minutes pushed: the 10-minute gap takes a third of it, d is cut where the live event starts
  assert.deepEqual(changes('PUSH', 20, 50),
    [['TRIMMED', 'a', 0, 20], ['MOVED', 'b', 50, 80], ['MOVED', 'c', 80, 110], ['TRIMMED', 'd', 110, 130]]);
  // 5 minutes pushed: the gap takes all of it
  assert.deepEqual(changes('PUSH', 60, 65), [['MOVED', 'c', 65, 95]]);
  // landing in the gap moves nothing
  assert.deepEqual(changes('PUSH', 90, 100), []);
});

test('another live event in the way is refused', () => {
  assert.match(previewLive(day, 120 * MINUTE, 140 * MINUTE, 'TRIM').refused, /another live event/);
});

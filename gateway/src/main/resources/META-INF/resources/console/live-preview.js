// What inserting a live event will do to the slots around it, by the policy schedule-service documents
// for POST /channels/{id}/live, worked out before the operator confirms. schedule-service has no dry run
// of its own, so this is the console's reading of the rules; the service's own answer is shown after.
//
// PUSH moves later slots later until a gap absorbs them or the next live event stops them (what no
// longer fits before it is cut or removed); TRIM cuts overlapped slots around the event (one spanning it
// resumes after it); DROP removes them. Another live event in the way refuses the insertion.

/**
 * @param slots the channel's slots from before the event's start on, in start order (start, end in ms)
 * @returns { refused: reason } or { changes: [{ change: MOVED|TRIMMED|REMOVED|ADDED, slot, start, end }] }
 */
export function previewLive(slots, start, end, policy) {
  const overlapped = slots.filter((slot) => slot.start < end && slot.end > start);
  const live = overlapped.find((slot) => slot.kind === 'LIVE');
  if (live) {
    return { refused: `another live event is in the way: ${live.title}` };
  }
  if (policy === 'DROP') {
    return { changes: overlapped.map((slot) => ({ change: 'REMOVED', slot })) };
  }
  if (policy === 'TRIM') {
    return { changes: overlapped.flatMap((slot) => trimmed(slot, start, end)) };
  }
  return { changes: pushed(slots, start, end) };
}

function trimmed(slot, start, end) {
  if (slot.start < start && slot.end > end) {
    return [{ change: 'TRIMMED', slot, start: slot.start, end: start }, { change: 'ADDED', slot, start: end, end: slot.end }];
  }
  if (slot.start < start) {
    return [{ change: 'TRIMMED', slot, start: slot.start, end: start }];
  }
  if (slot.end > end) {
    return [{ change: 'TRIMMED', slot, start: end, end: slot.end }];
  }
  return [{ change: 'REMOVED', slot }];
}

function pushed(slots, start, end) {
  const changes = [];
  const cut = slots.find((slot) => slot.start < start && slot.end > start);
  if (cut) {
    changes.push({ change: 'TRIMMED', slot: cut, start: cut.start, end: start });
  }
  const later = slots.filter((slot) => slot.start >= start);
  const stop = later.find((slot) => slot.kind === 'LIVE')?.start ?? Infinity;
  let free = end;
  for (const slot of later) {
    if (slot.kind === 'LIVE' || slot.start >= free) {
      break; // the next live event stops the push, or a gap has absorbed it
    }
    const length = slot.end - slot.start;
    if (free >= stop) {
      changes.push({ change: 'REMOVED', slot });
    } else if (free + length > stop) {
      changes.push({ change: 'TRIMMED', slot, start: free, end: stop });
      free = stop;
    } else {
      changes.push({ change: 'MOVED', slot, start: free, end: free + length });
      free += length;
    }
  }
  return changes;
}

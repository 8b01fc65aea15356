// How much of each local day a channel's schedule covers, worked out from the gaps of the whole window, so
// that a week's figures cost one call, not one a day. A day's share is its length less the gaps within it,
// over its length: a 23- or 25-hour day is measured in its own hours.
import { addDays, daysWindow } from './time.js';

/**
 * @param gaps the uncovered intervals of a window holding the days (start and end in ms), as GET .../gaps lists them
 * @returns each of the `days` local days from `date` in the zone: { date, from, to, coverage } (coverage 0 to 1)
 */
export function coverageByDay(gaps, date, days, zone) {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(date, i);
    const { from, to } = daysWindow(day, 1, zone);
    const uncovered = gaps.reduce((sum, gap) => sum + Math.max(0, Math.min(gap.end, to) - Math.max(gap.start, from)), 0);
    return { date: day, from, to, coverage: (to - from - uncovered) / (to - from) };
  });
}

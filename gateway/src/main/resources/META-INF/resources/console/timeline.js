// A channel's window (a local day or week) drawn top to bottom in the channel's own time: an hour is
// always the same height, so a 25-hour day is taller than a 24-hour one, and a 23-hour day shorter.
// Only the slots in view (and a screen's worth either side) are in the DOM, so a week of 30-second clips
// (20,160 slots) scrolls as lightly as a day of programmes; slots too short to tell apart at the scale
// shown are drawn as one block per run of them.
import { hourMarks, localTime } from './time.js';
import { h } from './ui.js';

const MINUTE_MS = 60_000;
// a slot this short (in px) shows no text: it would not be legible
const LABELLED_HEIGHT = 16;
// slots shorter than this (in px) are drawn together, a block per run of them as high as a labelled one:
// at a week's scale a 30-second clip is a quarter of a pixel, and thousands of such blocks would be drawn
// for one screen, none of which could be seen or clicked apart
const SEPARABLE_HEIGHT = 4;

export class Timeline {
  /**
   * @param view what to draw: from, to (ms), zone, slots (in start order, start and end as ms), gaps,
   *   findings (by slot id: their reasons), now (the slot id on air), next (slot ids), partnerOf(slot)
   * @param onSelect called with the slot the user picks
   * @param onRun called with the slots of a run the user picks, to choose one of them
   */
  constructor(view, pxPerMinute, onSelect, onRun) {
    this.view = view;
    this.scale = pxPerMinute / MINUTE_MS;
    this.onSelect = onSelect;
    this.onRun = onRun;
    this.selected = null;
    this.layer = h('div', { class: 'slots' });
    this.canvas = h('div', { class: 'canvas' });
    this.element = h('div', {
      class: 'timeline', tabindex: '0', role: 'region',
      'aria-label': 'Timeline: arrow keys go from slot to slot, Enter opens one',
    }, this.canvas);
    this.element.addEventListener('scroll', () => this.schedule());
    this.element.addEventListener('keydown', (event) => this.key(event));
    this.draw();
  }

  y(instant) {
    return (instant - this.view.from) * this.scale;
  }

  /** The parts that do not depend on scrolling: hour marks, gaps and the line of now. */
  draw() {
    const { from, to, zone, gaps } = this.view;
    this.canvas.style.height = `${this.y(to)}px`;
    const marks = hourMarks(from, to, zone).map((mark) => h('div', {
      class: mark.midnight ? 'hour midnight' : 'hour', style: `top:${this.y(mark.at)}px`, 'aria-hidden': 'true',
    }, mark.label));
    const holes = gaps.map((gap) => h('div', {
      class: 'gap', style: `top:${this.y(gap.start)}px;height:${Math.max(2, this.y(gap.end) - this.y(gap.start))}px`,
      dataset: { gapStart: new Date(gap.start).toISOString() },
    }, h('span', {}, `Gap ${localTime(gap.start, zone)}–${localTime(gap.end, zone)}`)));
    const now = Date.now();
    const line = now >= from && now < to
      ? h('div', { class: 'now-line', style: `top:${this.y(now)}px` }, h('span', {}, `Now ${localTime(now, zone)}`))
      : null;
    this.canvas.replaceChildren(...marks, ...holes, this.layer, line ?? '');
    this.render();
  }

  schedule() {
    if (!this.pending) {
      this.pending = requestAnimationFrame(() => {
        this.pending = null;
        this.render();
      });
    }
  }

  /** The index of the first slot that ends after the instant (slots are in start order and never overlap). */
  firstEndingAfter(instant) {
    const { slots } = this.view;
    let low = 0;
    let high = slots.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (slots[middle].end <= instant) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Puts in the DOM the slots from a screen above the view to a screen below it, unless they are there already. */
  render(force = false) {
    const { slots, from } = this.view;
    const height = this.element.clientHeight || 600;
    const top = from + (this.element.scrollTop - height) / this.scale;
    const bottom = from + (this.element.scrollTop + 2 * height) / this.scale;
    const first = this.firstEndingAfter(top);
    let last = first;
    while (last < slots.length && slots[last].start < bottom) {
      last++;
    }
    const drawn = `${first}:${last}:${this.selected}`;
    if (!force && drawn === this.drawn) {
      return;
    }
    this.drawn = drawn;
    const blocks = [];
    for (let i = first; i < last;) {
      let end = i + 1;
      while (end < last && this.inRun(slots[i], slots[end - 1], slots[end])) {
        end++;
      }
      blocks.push(end - i === 1 ? this.block(slots[i]) : this.run(slots.slice(i, end)));
      i = end;
    }
    // the focus stays on its slot when the blocks are redrawn under it, as they are while it scrolls
    const focused = this.layer.contains(document.activeElement) ? document.activeElement.dataset.slotId : null;
    this.layer.replaceChildren(...blocks);
    if (focused) {
      this.layer.querySelector(`[data-slot-id="${focused}"]`)?.focus({ preventScroll: true });
    }
  }

  /** Whether {@code next} joins the run of short slots from {@code first} to {@code previous}. */
  inRun(first, previous, next) {
    const short = (slot) => (slot.end - slot.start) * this.scale < SEPARABLE_HEIGHT;
    return short(first) && short(next) && next.start === previous.end
      && (next.end - first.start) * this.scale <= LABELLED_HEIGHT;
  }

  /** A run of slots too short to draw apart: one block saying how many, which lists them to pick one (onRun). */
  run(slots) {
    const { zone, findings } = this.view;
    const first = slots[0];
    const last = slots[slots.length - 1];
    const top = this.y(Math.max(first.start, this.view.from));
    const height = this.y(Math.min(last.end, this.view.to)) - top;
    const times = `${localTime(first.start, zone)}–${localTime(last.end, zone)}`;
    const flagged = slots.filter((slot) => findings.has(slot.id)).length;
    const live = slots.some((slot) => slot.kind === 'LIVE');
    const classes = ['slot', 'run', live ? 'kind-live' : `kind-${first.kind.toLowerCase()}`];
    if (flagged) classes.push('has-finding');
    if (slots.some((slot) => slot.id === this.selected)) classes.push('selected');
    const shown = `${slots.length} slots ${times}`;
    const context = `, from ${first.title}${flagged ? `, ${flagged} with findings` : ''}; lists them to pick one`;
    const attributes = {
      type: 'button', class: classes.join(' '), style: `top:${top}px;height:${height}px`,
      dataset: { slotId: first.id, runOf: String(slots.length) },
      onclick: () => this.onRun(slots),
    };
    return height >= LABELLED_HEIGHT
      ? h('button', attributes, h('span', { class: 'times' }, shown), h('span', { class: 'sr-only' }, context))
      : h('button', { ...attributes, 'aria-label': shown + context });
  }

  block(slot) {
    const { zone, findings, now, next, partnerOf } = this.view;
    const top = this.y(Math.max(slot.start, this.view.from));
    const height = Math.max(1, this.y(Math.min(slot.end, this.view.to)) - top);
    const reasons = findings.get(slot.id) ?? [];
    const partner = partnerOf(slot);
    const times = `${localTime(slot.start, zone)}–${localTime(slot.end, zone)}`;
    const classes = ['slot', `kind-${slot.kind.toLowerCase()}`];
    if (reasons.length) classes.push('has-finding');
    if (slot.id === now) classes.push('on-air');
    if (next.includes(slot.id)) classes.push('up-next');
    if (slot.id === this.selected) classes.push('selected');
    const kind = slot.kind === 'LIVE' ? 'live event' : slot.kind.toLowerCase();
    const context = [kind, slot.id === now ? 'on air now' : '', next.includes(slot.id) ? 'up next' : ''].filter(Boolean);
    const attributes = {
      type: 'button', class: classes.join(' '), style: `top:${top}px;height:${height}px`,
      dataset: { slotId: slot.id }, 'aria-pressed': slot.id === this.selected ? 'true' : 'false',
      onclick: () => this.select(slot.id),
    };
    if (height < LABELLED_HEIGHT) {
      // too short for text: the name is all said in the label
      const label = [slot.title, partner, times, ...context, ...reasons.map((reason) => `finding: ${reason}`)];
      return h('button', { ...attributes, 'aria-label': label.filter(Boolean).join(', ') });
    }
    // the visible text is the name (what a speech user says is what is shown), with the rest for screen readers
    return h('button', attributes,
      h('span', { class: 'times' }, times),
      slot.kind === 'LIVE' ? h('span', { class: 'badge live' }, 'LIVE') : null,
      reasons.length ? h('span', { class: 'badge finding' }, '⚠ ', reasons.join(', ')) : null,
      slot.id === now ? h('span', { class: 'badge on-air' }, 'ON AIR') : null,
      h('span', { class: 'title' }, slot.title),
      partner ? h('span', { class: 'partner' }, partner) : null,
      h('span', { class: 'sr-only' }, `, ${context.join(', ')}`));
  }

  /** Selects a slot, scrolls it into view and gives it the focus. */
  select(slotId, focus = true) {
    this.selected = slotId;
    const slot = this.view.slots.find((s) => s.id === slotId);
    if (!slot) {
      return;
    }
    const y = this.y(slot.start);
    if (y < this.element.scrollTop || y > this.element.scrollTop + this.element.clientHeight - 20) {
      this.element.scrollTop = Math.max(0, y - this.element.clientHeight / 3);
    }
    this.render();
    if (focus) {
      this.layer.querySelector(`[data-slot-id="${slotId}"]`)?.focus();
    }
    this.onSelect(slot);
  }

  /** Scrolls to an instant, e.g. a finding's, and selects the slot there if there is one. */
  reveal(instant) {
    const slot = this.view.slots[this.firstEndingAfter(instant)];
    if (slot && slot.start <= instant) {
      this.select(slot.id);
    } else {
      this.element.scrollTop = Math.max(0, this.y(instant) - this.element.clientHeight / 3);
      this.render();
    }
  }

  key(event) {
    const { slots } = this.view;
    if (!slots.length || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
      return;
    }
    event.preventDefault();
    const current = slots.findIndex((s) => s.id === this.selected);
    const visible = this.firstEndingAfter(this.view.from + this.element.scrollTop / this.scale);
    let index;
    if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = slots.length - 1;
    else if (current < 0) index = Math.min(visible, slots.length - 1);
    else index = Math.max(0, Math.min(slots.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    this.select(slots[index].id);
  }
}

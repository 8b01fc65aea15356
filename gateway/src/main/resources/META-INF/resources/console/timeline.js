// A channel's window (a local day or week) drawn top to bottom in the channel's own time: an hour is
// always the same height, so a 25-hour day is taller than a 24-hour one, and a 23-hour day shorter.
// Only the slots in view (and a screen's worth either side) are in the DOM, so a week of 30-second clips
// (20,160 slots) scrolls as lightly as a day of programmes.
import { hourMarks, localTime } from './time.js';
import { h } from './ui.js';

const MINUTE_MS = 60_000;
// a slot this short (in px) shows no text: it would not be legible
const LABELLED_HEIGHT = 16;

export class Timeline {
  /**
   * @param view what to draw: from, to (ms), zone, slots (in start order, start and end as ms), gaps,
   *   findings (by slot id: their reasons), now (the slot id on air), next (slot ids), partnerOf(slot)
   * @param onSelect called with the slot the user picks
   */
  constructor(view, pxPerMinute, onSelect) {
    this.view = view;
    this.scale = pxPerMinute / MINUTE_MS;
    this.onSelect = onSelect;
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

  render() {
    const { slots, from } = this.view;
    const height = this.element.clientHeight || 600;
    const top = from + (this.element.scrollTop - height) / this.scale;
    const bottom = from + (this.element.scrollTop + 2 * height) / this.scale;
    const blocks = [];
    for (let i = this.firstEndingAfter(top); i < slots.length && slots[i].start < bottom; i++) {
      blocks.push(this.block(slots[i]));
    }
    this.layer.replaceChildren(...blocks);
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
    const label = [slot.title, partner, slot.kind === 'LIVE' ? 'live event' : slot.kind.toLowerCase(), times,
      slot.id === now ? 'on air now' : '', next.includes(slot.id) ? 'up next' : '',
      ...reasons.map((reason) => `finding: ${reason}`)].filter(Boolean).join(', ');
    return h('button', {
      type: 'button', class: classes.join(' '), style: `top:${top}px;height:${height}px`,
      dataset: { slotId: slot.id }, 'aria-label': label, 'aria-pressed': slot.id === this.selected ? 'true' : 'false',
      onclick: () => this.select(slot.id),
    }, height >= LABELLED_HEIGHT ? [
      h('span', { class: 'times' }, times),
      slot.kind === 'LIVE' ? h('span', { class: 'badge live' }, 'LIVE') : null,
      reasons.length ? h('span', { class: 'badge finding' }, '⚠ ', reasons.join(', ')) : null,
      slot.id === now ? h('span', { class: 'badge on-air' }, 'ON AIR') : null,
      h('span', { class: 'title' }, slot.title),
      partner ? h('span', { class: 'partner' }, partner) : null,
    ] : null);
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

  /** Redraws after the view's data changed (e.g. partner names came in). */
  refresh() {
    this.render();
  }
}

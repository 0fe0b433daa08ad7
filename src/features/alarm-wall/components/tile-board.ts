// The tiles' cards, written directly. React renders each tile's card once, as
// a fixed template (alarm-tiles.tsx); an arriving alarm is written into its
// tile here, in the socket's message task: its pictures, words, classes and
// labels set on the elements already there, no render, no reconciliation.
// That is the floor page's path (one <img> swapped in place) with a card
// around it (docs/fleet.md, fifth pass). The words are the flow's card's
// (lib/card-view.ts; those every card has are React's, in the template).
// A write is skipped when the element already says it, so writing every
// tile again (a new language, an acknowledgement) touches only what changed.
import { holdPictureSrc, type LiveAlarm } from '../../../live';
import { cardView, type CardContext } from '../lib/card-view';
import { ageText } from '../lib/device-time';
import { probeEnabled, probeMounted } from '../lib/wall-probe';

/** The template's parts, by their data-part. */
const TILE_PARTS = [
  'card',
  'pics',
  'sim',
  'name',
  'warn',
  'tag',
  'tagText',
  'line1',
  'lib',
  'attrs',
  'line2',
  'node',
  'camera',
  'time',
  'ago',
  'recovered',
  'acked',
  'ack',
] as const;
type Part = (typeof TILE_PARTS)[number];

export interface TileContext extends Omit<CardContext, 'strangerAlert' | 'where'> {
  strangerAlert(a: LiveAlarm): boolean;
  where(a: LiveAlarm): string | null;
}

/**
 * The element's one text node changed in place: replacing it (textContent)
 * would insert a node, and every insertion sends the style engine to check
 * the page's :has() rules from <body> down.
 */
function text(el: HTMLElement, s: string): void {
  const node = el.firstChild;
  if (node instanceof Text && node.nextSibling === null) {
    if (node.data !== s) node.data = s;
  } else {
    el.replaceChildren(document.createTextNode(s));
  }
}
function attr(el: HTMLElement, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
function hide(el: HTMLElement, hidden: boolean): void {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/**
 * A touch on a tile this soon after its alarm was replaced meant the one
 * before: nothing holds a tile before a finger lands on it (a pointer
 * resting on a tile holds it), and a person needs about this long to see a
 * card and reach for it.
 */
const REACH_MS = 400;

/**
 * A picture of the card, made here rather than by React: React listens for
 * load and error on every <img> it makes, a dispatch for each of the two
 * pictures of every alarm.
 */
function picture(): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'wall-card__pic';
  img.decoding = 'async';
  img.width = 112;
  img.height = 112;
  img.alt = '';
  return img;
}

class Tile {
  readonly parts: Record<Part, HTMLElement>;
  private readonly capture = picture();
  private readonly photo = picture();
  alarm: LiveAlarm | null = null;
  /** The alarm shown before, and until when a touch means it (performance.now()). */
  previous: { key: string; until: number } | null = null;
  private releases: (() => void)[] = [];

  constructor(readonly root: HTMLElement) {
    const parts = {} as Record<Part, HTMLElement>;
    for (const p of TILE_PARTS) parts[p] = root.querySelector<HTMLElement>(`[data-part="${p}"]`)!;
    this.parts = parts;
    this.photo.hidden = true;
    parts.pics.prepend(this.capture, this.photo);
  }

  /** Writes the alarm (or empties the tile); pictures only when the alarm changed. */
  show(a: LiveAlarm | null, c: TileContext, now: number): void {
    const p = this.parts;
    const changed = a !== this.alarm && a?.key !== this.alarm?.key;
    if (changed) this.previous = this.alarm ? { key: this.alarm.key, until: performance.now() + REACH_MS } : null;
    this.alarm = a;
    hide(this.root, a === null);
    if (!a) {
      this.setPictures(null);
      return;
    }
    const v = cardView(a, { ...c, strangerAlert: c.strangerAlert(a), where: c.where(a) });
    attr(p.card, 'class', v.className);
    attr(p.card, 'aria-label', v.label);
    p.card.dataset.snapId = a.key;
    if (changed) this.setPictures(a);
    attr(this.capture, 'alt', c.t('card.capture'));
    hide(this.photo, v.match === null);
    hide(p.sim, v.match === null);
    if (v.match) {
      attr(this.photo, 'alt', v.match.photoAlt);
      text(p.sim, v.match.similarity);
    }
    text(p.name, v.title);
    attr(p.name, 'title', v.title);
    attr(p.tag, 'class', v.tag.className);
    hide(p.warn, !v.tag.warning);
    text(p.tagText, v.tag.text);
    attr(p.line1, 'title', v.attrs);
    hide(p.lib, !v.libName);
    text(p.lib, v.libName);
    text(p.attrs, v.libName && v.attrs ? ` · ${v.attrs}` : v.attrs);
    attr(p.line2, 'title', v.placeTitle);
    hide(p.node, v.where === null);
    text(p.node, v.where === null ? '' : `${v.where} · `);
    text(p.camera, v.camera);
    attr(p.time, 'datetime', v.dateTime);
    text(p.time, v.time);
    this.tick(c, now);
    hide(p.recovered, !v.backfilled);
    hide(p.acked, !v.acked);
    hide(p.ack, v.acked);
    attr(p.ack, 'class', v.urgent ? 'wall-ack wall-ack--urgent' : 'wall-ack');
    attr(p.ack, 'aria-label', v.ackLabel);
  }

  /** "12 seconds ago", from the shared ticker's time. */
  tick(c: TileContext, now: number): void {
    if (this.alarm) text(this.parts.ago, ageText(Math.max(0, Math.floor((now - this.alarm.at) / 1000)), c.lang, c.t('time.justNow')));
  }

  tabStop(on: boolean): void {
    const index = on ? '0' : '-1';
    attr(this.parts.card, 'tabindex', index);
    attr(this.parts.ack, 'tabindex', index);
  }

  private setPictures(a: LiveAlarm | null): void {
    for (const release of this.releases) release();
    this.releases = [];
    const { capture, photo } = this;
    const match = a?.kind === 'face' ? a.match : null;
    const snap = holdPictureSrc(a?.snap);
    const lib = holdPictureSrc(match?.photo);
    this.releases.push(snap.release, lib.release);
    attr(capture, 'src', snap.src ?? null);
    attr(photo, 'src', lib.src ?? null);
    // The bench's probe: painted in the frame after the capture decodes.
    if (a && probeEnabled) probeMounted(a.key, capture);
  }

  /** The template let go (unmounted, or detached and attached again by StrictMode): its pictures go with this Tile. */
  dispose(): void {
    this.setPictures(null);
    this.capture.remove();
    this.photo.remove();
  }
}

/** The tiles' elements, by slot; what each shows, and the context it was written in. */
export class TileBoard {
  private tiles: (Tile | undefined)[] = [];
  private context: TileContext | null = null;
  private tabStopAt = -1;

  constructor(private readonly now: () => number) {}

  /** A slot's template mounted (its `.wall-tile`) or unmounted (null). */
  attach(i: number, el: HTMLElement | null): void {
    this.tiles[i]?.dispose();
    this.tiles[i] = el ? new Tile(el) : undefined;
    if (el) this.tabStopAt = -1;
  }

  /** Writes the slots whose alarm changed since the last call. */
  sync(slots: readonly (LiveAlarm | null)[], tabStop: number): void {
    const c = this.context;
    if (!c) return;
    const now = this.now();
    for (let i = 0; i < this.tiles.length; i++) {
      const tile = this.tiles[i];
      const a = slots[i] ?? null;
      if (tile && tile.alarm !== a) tile.show(a, c, now);
    }
    this.setTabStop(tabStop);
  }

  /** A new context (language, date, node names, filters): every tile written again, only what differs changes. */
  repaint(context: TileContext): void {
    this.context = context;
    const now = this.now();
    for (const tile of this.tiles) if (tile?.alarm) tile.show(tile.alarm, context, now);
  }

  /** The alarm a press on tile `i` at `at` (performance.now()) meant: the one before, if it was replaced just now. */
  intended(i: number, at: number): string | undefined {
    const tile = this.tiles[i];
    if (!tile?.alarm) return undefined;
    return tile.previous && at < tile.previous.until ? tile.previous.key : tile.alarm.key;
  }

  tick(): void {
    const c = this.context;
    if (!c) return;
    const now = this.now();
    for (const tile of this.tiles) tile?.tick(c, now);
  }

  setTabStop(i: number): void {
    if (i === this.tabStopAt) return;
    this.tabStopAt = i;
    this.tiles.forEach((tile, j) => tile?.tabStop(j === i));
  }
}

// The wall's grid: how many columns fit, which rows are on screen (only those
// are in the DOM), and where the arrow keys go. Pure, so it is tested alone.

export interface GridMetrics {
  readonly minCardWidth: number;
  readonly cardHeight: number;
  readonly gap: number;
}

/** The normal page: ~4 columns at 1440 px, 3 at a 1024 px tablet. */
export const NORMAL: GridMetrics = { minCardWidth: 260, cardHeight: 262, gap: 12 };
/**
 * Kiosk: big cards for a wall monitor seen from across the room, but small
 * enough that a 1024×768 screen holds six (3 × 2) and a 1920×1080 one fifteen;
 * rows are stretched to the height, and the pictures grow with the card.
 * 274: the smallest card that holds its words and buttons (~153 px at the
 * kiosk's sizes) under a 92 px picture, padding included (wall.css `--pic`),
 * so a 1280×720 screen still has two rows; at 260 the rows were shorter than
 * the cards and each card's Acknowledge was cut.
 */
export const KIOSK: GridMetrics = { minCardWidth: 320, cardHeight: 274, gap: 16 };
/** The tile layout on the normal page: a little narrower than a flow card, so a 1024 px screen holds three across. */
export const TILES: GridMetrics = { minCardWidth: 240, cardHeight: 262, gap: 12 };

export interface Viewport {
  readonly width: number;
  readonly height: number;
  readonly scrollTop: number;
}

export interface GridWindow {
  readonly cols: number;
  /** Height of a row including the gap. */
  readonly rowHeight: number;
  readonly cardHeight: number;
  readonly totalRows: number;
  /** Rows that fit wholly on screen. */
  readonly pageRows: number;
  /** Item range in the DOM: [first, end). */
  readonly first: number;
  readonly end: number;
  /** Offset of the first rendered row. */
  readonly offsetTop: number;
  readonly totalHeight: number;
}

export function columns(width: number, m: GridMetrics): number {
  return Math.max(1, Math.floor((width + m.gap) / (m.minCardWidth + m.gap)));
}

/** Scrolling grid: the visible rows and one more above and below. */
export function scrollWindow(count: number, vp: Viewport, m: GridMetrics, overscan = 1): GridWindow {
  const cols = columns(vp.width, m);
  const rowHeight = m.cardHeight + m.gap;
  const totalRows = Math.ceil(count / cols);
  const pageRows = Math.max(1, Math.floor((vp.height + m.gap) / rowHeight));
  const firstRow = Math.max(0, Math.floor(vp.scrollTop / rowHeight) - overscan);
  const lastRow = Math.min(totalRows, Math.ceil((vp.scrollTop + vp.height) / rowHeight) + overscan);
  return {
    cols,
    rowHeight,
    cardHeight: m.cardHeight,
    totalRows,
    pageRows,
    first: Math.min(count, firstRow * cols),
    end: Math.min(count, Math.max(firstRow, lastRow) * cols),
    offsetTop: firstRow * rowHeight,
    totalHeight: Math.max(0, totalRows * rowHeight - m.gap),
  };
}

/**
 * Kiosk: no scrolling, the grid fills the screen. As many whole rows as fit,
 * stretched to use the height left over; only those cards are rendered.
 */
export function fitWindow(count: number, vp: Pick<Viewport, 'width' | 'height'>, m: GridMetrics): GridWindow {
  const cols = columns(vp.width, m);
  const rows = Math.max(1, Math.floor((vp.height + m.gap) / (m.cardHeight + m.gap)));
  const cardHeight = Math.max(m.cardHeight, Math.floor((vp.height - (rows - 1) * m.gap) / rows));
  const rowHeight = cardHeight + m.gap;
  return {
    cols,
    rowHeight,
    cardHeight,
    totalRows: rows,
    pageRows: rows,
    first: 0,
    end: Math.min(count, rows * cols),
    offsetTop: 0,
    totalHeight: rows * rowHeight - m.gap,
  };
}

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(key);
}

/** Where a key moves the selection in a grid of `count` items; -1 when empty. Stays put at the edges. */
export function moveIndex(key: NavKey, index: number, cols: number, count: number, pageRows: number): number {
  if (count === 0) return -1;
  if (index < 0) return 0;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : index;
    case 'ArrowDown':
      return index + cols < count ? index + cols : index;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageUp':
      return clamp(index - cols * Math.max(1, pageRows));
    case 'PageDown':
      return clamp(index + cols * Math.max(1, pageRows));
  }
}

/** The scrollTop that brings row `row` into view (unchanged when it is). */
export function scrollToRow(row: number, vp: Pick<Viewport, 'height' | 'scrollTop'>, rowHeight: number, cardHeight: number): number {
  const top = row * rowHeight;
  if (top < vp.scrollTop) return top;
  if (top + cardHeight > vp.scrollTop + vp.height) return Math.max(0, top + cardHeight - vp.height);
  return vp.scrollTop;
}

/** The selector of a card by its snap_id (quoted: ids are device strings). */
export function cardSelector(snapId: string): string {
  return `[data-snap-id="${snapId.replace(/["\\]/g, '\\$&')}"]`;
}

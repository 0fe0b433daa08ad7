// How a wide table behaves on a narrow screen, the same everywhere: columns of
// less weight go below a breakpoint (antd's `responsive`), the table scrolls
// sideways only when what is left still does not fit, its horizontal
// scrollbar sticks to the bottom of the window (not under its last row), and
// the row actions are a column fixed at the right edge, always in reach.
import type { TableProps } from 'antd';

/** Spread into a <Table>: scroll only when needed, sticky header and scrollbar. */
export const FIT_TABLE = {
  scroll: { x: 'max-content' },
  sticky: true,
} as const satisfies Pick<TableProps<object>, 'scroll' | 'sticky'>;

/** A column shown from antd's xl (1200 px) up: extra detail a tablet goes without. */
export const WIDE_ONLY = ['xl'] as const;
/** Shown from lg (992 px) up. */
export const LANDSCAPE_UP = ['lg'] as const;

// How a wide table behaves on a narrow screen, the same everywhere: columns of
// less weight go below a breakpoint (antd's `responsive`), the table scrolls
// sideways only when what is left still does not fit, its horizontal
// scrollbar sticks to the bottom of the window (not under its last row), and
// the row actions are a column fixed at the right edge, always in reach.
import type { TableProps } from 'antd';
import { createElement, type ComponentPropsWithoutRef } from 'react';

/**
 * The <table> inside its scroll box. A box that scrolls sideways must be
 * reachable by keyboard (axe: scrollable-region-focusable): a table of only
 * text, like the import report, has nothing else to focus. The header's own
 * table (sticky mode) is left alone.
 */
function ScrollableTable(props: ComponentPropsWithoutRef<'table'>) {
  return createElement('table', {
    ...props,
    ref: (el: HTMLTableElement | null) => {
      const box = el?.parentElement;
      if (box && (box.classList.contains('ant-table-body') || box.classList.contains('ant-table-content'))) box.tabIndex = 0;
    },
  });
}

/** Spread into a <Table>: scroll only when needed, sticky header and scrollbar. */
export const FIT_TABLE = {
  scroll: { x: 'max-content' },
  sticky: true,
  components: { table: ScrollableTable },
} as const satisfies Pick<TableProps<object>, 'scroll' | 'sticky' | 'components'>;

/** A column shown from antd's xl (1200 px) up: extra detail a tablet goes without. */
export const WIDE_ONLY = ['xl'] as const;
/** Shown from lg (992 px) up. */
export const LANDSCAPE_UP = ['lg'] as const;

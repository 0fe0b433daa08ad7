/** Solid list-type tags (§3.2: 1 blacklist, 2 whitelist): antd's light green preset is 3.4:1. */
export const LIST_TAG_COLOURS = { 1: '#cf1322', 2: '#237804' } as const;

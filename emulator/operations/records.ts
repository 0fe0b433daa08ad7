import type { Handler } from './handler';

export const recordsHandlers: Handler[] = [];

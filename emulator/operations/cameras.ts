import type { Handler } from './handler';

export const camerasHandlers: Handler[] = [];

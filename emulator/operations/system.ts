import type { Handler } from './handler';

export const systemHandlers: Handler[] = [];

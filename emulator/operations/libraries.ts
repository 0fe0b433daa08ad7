import type { Handler } from './handler';

export const librariesHandlers: Handler[] = [];

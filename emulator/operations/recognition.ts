import type { Handler } from './handler';

export const recognitionHandlers: Handler[] = [];

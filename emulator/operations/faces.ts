import type { Handler } from './handler';

export const facesHandlers: Handler[] = [];

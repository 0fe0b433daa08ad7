import crypto from 'node:crypto';
import { QUERY_DEFAULT } from '../../src/api/protocol/limits';

/** §1: start_no is 1-based, qry_len defaults to 10. */
export function pageArgs(req: { start_no?: number; qry_len?: number }): { offset: number; limit: number } {
  return { offset: (req.start_no ?? 1) - 1, limit: req.qry_len ?? QUERY_DEFAULT };
}

/** "a, b,c" → ['a','b','c'] (the schema has already checked the count). */
export function splitIds(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const newId = (): string => crypto.randomUUID();

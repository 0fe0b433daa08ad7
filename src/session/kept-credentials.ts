// "Keep this screen logged in" for an unattended wall display: the user name
// and password are held in this module's memory, for this tab only, and never
// written to any storage. A reload or a closed tab forgets them (the trade-off
// README states: anyone at the screen can use the console while it is kept).
//
// Fleet mode: kept per node (the merged wall keeps every chosen node signed
// in); what is kept without a node (single-node mode's form) serves any node
// that has none of its own.
import type { Credentials } from './session-api';

/** null for a node: its own were refused, the shared ones are not tried there either. */
const kept = new Map<string, Credentials | null>();
const ANY = '';

export function keepCredentials(c: Credentials | null, node?: string): void {
  if (node === undefined) {
    // A new choice for every node: what nodes kept on their own goes with it.
    kept.clear();
    if (c) kept.set(ANY, c);
    return;
  }
  kept.set(node, c);
}

export function keptCredentials(node?: string): Credentials | null {
  if (node !== undefined && kept.has(node)) return kept.get(node) ?? null;
  return kept.get(ANY) ?? null;
}

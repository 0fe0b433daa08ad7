// "Keep this screen logged in" for an unattended wall display: the user name
// and password are held in this module's memory, for this tab only, and never
// written to any storage. A reload or a closed tab forgets them (the trade-off
// README states: anyone at the screen can use the console while it is kept).
import type { Credentials } from './session-api';

let kept: Credentials | null = null;

export function keepCredentials(c: Credentials | null): void {
  kept = c;
}

export function keptCredentials(): Credentials | null {
  return kept;
}

// The device protocol, typed once: every operation of the reference (sections
// 2-10), used by the console's client and by the emulator alike.
import * as cameras from './cameras';
import * as faces from './faces';
import * as https from './https';
import * as libraries from './libraries';
import * as push from './push';
import * as recognition from './recognition';
import * as records from './records';
import * as session from './session';
import * as system from './system';
import type { Operation } from './operation';

export * from './operation';
export * from './cameras';
export * from './faces';
export * from './https';
export * from './libraries';
export * from './push';
export * from './recognition';
export * from './records';
export * from './session';
export * from './system';
export * from './attributes';
export * from './limits';
export * from './errors';
export * from './device-time';
export * from './body-limits';
export * from './text';
export * from './files';

function operationsOf(mod: Record<string, unknown>): Operation[] {
  return Object.values(mod).filter((v): v is Operation => typeof v === 'object' && v !== null && 'msgId' in v && 'request' in v);
}

/** Every JSON and form operation, in the reference's order. */
export const OPERATIONS: readonly Operation[] = [
  ...operationsOf(session),
  ...operationsOf(libraries),
  ...operationsOf(faces),
  ...operationsOf(records),
  ...operationsOf(recognition),
  ...operationsOf(cameras),
  ...operationsOf(system),
  ...operationsOf(push),
  ...operationsOf(https),
];

export const OPERATION_BY_MSG_ID: ReadonlyMap<string, Operation> = new Map(OPERATIONS.map((op) => [op.msgId, op]));

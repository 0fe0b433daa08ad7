import { errorText } from './protocol/errors';

/** The device answered with a non-zero code (Appendix A). */
export class DeviceError extends Error {
  readonly kind = 'device' as const;
  constructor(
    readonly code: number,
    readonly deviceMsg: string,
    readonly operation: string,
  ) {
    super(`${operation}: ${code} ${errorText(code).en}`);
    this.name = 'DeviceError';
  }
}

/** The device could not be reached: network down, proxy refusing, device restarting. */
export class NetworkError extends Error {
  readonly kind = 'network' as const;
  constructor(
    readonly operation: string,
    readonly status?: number,
    options?: { cause?: unknown; node?: string },
  ) {
    super(`${operation}: device unreachable${status ? ` (HTTP ${status})` : ''}`, options);
    this.name = 'NetworkError';
    this.node = options?.node;
  }
  /** The fleet's node that could not be reached (by id); unset with one node. */
  readonly node?: string;
}

/** The device answered something that is not the documented shape. */
export class ProtocolError extends Error {
  readonly kind = 'protocol' as const;
  constructor(
    readonly operation: string,
    readonly detail: string,
  ) {
    super(`${operation}: unexpected answer: ${detail}`);
    this.name = 'ProtocolError';
  }
}

/** Our own check refused the request before sending it (a form let something through). */
export class RequestError extends Error {
  readonly kind = 'request' as const;
  constructor(
    readonly operation: string,
    readonly detail: string,
  ) {
    super(`${operation}: not sent: ${detail}`);
    this.name = 'RequestError';
  }
}

import type { z } from 'zod';
import type { FileSpec, FormFields, Operation } from '../../src/api/protocol/operation';
import type { EmulatorContext } from '../context';

/** A file part as the emulator receives it. */
export interface ReceivedFile {
  filename: string;
  /** The bytes; for a large file kept on disk (body.ts), read when asked. */
  readonly data: Buffer;
  /** The size in bytes, known without reading `data`. */
  size?: number;
}

/** A file's size without reading a disk-kept one into memory. */
export const sizeOf = (f: ReceivedFile): number => f.size ?? f.data.length;

export type FilesReceived<F> = F extends FileSpec ? { [K in keyof F]: F[K] extends 'many' ? ReceivedFile[] : ReceivedFile } : unknown;

export type HandlerRequest<Op extends Operation> = Op['files'] extends FileSpec
  ? FormFields<z.output<Op['request']>> & FilesReceived<Op['files']>
  : z.output<Op['request']>;
export type HandlerAnswer<Op extends Operation> = z.input<Op['answer']>;

export interface Handler<Op extends Operation = Operation> {
  op: Op;
  run(req: HandlerRequest<Op>, ctx: EmulatorContext, session: string | null): Promise<HandlerAnswer<Op>> | HandlerAnswer<Op>;
}

/** Binds a handler to its operation; the request arrives parsed by the operation's schema. */
export function handle<Op extends Operation>(op: Op, run: Handler<Op>['run']): Handler {
  return { op, run } as unknown as Handler;
}

/** Thrown by a handler to answer a non-zero code (Appendix A). */
export class Refusal extends Error {
  constructor(
    readonly code: number,
    detail = '',
  ) {
    super(`refused ${code}${detail ? `: ${detail}` : ''}`);
  }
}

import type { z } from 'zod';
import { isCleanRequest } from './text';

/**
 * How an operation travels: JSON to /api/json, multipart to /api/form.
 * `files` names the file parts of a form operation: 'one' a single file under
 * that name, 'many' the numbered parts img_1, img_2 … of §3.19 (the key is the
 * prefix, e.g. 'img_').
 */
export type FileSpec = Readonly<Record<string, 'one' | 'many'>>;

export interface Operation<
  Name extends string = string,
  Req extends z.ZodType = z.ZodType,
  Ans extends z.ZodType = z.ZodType,
  Files extends FileSpec | undefined = FileSpec | undefined,
> {
  readonly name: Name;
  /** Always a string on the wire ("257"). */
  readonly msgId: string;
  readonly via: 'json' | 'form';
  /** The reference's section, for readers. */
  readonly section: string;
  /** Text fields (JSON body, or the form's non-file fields), without msg_id. */
  readonly request: Req;
  /** The envelope's `data`. */
  readonly answer: Ans;
  readonly files: Files;
  /** Sessionless operations: login only. */
  readonly public?: boolean;
}

export function operation<
  Name extends string,
  Req extends z.ZodType,
  Ans extends z.ZodType,
  Files extends FileSpec | undefined = undefined,
>(def: {
  name: Name;
  msgId: string;
  via: 'json' | 'form';
  section: string;
  request: Req;
  answer: Ans;
  files?: Files;
  public?: boolean;
}): Operation<Name, Req, Ans, Files> {
  // Every request, whatever its fields: clean text, bounded strings and nesting (text.ts).
  const request = def.request.refine(isCleanRequest, 'clean text, at most TEXT_MAX characters a string') as unknown as Req;
  return { ...def, request, files: def.files as Files };
}

/** A file as the client sends it: a Blob (its name from File.name when it is a File). */
export type UploadPart = Blob;

/** The files a caller passes for a form operation. */
export type FilesIn<F> = F extends FileSpec ? { [K in keyof F]: F[K] extends 'many' ? UploadPart[] : UploadPart } : unknown;

/**
 * A form's text fields beside its files. z.object({}) reads as Record<string, never>,
 * which no file part could join (1292 upgrade sends nothing but its file), so an
 * empty field set contributes nothing.
 */
export type FormFields<T> = [T] extends [Record<string, never>] ? unknown : T;

/** What a caller passes: the request's input type plus the files. */
export type RequestOf<Op> =
  Op extends Operation<string, infer Req, z.ZodType, infer F>
    ? F extends FileSpec
      ? FormFields<z.input<Req>> & FilesIn<F>
      : z.input<Req>
    : never;
/** What a caller gets back: the answer's parsed type. */
export type AnswerOf<Op> = Op extends Operation<string, z.ZodType, infer Ans> ? z.output<Ans> : never;

/** The envelope of every answer (§1). */
export interface Envelope<T = unknown> {
  code: number;
  data: T;
  msg: string;
}

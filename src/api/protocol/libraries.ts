import { z } from 'zod';
import { empty, int, label, libType, page, qryLen, startNo, text } from './schema';
import { LIB_NAME_MAX } from './limits';
import { operation } from './operation';

export const library = () =>
  z.object({
    create_time: z.string(),
    lib_id: z.number().int(),
    lib_name: z.string(),
    lib_type: z.number().int(),
    picture_no: z.number().int(),
    update_time: z.string(),
  });
export type Library = z.infer<ReturnType<typeof library>>;

/** The reference gives no length; limits.ts's LIB_NAME_MAX is ours (-3596 past it), and not only spaces. */
const libName = () => label(LIB_NAME_MAX);

export const listLibraries = operation({
  name: 'library.list',
  msgId: '1028',
  via: 'json',
  section: '3.1',
  request: z.object({}),
  answer: z.array(library()),
});

export const createLibrary = operation({
  name: 'library.create',
  msgId: '1025',
  via: 'json',
  section: '3.2',
  request: z.object({ lib_name: libName(), lib_type: libType() }),
  answer: z.object({ lib_id: z.number().int(), lib_name: z.string() }),
});

export const deleteLibrary = operation({
  name: 'library.delete',
  msgId: '1026',
  via: 'json',
  section: '3.3',
  request: z.object({ lib_id: int() }),
  answer: empty(),
});

export const updateLibrary = operation({
  name: 'library.update',
  msgId: '1027',
  via: 'json',
  section: '3.4',
  request: z.object({ lib_id: int(), lib_name: libName(), lib_type: libType() }),
  answer: z.object({ lib_id: z.number().int(), lib_name: z.string() }),
});

/** §3.5: ordered by creation time. */
export const queryLibraries = operation({
  name: 'library.query',
  msgId: '1034',
  via: 'json',
  section: '3.5',
  request: z.object({
    start_no: startNo(),
    qry_len: qryLen(),
    lib_id: int().optional(),
    lib_name: text(LIB_NAME_MAX).optional(),
    lib_type: libType().optional(),
  }),
  answer: page(library()),
});

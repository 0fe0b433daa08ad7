import { z } from 'zod';
import { empty } from './schema';
import { operation } from './operation';

const fileType = () => z.union([z.literal('crt'), z.literal('key')]);

/** §8.1: one file at a time, crt or key; -3616 in https mode. */
export const uploadHttpsFile = operation({
  name: 'https.upload',
  msgId: '1302',
  via: 'form',
  section: '8.1',
  request: z.object({ file_type: fileType() }),
  files: { file: 'one' } as const,
  answer: empty(),
});

/** §8.2: -2617 in https mode. */
export const deleteHttpsFile = operation({
  name: 'https.delete',
  msgId: '1303',
  via: 'json',
  section: '8.2',
  request: z.object({ file_type: fileType() }),
  answer: empty(),
});

/** §8.3: the names of the stored files; "" where none is stored (our reading). */
export const getHttpsFiles = operation({
  name: 'https.files',
  msgId: '1304',
  via: 'json',
  section: '8.3',
  request: z.object({}),
  answer: z.object({ https_cert: z.string(), https_key: z.string() }),
});

/** §8.4: the device restarts after answering; -3607 already in that mode, -3625 no crt or key. */
export const switchProtocol = operation({
  name: 'https.switch',
  msgId: '1305',
  via: 'json',
  section: '8.4',
  request: z.object({ prot_mode: z.union([z.literal('http'), z.literal('https')]) }),
  answer: empty(),
});

export const getProtocol = operation({
  name: 'https.mode',
  msgId: '1306',
  via: 'json',
  section: '8.5',
  request: z.object({}),
  answer: z.object({ https_stat: z.string() }),
});

import type { Handler } from './handler';
import { camerasHandlers } from './cameras';
import { facesHandlers } from './faces';
import { librariesHandlers } from './libraries';
import { recognitionHandlers } from './recognition';
import { recordsHandlers } from './records';
import { relaysHandlers } from './relays';
import { sessionHandlers } from './session';
import { systemHandlers } from './system';

const ALL: Handler[] = [
  ...sessionHandlers,
  ...librariesHandlers,
  ...facesHandlers,
  ...recordsHandlers,
  ...recognitionHandlers,
  ...camerasHandlers,
  ...relaysHandlers,
  ...systemHandlers,
];

export const HANDLERS: ReadonlyMap<string, Handler> = new Map(ALL.map((h) => [h.op.msgId, h]));

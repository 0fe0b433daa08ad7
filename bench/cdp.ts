// A bare Chromium driven over the DevTools pipe, for benchmarks that move a
// lot of data through the page. Playwright enables the Network domain on every
// page and worker, so each WebSocket frame (~250 KB for a capture with its
// scene) is copied to it as an event: at 200 alarms a second that took a third
// of a core in the browser process and half of one in Node, none of which a
// real supervisor's browser spends. Here only what the bench asks is enabled.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS } from '../scripts/chromium';

type Params = Record<string, unknown>;
interface Message {
  id?: number;
  method?: string;
  params?: Params;
  result?: Params;
  error?: { message: string };
  sessionId?: string;
}

export interface CdpPage {
  send<T = Params>(method: string, params?: Params): Promise<T>;
  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy. */
  waitFor(expression: string, what: string, timeoutMs?: number): Promise<void>;
  /** Focuses the element `selector` and types `text` as a user would (input events). */
  type(selector: string, text: string): Promise<void>;
  url(): Promise<string>;
  /** Uncaught errors in the page. */
  readonly errors: string[];
}

export interface CdpBrowser {
  /** The browser process (its renderers are its descendants): for CPU figures. */
  readonly pid: number | undefined;
  /** A new tab with a size, scripts to run before the page's own, navigated to `url`. */
  newPage(url: string, opts: { width: number; height: number; initScript?: string }): Promise<CdpPage>;
  /** Browser-wide commands (Tracing, IO). */
  send<T = Params>(method: string, params?: Params): Promise<T>;
  on(method: string, listener: (params: Params) => void): void;
  close(): Promise<void>;
}

/** `args`: more command-line switches, e.g. --ignore-certificate-errors for a bench's throwaway certificate. */
export async function launchCdp(executablePath: string, args: readonly string[] = []): Promise<CdpBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-bench-chromium-'));
  const child: ChildProcess = spawn(
    executablePath,
    [...CHROMIUM_ARGS, ...args, '--headless', '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, '--lang=en-US', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });

  let nextId = 0;
  const pending = new Map<number, { resolve(v: Params): void; reject(e: Error): void; method: string }>();
  const listeners = new Map<string, Array<(p: Params, sessionId?: string) => void>>();
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const m = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (m.id !== undefined) {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error) p?.reject(new Error(`${p.method}: ${m.error.message}`));
        else p?.resolve(m.result ?? {});
      } else if (m.method) {
        for (const l of listeners.get(m.method) ?? []) l(m.params ?? {}, m.sessionId);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`Chromium exited (${code}) during ${p.method}: ${stderr.slice(-500)}`));
    pending.clear();
  });

  function send<T>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: Params) => void, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }
  function on(method: string, l: (p: Params, sessionId?: string) => void): void {
    (listeners.get(method) ?? listeners.set(method, []).get(method)!).push(l);
  }

  return {
    pid: child.pid,
    send: (method, params) => send(method, params),
    on: (method, l) => on(method, l),
    async newPage(url, opts) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const s = <T>(method: string, params?: Params) => send<T>(method, params, sessionId);
      const errors: string[] = [];
      on('Runtime.exceptionThrown', (p, sid) => {
        if (sid !== sessionId) return;
        const d = p.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
        errors.push(d?.exception?.description ?? d?.text ?? 'error');
      });
      await s('Runtime.enable');
      await s('Page.enable');
      await s('Emulation.setDeviceMetricsOverride', { width: opts.width, height: opts.height, deviceScaleFactor: 1, mobile: false });
      if (opts.initScript) await s('Page.addScriptToEvaluateOnNewDocument', { source: opts.initScript });
      await s('Page.navigate', { url });

      async function evaluate<T>(expression: string): Promise<T> {
        const r = await s<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
          'Runtime.evaluate',
          {
            expression,
            awaitPromise: true,
            returnByValue: true,
          },
        );
        if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
        return r.result.value as T;
      }
      return {
        send: s,
        evaluate,
        errors,
        async waitFor(expression, what, timeoutMs = 60_000) {
          const until = Date.now() + timeoutMs;
          for (;;) {
            const ok = await evaluate<boolean>(`Boolean(${expression})`).catch(() => false);
            if (ok) return;
            if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
            await new Promise((r) => setTimeout(r, 200));
          }
        },
        async type(selector, text) {
          await evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.focus(); el.select?.(); })()`);
          await s('Input.insertText', { text });
        },
        url: () => evaluate<string>('location.href'),
      };
    },
    async close() {
      await send('Browser.close').catch(() => {});
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

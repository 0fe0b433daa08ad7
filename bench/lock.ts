// The machine-wide browser lock for benches (COMMON: one Chromium suite at a
// time): the same flock file the e2e runs take, held while the bench's browser runs.
import { spawn } from 'node:child_process';

/** Holds `file` (flock) until the returned function is called: the browser's runs take turns machine-wide. */
async function holdLock(file: string): Promise<() => void> {
  const child = spawn('flock', [file, 'sh', '-c', 'echo locked; cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`flock ${file} stopped (exit ${code})`)));
    child.stdout!.once('data', () => resolve());
  });
  return () => child.stdin!.end();
}

/** With `--lock FILE`: waits for it (saying so) and answers its release; without, a release that does nothing. */
export async function browserLock(file: string | undefined, log: (m: string) => void): Promise<() => void> {
  if (!file) return () => {};
  log(`Waiting for the lock ${file}…`);
  return holdLock(file);
}

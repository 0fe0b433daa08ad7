import type { EmulatorContext } from '../context';

/** Fills a fresh store with demo data; each part lives beside its handlers. */
export async function seedDemo(ctx: EmulatorContext): Promise<void> {
  ctx.log('demo data: nothing yet');
}

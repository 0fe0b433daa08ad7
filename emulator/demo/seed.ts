// Demo data for a fresh store: libraries with real faces (the face pool), cameras
// of all four kinds bound to them, then several days of history matched
// against those people.
import type { EmulatorContext } from '../context';
import { loadFacePool } from '../faces/pool';
import { seedCameras } from './cameras';
import { seedHistory } from './history';
import { seedPeople } from './people';

export async function seedDemo(ctx: EmulatorContext): Promise<void> {
  const started = Date.now();
  const pool = await loadFacePool(ctx.engine, ctx.options.facesDir, { log: ctx.log });
  const libraries = await seedPeople(ctx, pool);
  const seed = ctx.options.demoSeed;
  // A fleet's nodes (issue 17): 3 to 5 of the demo cameras, and a history of their own.
  seedCameras(ctx, seed === undefined ? undefined : 3 + (seed % 3));
  const history = await seedHistory(ctx, {
    pool,
    count: ctx.options.demoRecords,
    seed: seed === undefined ? undefined : 20_190_123 + seed,
  });
  const people = libraries.reduce((n, l) => n + l.enrolled, 0);
  ctx.log(
    `demo data: ${libraries.length} libraries, ${people} people, ` +
      `${history.faces} snapshots (${history.alarms} alarms), ${history.bodies} body records ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

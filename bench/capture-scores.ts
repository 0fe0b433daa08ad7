// How the capture pipeline's matches score: scenes built as the emulator builds
// them (faces/pool.ts, capture/scenes.ts), each face compared with every pool
// face enrolled as the demo enrols it. Prints the spread of the true person's
// similarity and how often the demo's thresholds (86-88) let it through.
//   npm run bench:scores -- [--scenes 60] [--plain]   (--plain: the photos unvaried, as before)
import { buildScenes, type Placement } from '../emulator/capture/scenes';
import { createFaceEngine } from '../emulator/faces/engine';
import { loadFacePool } from '../emulator/faces/pool';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('scenes', 60);
const plain = process.argv.includes('--plain');

const engine = createFaceEngine();
const pool = await loadFacePool(engine);
const enrolled = new Map<string, Float32Array>();
for (const face of pool) {
  const main = (await engine.analyse(face.jpeg)).faces[0];
  if (main) enrolled.set(face.id, main.descriptor);
}
const placed = new Map<string, Array<{ id: string; at: Omit<Placement, 'face'> }>>();
const started = performance.now();
const scenes = await buildScenes(engine, pool, count, {
  vary: !plain,
  onPlaced: (scene, id, at) => placed.set(scene, [...(placed.get(scene) ?? []), { id, at }]),
});
const buildMs = performance.now() - started;

const scores: number[] = [];
let rank1 = 0;
let faces = 0;
for (const scene of scenes) {
  for (const face of scene.faces) {
    const cx = (face.box.x1 + face.box.x2) / 2;
    const cy = (face.box.y1 + face.box.y2) / 2;
    const who = placed.get(scene.id)?.find(({ at }) => cx >= at.left && cx <= at.left + at.size && cy >= at.top && cy <= at.top + at.size);
    const truth = who && enrolled.get(who.id);
    if (!who || !truth) continue;
    faces++;
    const own = engine.similarity(face.descriptor, truth);
    scores.push(own);
    let best = -1;
    let bestId = '';
    for (const [id, d] of enrolled) {
      const s = engine.similarity(face.descriptor, d);
      if (s > best) [best, bestId] = [s, id];
    }
    if (bestId === who.id) rank1++;
  }
}
scores.sort((a, b) => a - b);
const q = (p: number) => scores[Math.min(scores.length - 1, Math.floor(p * scores.length))];
const share = (t: number) => `${Math.round((100 * scores.filter((s) => s >= t).length) / scores.length)} %`;
console.log(
  `${plain ? 'unvaried' : 'varied'} captures: ${scenes.length} scenes, ${faces} faces of enrolled people, built in ${(buildMs / 1000).toFixed(1)} s`,
);
console.log(
  `similarity to the enrolled photo: min ${q(0)} · p10 ${q(0.1)} · p25 ${q(0.25)} · median ${q(0.5)} · p75 ${q(0.75)} · p90 ${q(0.9)} · max ${scores.at(-1)}`,
);
console.log(
  `at or above 86: ${share(86)} · 87: ${share(87)} · 88: ${share(88)} · rank-1 is the right person: ${Math.round((100 * rank1) / faces)} %`,
);
const hist = new Map<number, number>();
for (const s of scores) hist.set(Math.floor(s / 5) * 5, (hist.get(Math.floor(s / 5) * 5) ?? 0) + 1);
console.log(
  [...hist]
    .sort((a, b) => a[0] - b[0])
    .map(([b, n]) => `${b}-${b + 4}: ${n}`)
    .join(' · '),
);
await engine.close();

// A 1:1 score in plain words. The device documents no verdict for 771/781,
// only the 0-100 score, so the bands below are ours, set from how the score
// behaves (emulator/faces/scoring.ts maps face-api's descriptor distance):
// two crops of one photo score 95 and up; photos of one person usually land
// between about 72 and 95; different people stay below 60 as a rule but can
// reach about 80. The cameras' own alarm thresholds (516) are shown beside it:
// they are what this device actually alarms on.

export type ScoreBand = 'same' | 'likely' | 'uncertain' | 'different';

export const SCORE_BANDS: ReadonlyArray<{ band: ScoreBand; from: number }> = [
  { band: 'same', from: 95 },
  { band: 'likely', from: 80 },
  { band: 'uncertain', from: 60 },
  { band: 'different', from: 0 },
];

export interface ScoreReading {
  band: ScoreBand;
  /** The cameras' thresholds, lowest and highest; null without cameras. */
  thresholds: { min: number; max: number } | null;
  /** Against those: reaches all, some, or none of them. */
  alarms: 'all' | 'some' | 'none' | null;
}

export function readScore(score: number, cameraThresholds: readonly number[]): ScoreReading {
  const band = SCORE_BANDS.find((b) => score >= b.from)?.band ?? 'different';
  if (cameraThresholds.length === 0) return { band, thresholds: null, alarms: null };
  const min = Math.min(...cameraThresholds);
  const max = Math.max(...cameraThresholds);
  // A camera alarms when the similarity reaches its threshold (>=, as the device does).
  const alarms = score >= max ? 'all' : score >= min ? 'some' : 'none';
  return { band, thresholds: { min, max }, alarms };
}

// The blacklist chime: two short rising tones made with WebAudio (no audio file
// to ship or fetch). Browsers keep audio off until the user interacts with the
// page, so the context is created on a gesture when possible and the wall says
// when sound is blocked. At most one chime per MIN_GAP_MS: a burst of alarms
// gives one chime now and one trailing chime, never a drone.
import { create } from 'zustand';

declare global {
  interface Window {
    /** Chimes actually played (the context was running): the e2e specs read it. */
    __alarmSounds?: number;
  }
}

export const MIN_GAP_MS = 1500;

interface SoundState {
  /** A chime was wanted but the browser had not allowed audio yet. */
  blocked: boolean;
}

export const useSoundState = create<SoundState>()(() => ({ blocked: false }));

type AudioCtor = typeof AudioContext;

function audioCtor(): AudioCtor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

let ctx: AudioContext | null = null;
let lastAt = -Infinity;
let trailing: ReturnType<typeof setTimeout> | null = null;
let trailingVolume = 0;

if (typeof window !== 'undefined') window.__alarmSounds ??= 0;

/** Whether the page has had a user gesture: creating a context before one only logs a warning and stays silent. */
function mayStartAudio(): boolean {
  if (typeof navigator === 'undefined') return false;
  const ua = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return ua ? ua.hasBeenActive : true;
}

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = audioCtor();
  if (!Ctor || !mayStartAudio()) return null;
  try {
    ctx = new Ctor();
  } catch {
    ctx = null;
  }
  return ctx;
}

/**
 * On opening the wall: a page that has had no click or key yet (a kiosk after
 * a reload) cannot play the chime, so say so now rather than at the first
 * blacklist alarm.
 */
export function checkSoundAllowed(): void {
  if (!ctx && !mayStartAudio()) useSoundState.setState({ blocked: true });
}

/** Call from a user gesture (any click or key on the wall): lets the chime play later. */
export function unlockSound(): void {
  const c = context();
  if (!c) return;
  if (c.state === 'suspended') {
    void c.resume().then(
      () => useSoundState.setState({ blocked: c.state !== 'running' }),
      () => {},
    );
  } else {
    useSoundState.setState({ blocked: false });
  }
}

function tones(c: AudioContext, volume: number): void {
  const gain = c.createGain();
  gain.connect(c.destination);
  const peak = Math.max(0.0001, (volume / 100) * 0.4);
  const start = c.currentTime + 0.01;
  // 880 Hz then 1175 Hz, twice: short, rising, unlike any system sound.
  const notes = [880, 1175, 880, 1175];
  notes.forEach((freq, i) => {
    const t = start + i * 0.16;
    const osc = c.createOscillator();
    osc.type = 'triangle';
    osc.frequency.setValueAtTime(freq, t);
    const env = c.createGain();
    env.gain.setValueAtTime(0.0001, t);
    env.gain.exponentialRampToValueAtTime(peak, t + 0.02);
    env.gain.exponentialRampToValueAtTime(0.0001, t + 0.14);
    osc.connect(env).connect(gain);
    osc.start(t);
    osc.stop(t + 0.15);
  });
}

function playNow(volume: number): void {
  lastAt = performance.now();
  const c = context();
  if (!c) {
    useSoundState.setState({ blocked: true });
    return;
  }
  const go = () => {
    if (c.state !== 'running') {
      useSoundState.setState({ blocked: true });
      return;
    }
    tones(c, volume);
    useSoundState.setState({ blocked: false });
    window.__alarmSounds = (window.__alarmSounds ?? 0) + 1;
  };
  if (c.state === 'running') go();
  else c.resume().then(go, () => useSoundState.setState({ blocked: true }));
}

/** A blacklist alarm arrived: chime now, or once when the gap has passed. */
export function chime(volume: number): void {
  const since = performance.now() - lastAt;
  if (since >= MIN_GAP_MS) {
    playNow(volume);
    return;
  }
  trailingVolume = volume;
  trailing ??= setTimeout(() => {
    trailing = null;
    playNow(trailingVolume);
  }, MIN_GAP_MS - since);
}

/** The test button: plays at once whatever the gap. */
export function testChime(volume: number): void {
  unlockSound();
  playNow(volume);
}

/** Muted meanwhile: a pending trailing chime must not sound. */
export function cancelChime(): void {
  if (trailing) clearTimeout(trailing);
  trailing = null;
}

/**
 * Reads the run's settings from the page address: `?seed=42&speed=600`, or
 * `?seed=42&t=2h` to open paused at simulated time 2h; `dc=cluster` picks a data center
 * preset and `timing=fast` the timing profile. A bad value is reported and replaced by
 * the default, never silently ignored.
 */

import { parseDuration } from '../sim/engine/time';
import { DEFAULT_PRESET, PRESETS } from '../sim/hardware/spec';
import { PROFILES, type ProfileName } from '../sim/hardware/timing';
import { MAX_SEED } from '../sim/simulation';
import { isSpeed, type InitOptions, type Speed } from '../worker/protocol';

export const DEFAULT_SEED = 42;
export const DEFAULT_SPEED: Speed = 60;

export interface UrlSettings {
  readonly options: InitOptions;
  readonly problems: readonly string[];
}

export function readUrlSettings(search: string): UrlSettings {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let seed = DEFAULT_SEED;
  const seedText = params.get('seed');
  if (seedText !== null) {
    const n = Number(seedText);
    if (/^\d+$/.test(seedText) && Number.isSafeInteger(n) && n <= MAX_SEED) seed = n;
    else problems.push(`URL parameter seed: "${seedText}" is not a whole number from 0 to ${MAX_SEED}; using ${DEFAULT_SEED}.`);
  }
  let speed: Speed = DEFAULT_SPEED;
  const speedText = params.get('speed');
  if (speedText !== null) {
    const v = speedText === 'max' ? 'max' : Number(speedText);
    if (isSpeed(v)) speed = v;
    else problems.push(`URL parameter speed: "${speedText}" is not one of 1, 10, 60, 600, 3600, max; using ${DEFAULT_SPEED}.`);
  }
  let startAt: number | undefined;
  const tText = params.get('t');
  if (tText !== null) {
    try {
      startAt = parseDuration(tText);
    } catch (e) {
      problems.push(`URL parameter t: ${(e as Error).message}; starting at 0.`);
    }
  }
  let preset: string | undefined;
  const dcText = params.get('dc');
  if (dcText !== null) {
    if (Object.hasOwn(PRESETS, dcText)) preset = dcText;
    else problems.push(`URL parameter dc: "${dcText}" is not one of ${Object.keys(PRESETS).join(', ')}; using ${DEFAULT_PRESET}.`);
  }
  let timing: ProfileName | undefined;
  const timingText = params.get('timing');
  if (timingText !== null) {
    if (Object.hasOwn(PROFILES, timingText)) timing = timingText as ProfileName;
    else problems.push(`URL parameter timing: "${timingText}" is not one of ${Object.keys(PROFILES).join(', ')}; using realistic.`);
  }
  const paused = params.get('paused');
  const running = startAt === undefined && paused !== '1' && paused !== 'true';
  return {
    options: {
      seed,
      speed,
      running,
      ...(startAt !== undefined ? { startAt } : {}),
      ...(preset !== undefined ? { datacenter: { preset } } : {}),
      ...(timing !== undefined ? { timing } : {}),
    },
    problems,
  };
}

/**
 * A run as a record: where it started (a setup or a scenario), the user's timed actions,
 * and the moment it was saved. Seed + start + actions decide the run, so the record is
 * enough to rebuild it exactly; its hash checks that the rebuild matches. Links, run
 * files and crash recovery all carry this record.
 */

import type { Action } from '../actions';
import type { ProfileName } from '../hardware/timing';

/** A user action and the simulated time (ms) it was taken at. */
export interface TimedAction {
  readonly at: number;
  readonly action: Action;
}

/** A service's files as text (run files and links carry text, not bytes). */
export interface FilesText {
  readonly service: string;
  readonly slot?: 'production' | 'staging';
  readonly csdef: { readonly name: string; readonly text: string };
  readonly cscfg: { readonly name: string; readonly text: string };
}

export type RunBase =
  | {
      readonly kind: 'setup';
      readonly seed: number;
      readonly datacenter: unknown;
      readonly timing: ProfileName;
      readonly deploy: readonly FilesText[];
    }
  | {
      readonly kind: 'scenario';
      /** The scenario file's JSON as written (its seed may be overridden by `seed`). */
      readonly scenario: unknown;
      /** Where it came from (`scenarios/lessons/01-host-fails.json`), for the title bar. */
      readonly path?: string;
      /** The text of every csdef/cscfg the scenario references, by reference. */
      readonly files: Readonly<Record<string, string>>;
      readonly walkthrough: boolean;
    };

export const RUN_FILE_VERSION = 1;

export interface RunFile {
  readonly fabricLab: 'run';
  readonly version: typeof RUN_FILE_VERSION;
  readonly base: RunBase;
  readonly actions: readonly TimedAction[];
  /** The moment the run was saved at, ms. */
  readonly t: number;
  /** The event-log hash and record count at `t`, to check that a reopened run matches. */
  readonly hash: string;
  readonly events: number;
}

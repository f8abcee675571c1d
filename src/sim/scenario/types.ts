/**
 * The scenario file format of ../shared/scenarios.md, as types. Files are parsed and
 * checked by parse.ts; run.ts plays them on a Simulation.
 */

import type { ProfileName } from '../hardware/timing';

export interface ServiceRef {
  readonly name: string;
  /** A path relative to the scenario file, or inline XML. */
  readonly csdef: string;
  readonly cscfg: string;
}

export type Slot = 'production' | 'staging';
export type UpgradeMode = 'manual' | 'auto' | 'simultaneous';

export type ScenarioAction =
  | { readonly do: 'deploy'; readonly service: string; readonly slot?: Slot; readonly csdef?: string; readonly cscfg?: string }
  | { readonly do: 'delete'; readonly service: string; readonly slot?: Slot }
  | { readonly do: 'fail'; readonly target: string; readonly mode?: string }
  | { readonly do: 'repair'; readonly target: string }
  | { readonly do: 'powerCycle'; readonly target: string }
  | { readonly do: 'reboot'; readonly target: string }
  | { readonly do: 'reimage'; readonly target: string }
  | { readonly do: 'scale'; readonly role: string; readonly count: number }
  | { readonly do: 'configure'; readonly service: string; readonly cscfg: string }
  | { readonly do: 'upgrade'; readonly service: string; readonly csdef: string; readonly cscfg: string; readonly mode: UpgradeMode }
  | { readonly do: 'walk'; readonly service: string }
  | { readonly do: 'rollback'; readonly service: string }
  | { readonly do: 'updateHostOs' }
  | { readonly do: 'swap'; readonly service: string }
  | { readonly do: 'addContainer'; readonly racks: number; readonly hostsPerRack: number };

export interface Comparison {
  readonly op: '==' | '>=' | '<=';
  readonly n: number;
}

export type Expectation =
  | { readonly service: string; readonly status: string }
  | { readonly service: string; readonly available: boolean }
  | { readonly role: string; readonly ready: Comparison }
  | {
      readonly instance: string;
      readonly status: string;
      readonly host?: string;
      readonly notHost?: string;
      readonly fd?: number;
      readonly ud?: number;
      readonly diffDisk?: 'kept' | 'fresh';
    }
  | { readonly rack: string; readonly instances: number }
  | { readonly host: string; readonly status: string }
  | { readonly fc: { readonly primary?: string; readonly primaryNot?: string } };

interface StepBase {
  /** Milliseconds from the start of the scenario. */
  readonly at: number;
  /** The step's index in the file, for messages (`steps[3]`). */
  readonly index: number;
}

/** A predict-then-reveal question of a lesson (an extension of the format). */
export interface Question {
  readonly ask: string;
  readonly choices: readonly string[];
  /** Index of the right choice. */
  readonly answer: number;
  /** Shown once the learner has answered. */
  readonly explain: string;
}

export type Step =
  /** `prompt` (an extension): in a walkthrough the learner performs this action, told by the prompt. */
  | (StepBase & { readonly kind: 'do'; readonly action: ScenarioAction; readonly prompt?: string })
  | (StepBase & { readonly kind: 'expect'; readonly expect: Expectation; readonly text: string })
  /** `chapter` (an extension): this caption opens a chapter of the walkthrough. */
  | (StepBase & { readonly kind: 'say'; readonly say: string; readonly chapter?: string })
  | (StepBase & { readonly kind: 'ask'; readonly question: Question; readonly chapter?: string });

export interface Scenario {
  readonly scenario: 1;
  readonly name: string;
  readonly description?: string;
  readonly seed: number;
  readonly timing: ProfileName;
  /** The raw data center description, checked by resolveSpec. */
  readonly datacenter: unknown;
  readonly services: readonly ServiceRef[];
  /** In run order: by time, then file order. */
  readonly steps: readonly Step[];
}

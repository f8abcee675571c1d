/**
 * What the user can ask of the simulation, as plain functions that post commands to the
 * worker. They never write the store: the worker's next frame shows the effect.
 */

import type { Action } from '../sim/actions';
import type { Speed, ToWorker } from '../worker/protocol';

export interface Actions {
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  step(): void;
  /** Sends a scenario-vocabulary action (fail, repair, addContainer...); returns its id. */
  act(action: Action): number;
  /** Asks every frame to carry the details of this asset (null: none). */
  inspect(asset: string | null): void;
  /** Asks for the instances and charts of these deployments (`service/slot`) in a large run. */
  watch(deployments: readonly string[]): void;
}

export function makeActions(send: (msg: ToWorker) => void): Actions {
  let nextId = 1;
  return {
    act: (action) => {
      const id = nextId++;
      send({ type: 'act', id, action });
      return id;
    },
    inspect: (asset) => send({ type: 'inspect', asset }),
    watch: (deployments) => send({ type: 'watch', deployments }),
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    step: () => send({ type: 'step' }),
  };
}

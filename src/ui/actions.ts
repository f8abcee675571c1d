/**
 * What the user can ask of the simulation, as plain functions that post commands to the
 * worker. They never write the store: the worker's next frame shows the effect.
 */

import type { Speed, ToWorker } from '../worker/protocol';

export interface Actions {
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  step(): void;
}

export function makeActions(send: (msg: ToWorker) => void): Actions {
  return {
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    step: () => send({ type: 'step' }),
  };
}

/**
 * What the user can ask of the simulation, as plain functions that post commands to the
 * worker. They never write the store: the worker's next frame shows the effect.
 */

import type { Action } from '../sim/actions';
import { PROTOCOL_VERSION, type Exported, type ExportWhat, type InitOptions, type Speed, type StepKind, type ToWorker } from '../worker/protocol';
import type { FabricState, FabricStore } from './store/store';

export interface Actions {
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  step(): void;
  /** Sends a scenario-vocabulary action (fail, repair, addContainer...); returns its id. */
  act(action: Action): number;
  /**
   * Sends again an action the worker refused because it would discard later actions of
   * the user (the store's actionError has `futureActions`), now allowing the fork.
   */
  confirmFork(id: number): number | undefined;
  /** Asks every frame to carry the details of this asset (null: none). */
  inspect(asset: string | null): void;
  /** Asks for the instances and charts of these deployments (`service/slot`) in a large run. */
  watch(deployments: readonly string[]): void;
  /** Pauses and moves the run to simulated time t (ms), back or forward. */
  seek(t: number): void;
  /** Pauses and moves to the next or previous event, fault or FC decision. */
  stepTo(direction: 'next' | 'prev', kind: StepKind): void;
  /** Walkthrough: the next stop, the previous one, or stop `index`. */
  lesson(command: 'next' | 'back' | 'goto', index?: number): void;
  /** The learner's answer to the question at stop `stop`. */
  answer(stop: number, choice: number): void;
  /** Asks the worker for data to save; resolves with what it sends back. */
  exportData(what: ExportWhat): Promise<Exported>;
  /** Starts another run in the worker (an imported run file, a lesson restarted). */
  restart(options: InitOptions): void;
}

/** How many sent actions are remembered for a fork confirmation. */
const REMEMBERED = 32;

export function makeActions(send: (msg: ToWorker) => void, store?: FabricStore): Actions {
  let nextId = 1;
  const sent = new Map<number, Action>();
  const act = (action: Action, fork?: boolean): number => {
    const id = nextId++;
    sent.set(id, action);
    if (sent.size > REMEMBERED) sent.delete(sent.keys().next().value!);
    send({ type: 'act', id, action, ...(fork ? { fork } : {}) });
    return id;
  };
  return {
    act: (action) => act(action),
    confirmFork: (id) => {
      const action = sent.get(id);
      return action ? act(action, true) : undefined;
    },
    inspect: (asset) => send({ type: 'inspect', asset }),
    watch: (deployments) => send({ type: 'watch', deployments }),
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    step: () => send({ type: 'step' }),
    seek: (t) => send({ type: 'seek', t }),
    stepTo: (direction, kind) => send({ type: 'stepTo', direction, kind }),
    lesson: (command, index) => send({ type: 'lesson', command, ...(index !== undefined ? { index } : {}) }),
    answer: (stop, choice) => send({ type: 'answer', stop, choice }),
    restart: (options) => send({ type: 'init', protocol: PROTOCOL_VERSION, options }),
    exportData: (what) => {
      const id = nextId++;
      const reply = new Promise<Exported>((resolve, reject) => {
        if (!store) return;
        // A worker that crashed or hung never answers: the request fails instead of waiting forever.
        const lost = (s: FabricState) => s.connection === 'recovering' || s.connection === 'failed';
        if (lost(store.getState())) {
          reject(new Error('the simulation is not running (its worker stopped); try again once it is back'));
          return;
        }
        const unsubscribe = store.subscribe((s) => {
          if (s.lastExport?.id === id) {
            unsubscribe();
            resolve(s.lastExport.data);
          } else if (lost(s)) {
            unsubscribe();
            reject(new Error('the simulation worker stopped before it answered; try again once the run is back'));
          }
        });
      });
      send({ type: 'export', id, what });
      return reply;
    },
  };
}

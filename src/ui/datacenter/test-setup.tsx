/**
 * Test helpers for the data center view in jsdom: jsdom has no 2D canvas (the painter
 * gets null) and no matchMedia (reduced motion is assumed, so zooming is immediate); and
 * the App rendered against a store fed with frames recorded from a real WorkerHost
 * (src/test/recorded.ts, which the tests import themselves).
 */

import { act, render } from '@testing-library/react';
import { vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { App } from '../App';
import { FabricProvider } from '../context';
import { applyMessage } from '../store/apply';
import { createFabricStore } from '../store/store';

export function installDomFakes(): void {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: query.includes('reduce'),
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

export function renderApp() {
  const store = createFabricStore();
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => void sent.push(m));
  render(
    <FabricProvider store={store} send={send}>
      <App />
    </FabricProvider>,
  );
  const feed = (msgs: readonly FromWorker[]) => act(() => msgs.forEach((m) => applyMessage(store, m)));
  return { store, sent, feed };
}

/** `n` step commands: each runs the simulation up to its next logged event. */
export const steps = (n: number): ToWorker[] => Array.from({ length: n }, () => ({ type: 'step' }) as const);

/** A ToR failure, then on past its detection (2 simulated minutes). */
export const FAIL_TOR: readonly ToWorker[] = [{ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r1-tor' } }, { type: 'seek', t: 4 * 60_000 }];

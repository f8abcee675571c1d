/**
 * Reading the fabric store at a person's pace: `useFabricThrottled(selector, ms, on)`
 * works like useFabric, but while `on` it passes changes on at most once every `ms`
 * (the last one always arrives). The event and driver logs use it while the run plays:
 * at 600x a frame can bring hundreds of records, and redrawing 200 rows sixty times a
 * second is work nobody can read.
 */

import { useCallback, useSyncExternalStore } from 'react';
import { useFabricStore } from '../context';
import type { FabricState } from './store';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function useFabricThrottled<T>(selector: (s: FabricState) => T, ms: number, on: boolean): T {
  const store = useFabricStore();
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let last = -Infinity;
      const fire = () => {
        timer = undefined;
        last = now();
        notify();
      };
      const off = store.subscribe(() => {
        if (!on) {
          if (timer !== undefined) clearTimeout(timer);
          fire();
        } else if (timer === undefined) timer = setTimeout(fire, Math.max(0, last + ms - now()));
      });
      return () => {
        off();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
    [store, ms, on],
  );
  const get = () => selector(store.getState());
  return useSyncExternalStore(subscribe, get, get);
}

/**
 * The ring itself: the drawing, the five replica buttons on it (one tab stop: arrow
 * keys, Home and End move between them), the menu of the replica chosen, and the
 * worker's refusal of the last action sent from here.
 */

import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { FcClusterView, FcReplicaView } from '../../sim/fabric/fcreplicas';
import { useActions } from '../context';
import type { ReplicaMenuItem } from './describe';
import { RefusalNotice } from './RefusalNotice';
import { ReplicaMenu, replicaSelector } from './ReplicaMenu';
import { ReplicaNode } from './ReplicaNode';
import { RingLines } from './RingLines';
import { useReducedMotion } from '../datacenter/motion';

interface Props {
  readonly replicas: readonly FcReplicaView[];
  readonly cluster: FcClusterView | undefined;
}

/** Where each key moves focus, clockwise being forward. */
const MOVES: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function ReplicaRing({ replicas, cluster }: Props) {
  const actions = useActions();
  const reducedMotion = useReducedMotion();
  const stage = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | undefined>(undefined);
  const [menu, setMenu] = useState<string | undefined>(undefined);
  // the id of the last action sent from the ring: its refusal is shown here
  const [sent, setSent] = useState<number | undefined>(undefined);

  const tabStop = replicas.some((r) => r.id === active) ? active : replicas[0]?.id;
  const open = replicas.find((r) => r.id === menu);

  const focusReplica = useCallback((id: string) => stage.current?.querySelector<HTMLElement>(replicaSelector(id))?.focus(), []);

  const onOpen = useCallback((id: string) => setMenu((m) => (m === id ? undefined : id)), []);
  const onFocus = useCallback((id: string) => setActive(id), []);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLButtonElement>, id: string) => {
      const move = MOVES[e.key];
      if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const next = replicas[move(replicas.findIndex((r) => r.id === id), replicas.length)];
      if (next) focusReplica(next.id);
    },
    [replicas, focusReplica],
  );

  const close = useCallback(
    (refocus: boolean) => {
      if (refocus && menu) focusReplica(menu);
      setMenu(undefined);
    },
    [menu, focusReplica],
  );
  const choose = (item: ReplicaMenuItem) => {
    setSent(actions.act(item.action));
    close(true);
  };

  return (
    <>
      <div ref={stage} className="fc-stage" role="group" aria-label="FC replicas">
        <RingLines replicas={replicas} cluster={cluster} reducedMotion={reducedMotion} />
        {replicas.map((r, i) => (
          <ReplicaNode
            key={r.id}
            replica={r}
            index={i}
            count={replicas.length}
            tabStop={r.id === tabStop}
            menuOpen={r.id === menu}
            onOpen={onOpen}
            onFocus={onFocus}
            onKeyDown={onKeyDown}
          />
        ))}
        {open ? <ReplicaMenu replica={open} onChoose={choose} onClose={close} /> : null}
      </div>
      <RefusalNotice sentId={sent} onDismiss={() => setSent(undefined)} />
    </>
  );
}

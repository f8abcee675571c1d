/**
 * The FC ring against frames recorded from a real WorkerHost: recordings start one
 * simulated minute in (a primary elected), send actions, and step until the replicas
 * reach the state a test is about (robust to how many logged events other models write
 * on the way).
 */

import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../test/recorded';
import type { FromWorker, InitOptions, ToWorker } from '../../worker/protocol';
import { applyMessage } from '../store/apply';
import { createFabricStore, type FabricState } from '../store/store';
import { FROZEN_TEXT } from './describe';
import { replicaPoint } from './geometry';
import { selectCluster } from './select';
import { actCommand, clusterOf, fakeReducedMotion, renderRing, replicaOf } from './test-setup';

beforeEach(() => fakeReducedMotion(true));

/** The demo data center at one simulated minute: the replicas have elected a primary. */
const AT_ONE_MINUTE: InitOptions = { seed: 42, datacenter: { preset: 'demo' }, startAt: 60_000 };

/** Commands sent at once, then steps until a frame's state is `done`. */
interface Phase {
  readonly commands: readonly ToWorker[];
  readonly done: (s: FabricState) => boolean;
}

const stepCues = (n: number): ToWorker[] => Array.from({ length: n }, () => [{ type: 'step' } as const, { type: 'requestFrame' } as const]).flat();

/**
 * A recording of phases, each cut at its first frame whose state satisfies `done`
 * (each step runs to the next logged event; a frame follows every step). Every frame
 * answers one requestFrame, so the k-th frame tells where to cut the commands; a phase
 * is replayed with twice as many steps until it gets there.
 */
function recordPhases(phases: readonly Phase[], maxSteps = 256): FromWorker[] {
  let cues: ToWorker[] = [{ type: 'requestFrame' }];
  let msgs: FromWorker[] = [];
  for (const [n, phase] of phases.entries()) {
    let next: { cues: ToWorker[]; msgs: FromWorker[] } | undefined;
    for (let steps = 8; !next && steps <= maxSteps; steps *= 2) {
      const tried = [...cues, ...phase.commands, { type: 'requestFrame' } as const, ...stepCues(steps)];
      const out = recordRun(AT_ONE_MINUTE, tried);
      const scratch = createFabricStore();
      const framesBefore = cues.filter((c) => c.type === 'requestFrame').length;
      let frames = 0;
      for (const [i, m] of out.entries()) {
        applyMessage(scratch, m);
        if (m.type !== 'frame' || ++frames <= framesBefore || !phase.done(scratch.getState())) continue;
        let seen = 0;
        const cut = tried.findIndex((c) => c.type === 'requestFrame' && ++seen === frames);
        next = { cues: tried.slice(0, cut + 1), msgs: out.slice(0, i + 1) };
        break;
      }
    }
    if (!next) throw new Error(`phase ${n}: no frame matched within ${maxSteps} steps`);
    cues = next.cues;
    msgs = next.msgs;
  }
  return msgs;
}

const recordUntil = (commands: readonly ToWorker[], done: (s: FabricState) => boolean): FromWorker[] => recordPhases([{ commands, done }]);

const IDS = ['fc0', 'fc1', 'fc2', 'fc3', 'fc4'];
const replica = (id: string) => screen.getByRole('button', { name: `FC replica ${id}` });
const menuItem = (name: string) => within(screen.getByRole('menu')).getByRole('menuitem', { name });
/** The cluster line (a paragraph starting `Primary:`). */
const clusterLine = () => screen.getByText((_, el) => el?.tagName === 'P' && /^Primary: /.test(el.textContent ?? ''));
const acts = (sent: readonly { type: string }[]) => sent.filter((m) => m.type === 'act');

/** One simulated minute in: a primary elected. */
const atOneMinute = () => recordRun(AT_ONE_MINUTE, [{ type: 'requestFrame' }]);

/** The primary of that recording. */
function firstPrimary(): string {
  const store = createFabricStore();
  for (const m of atOneMinute()) applyMessage(store, m);
  const p = clusterOf(store).primary;
  if (!p) throw new Error('no primary at one minute');
  return p;
}

const primaryIsNot = (id: string) => (s: FabricState) => {
  const p = selectCluster(s)?.primary;
  return p !== undefined && p !== null && p !== id;
};

describe('the FC ring', () => {
  it('names each replica as scenarios do and describes its role, term, log and host', () => {
    const { store, feed } = renderRing();
    feed(atOneMinute());
    const c = clusterOf(store);
    expect(screen.getByRole('region', { name: 'Fabric Controller' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^FC replica fc\d$/ }).map((b) => b.getAttribute('aria-label'))).toEqual(IDS.map((id) => `FC replica ${id}`));
    expect(c.primary).toMatch(/^fc\d$/);
    for (const id of IDS) {
      const r = replicaOf(store, id);
      const role = id === c.primary ? 'Primary' : 'Secondary';
      expect(replica(id)).toHaveAccessibleDescription(
        `${role}, term ${c.term}; committed ${r.commitIndex} of ${r.logLength} log entries; on host ${r.host}; ${r.inFlight} messages in flight`,
      );
      expect(r.host).toMatch(/^c\d-r\d-h\d\d$/);
    }
    expect(clusterLine()).toHaveTextContent(`Primary: ${c.primary} (term ${c.term}) · quorum: yes · committed decisions: ${c.committed} · waiting: ${c.waitingDecisions}`);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('marks the primary with its word and the star glyph, the others as secondaries', () => {
    const { store, feed } = renderRing();
    feed(atOneMinute());
    const primary = clusterOf(store).primary!;
    const p = replica(primary);
    expect(p).toHaveTextContent(/^fc\dprimaryterm 1/);
    expect(p).toHaveClass('role-primary');
    expect(p.querySelector('svg.fc-glyph polygon')).not.toBeNull();
    for (const id of IDS.filter((x) => x !== primary)) {
      expect(replica(id)).toHaveClass('role-secondary');
      expect(replica(id).querySelector('svg.fc-glyph circle')).not.toBeNull();
    }
  });

  it('has one tab stop; arrow keys, Home and End move round the ring', async () => {
    const user = userEvent.setup();
    renderRing().feed(atOneMinute());
    const group = screen.getByRole('group', { name: 'FC replicas' });
    expect(group.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await user.tab();
    expect(replica('fc0')).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(replica('fc2')).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowUp}');
    expect(replica('fc4')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(replica('fc0')).toHaveFocus();
    await user.keyboard('{End}');
    expect(replica('fc4')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(replica('fc0')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(group.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(replica('fc4')).toHaveAttribute('tabindex', '0');
    // Tab leaves the ring in one step, and comes back to the replica last focused
    await user.tab();
    expect(group.contains(document.activeElement)).toBe(false);
    await user.tab({ shift: true });
    expect(replica('fc4')).toHaveFocus();
  });

  it('opens a menu with Enter; Fail replica sends the exact action and returns focus', async () => {
    const user = userEvent.setup();
    const { sent, feed } = renderRing();
    feed(atOneMinute());
    replica('fc2').focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Actions for fc2' });
    expect(replica('fc2')).toHaveAttribute('aria-expanded', 'true');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Fail replica', 'Restart replica']);
    expect(items[0]).toHaveFocus();
    expect(items[0]).not.toHaveAttribute('aria-disabled');
    expect(items[1]).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Enter}');
    expect(acts(sent)).toEqual([{ type: 'act', id: 1, action: { do: 'fail', target: 'fc2' } }]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(replica('fc2')).toHaveFocus();
  });

  it('sends nothing for a disabled item; arrows move in the menu; Escape closes it and returns focus', async () => {
    const user = userEvent.setup();
    const { sent, feed } = renderRing();
    feed(atOneMinute());
    await user.click(replica('fc4'));
    await user.click(menuItem('Restart replica'));
    expect(acts(sent)).toEqual([]);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(menuItem('Fail replica')).toHaveFocus();
    await user.keyboard('{End}');
    expect(menuItem('Restart replica')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(replica('fc4')).toHaveFocus();
    expect(replica('fc4')).toHaveAttribute('aria-expanded', 'false');
    // Space opens it too; a click outside closes it without sending anything
    await user.keyboard(' ');
    expect(screen.getByRole('menu', { name: 'Actions for fc4' })).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { name: 'Fabric Controller' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(acts(sent)).toEqual([]);
  });

  it('shows a failover: the failed primary down, another primary in a higher term, both elections', async () => {
    const user = userEvent.setup();
    const old = firstPrimary();
    const { store, sent, feed } = renderRing();
    feed(recordUntil([actCommand(1, { do: 'fail', target: old })], primaryIsNot(old)));
    const c = clusterOf(store);
    expect(c.term).toBeGreaterThan(1);
    expect(replica(old)).toHaveAccessibleDescription(/^Down \(failed by hand\), term 1; /);
    expect(replica(old)).toHaveTextContent('down · failed');
    expect(replica(c.primary!)).toHaveAccessibleDescription(new RegExp(`^Primary, term ${c.term}; `));
    expect(clusterLine()).toHaveTextContent(new RegExp(`^Primary: ${c.primary} \\(term ${c.term}\\) · quorum: yes · `));

    const elections = within(screen.getByRole('list', { name: 'Elections' })).getAllByRole('listitem');
    expect(elections[0]).toHaveTextContent(new RegExp(`^0\\+00:0\\d:\\d\\d ${c.primary} became primary$`));
    expect(elections.at(-1)).toHaveTextContent(new RegExp(`^0\\+00:00:\\d\\d ${old} became primary$`));

    await user.click(replica(old));
    expect(menuItem('Fail replica')).toHaveAttribute('aria-disabled', 'true');
    expect(menuItem('Restart replica')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(acts(sent)).toEqual([{ type: 'act', id: 1, action: { do: 'repair', target: old } }]);
  });

  it('says prominently that the FC is frozen once three replicas are down, and no more once one restarts', async () => {
    const user = userEvent.setup();
    const down = ['fc0', 'fc1', 'fc2'];
    const frozen = { commands: down.map((id, i) => actCommand(i + 1, { do: 'fail', target: id })), done: (s: FabricState) => selectCluster(s)?.quorum === false };
    const { store, sent, feed } = renderRing();
    feed(recordPhases([frozen]));
    expect(screen.getByRole('status')).toHaveTextContent(FROZEN_TEXT);
    expect(clusterLine()).toHaveTextContent(/^Primary: (fc\d|none) \(term \d+\) · quorum: no · /);
    for (const id of down) expect(replica(id)).toHaveAccessibleDescription(/^Down \(failed by hand\)/);
    expect(replicaOf(store, 'fc3').up && replicaOf(store, 'fc4').up).toBe(true);
    await user.click(replica('fc1'));
    await user.click(menuItem('Restart replica'));
    expect(acts(sent)).toEqual([{ type: 'act', id: 1, action: { do: 'repair', target: 'fc1' } }]);

    // the restart (recorded): a quorum again, a primary elected, the notice gone
    const restarted = { commands: [actCommand(4, { do: 'repair', target: 'fc1' })], done: (s: FabricState) => selectCluster(s)?.quorum === true && Boolean(selectCluster(s)?.primary) };
    cleanup();
    const { store: after, feed: feedAfter } = renderRing();
    feedAfter(recordPhases([frozen, restarted]));
    expect(clusterOf(after).quorum).toBe(true);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(replica('fc1')).toHaveAccessibleDescription(/^(Primary|Secondary), term \d+; /);
  });

  it('shows the worker refusing the last action sent from the ring, not another one', async () => {
    const user = userEvent.setup();
    const { sent, feed } = renderRing();
    feed(atOneMinute());
    await user.click(replica('fc0'));
    await user.click(menuItem('Fail replica'));
    expect(acts(sent)).toEqual([{ type: 'act', id: 1, action: { do: 'fail', target: 'fc0' } }]);
    // the worker refuses action 1 (here: a repair of a replica not failed by hand, recorded)
    const refused = recordRun(AT_ONE_MINUTE, [actCommand(1, { do: 'repair', target: 'fc0' })]).filter((m) => m.type === 'actResult');
    expect(refused).toEqual([{ type: 'actResult', id: 1, action: 'repair', ok: false, error: expect.stringContaining('fc0') }]);
    feed(refused);
    expect(screen.getByText('Refused:').parentElement).toHaveTextContent(/^Refused: fc0 was not failed by hand/);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Refused:')).not.toBeInTheDocument();
    // a refusal of an action sent from elsewhere (another id) is not shown here
    feed(recordRun(AT_ONE_MINUTE, [actCommand(7, { do: 'repair', target: 'fc0' })]).filter((m) => m.type === 'actResult'));
    expect(screen.queryByText('Refused:')).not.toBeInTheDocument();
  });

  /** The ring one minute in, caught while the primary has four messages on the wire. */
  function withMessagesInFlight() {
    const ring = renderRing();
    ring.feed(atOneMinute());
    const primary = clusterOf(ring.store).primary!;
    const replicas = ring.store.getState().view.fcReplicas!.map((r) => (r.id === primary ? { ...r, inFlight: 4 } : r));
    act(() => ring.store.setState((s) => ({ view: { ...s.view, fcReplicas: replicas } })));
    const dots = [...document.querySelectorAll('circle.fc-msg')];
    const ends = (d: Element) => d.getAttribute('data-route')!.split('-').map((id) => replicaPoint(IDS.indexOf(id), IDS.length));
    return { primary, dots, ends };
  }

  it('shows messages in flight as a count and, under reduced motion, dots standing half way', () => {
    const { primary, dots, ends } = withMessagesInFlight();
    expect(replica(primary)).toHaveTextContent('✉4');
    expect(replica(primary)).toHaveAccessibleDescription(/; 4 messages in flight$/);
    expect(dots.map((d) => d.getAttribute('data-route')).sort()).toEqual(IDS.filter((id) => id !== primary).map((id) => `${primary}-${id}`));
    for (const d of dots) {
      const [from, to] = ends(d);
      expect(Number(d.getAttribute('cx'))).toBeCloseTo((from!.x + to!.x) / 2);
      expect(Number(d.getAttribute('cy'))).toBeCloseTo((from!.y + to!.y) / 2);
    }
  });

  it('sends the dots on their way from the sender when motion is welcome', () => {
    fakeReducedMotion(false);
    const { dots, ends } = withMessagesInFlight();
    expect(dots).toHaveLength(4);
    for (const d of dots) {
      const [from] = ends(d);
      expect(Number(d.getAttribute('cx'))).toBeCloseTo(from!.x);
      expect(Number(d.getAttribute('cy'))).toBeCloseTo(from!.y);
    }
  });
});

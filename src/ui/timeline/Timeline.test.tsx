import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../sim/actions';
import { formatClock, HOUR, MINUTE, SECOND } from '../../sim/engine/time';
import type { Marker, MarkerKind } from '../../sim/markers';
import { recordRun } from '../../test/recorded';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { ActionError } from '../components/ActionError';
import { FabricProvider, useActions } from '../context';
import { applyMessage } from '../store/apply';
import { createFabricStore, type FabricState } from '../store/store';
import { UiProvider } from '../store/ui';
import { CHUNK, markerName } from './marker-kinds';
import { Timeline } from './Timeline';

// counts the marker buttons rendered
vi.mock('./marker-kinds', async (importOriginal) => {
  const real = await importOriginal<typeof import('./marker-kinds')>();
  return { ...real, markerName: vi.fn(real.markerName) };
});

const T = 30 * MINUTE;
const H = HOUR;

let seq = 0;
const marker = (t: number, kind: MarkerKind, label = `${kind} thing`): Marker => ({ seq: seq++, t, kind, subject: 'c0-r1-h02', label });

function renderTimeline(init: Partial<FabricState> = {}, extra?: ReactNode) {
  const store = createFabricStore({ connection: 'ready', t: T, horizon: H, ...init });
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => void sent.push(m));
  render(
    <FabricProvider store={store} send={send}>
      <UiProvider>
        <Timeline />
        {extra}
      </UiProvider>
    </FabricProvider>,
  );
  const feed = (msgs: readonly FromWorker[]) => act(() => msgs.forEach((m) => applyMessage(store, m)));
  const setState = (s: Partial<FabricState>) => act(() => store.setState(s));
  return { store, sent, feed, setState };
}

const slider = () => screen.getByRole('slider', { name: 'Timeline' });
const seeks = (sent: readonly ToWorker[]) => sent.filter((m) => m.type === 'seek').map((m) => (m.type === 'seek' ? m.t : NaN));

afterEach(() => vi.useRealTimers());

describe('the scrubber', () => {
  it('is a slider from 0 to the horizon with the time as its value text', () => {
    renderTimeline();
    const s = slider();
    expect(s).toHaveAttribute('aria-valuemin', '0');
    expect(s).toHaveAttribute('aria-valuemax', String(H));
    expect(s).toHaveAttribute('aria-valuenow', String(T));
    expect(s).toHaveAttribute('aria-valuetext', '0+00:30:00');
    expect(s).toHaveAttribute('tabindex', '0');
    expect(screen.getByText('of 0+01:00:00')).toBeInTheDocument();
  });

  it('moves by a minute per arrow key and seeks once per key press', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline();
    slider().focus();
    await user.keyboard('{ArrowRight}');
    expect(seeks(sent)).toEqual([T + MINUTE]);
    // the handle waits at the target until the worker's clock gets there
    expect(slider()).toHaveAttribute('aria-valuetext', '0+00:31:00');
    await user.keyboard('{ArrowRight}{ArrowUp}');
    expect(seeks(sent)).toEqual([T + MINUTE, T + 2 * MINUTE, T + 3 * MINUTE]);
    await user.keyboard('{ArrowLeft}{ArrowDown}');
    expect(seeks(sent).slice(-2)).toEqual([T + 2 * MINUTE, T + MINUTE]);
  });

  it('seeks once when a held arrow key is released', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline();
    slider().focus();
    await user.keyboard('{ArrowLeft>5/}');
    expect(seeks(sent)).toEqual([T - 5 * MINUTE]);
  });

  it('goes to 0 and the horizon with Home and End, by a tenth with Shift, and leaves PageUp/PageDown alone', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline();
    slider().focus();
    await user.keyboard('{Home}');
    await user.keyboard('{End}');
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(seeks(sent)).toEqual([0, H, H - H / 10]);
    const page = fireEvent.keyDown(slider(), { key: 'PageUp' });
    fireEvent.keyDown(slider(), { key: 'PageDown' });
    expect(page).toBe(true); // not handled: the presenter may use it
    expect(seeks(sent)).toHaveLength(3);
  });

  it('never moves outside 0 and the horizon', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline({ t: 30 * SECOND, horizon: 90 * SECOND });
    slider().focus();
    await user.keyboard('{ArrowLeft}');
    await user.keyboard('{End}{ArrowRight}');
    expect(seeks(sent)).toEqual([0, 90 * SECOND]);
  });

  it('seeks after a pause when no key-up comes (assistive technology)', () => {
    vi.useFakeTimers();
    const { sent } = renderTimeline();
    fireEvent.keyDown(slider(), { key: 'ArrowRight' });
    fireEvent.keyDown(slider(), { key: 'ArrowRight' });
    expect(seeks(sent)).toEqual([]);
    act(() => vi.advanceTimersByTime(1000));
    expect(seeks(sent)).toEqual([T + 2 * MINUTE]);
  });

  it('shows the target while dragging and seeks once, on release', () => {
    const { sent } = renderTimeline();
    const s = slider();
    s.getBoundingClientRect = () => ({ left: 100, width: 400, top: 0, height: 40, right: 500, bottom: 40, x: 100, y: 0, toJSON: () => ({}) });
    // the track spans a little past the horizon (see scale.ts): one hour and two minutes here
    const span = H + 2 * MINUTE;
    fireEvent.pointerDown(s, { button: 0, pointerId: 1, clientX: 200 });
    expect(screen.getByTestId('seek-target')).toHaveTextContent(`Seek to ${formatClock(Math.round(span / 4 / SECOND) * SECOND)}`);
    fireEvent.pointerMove(s, { pointerId: 1, clientX: 300 });
    const half = formatClock(Math.round(span / 2 / SECOND) * SECOND);
    expect(s).toHaveAttribute('aria-valuetext', half);
    expect(screen.getByText(half, { selector: '.tl-now' })).toBeInTheDocument();
    expect(seeks(sent)).toEqual([]);
    fireEvent.pointerMove(s, { pointerId: 1, clientX: 900 });
    fireEvent.pointerUp(s, { pointerId: 1, clientX: 900 });
    // past the horizon: the horizon
    expect(seeks(sent)).toEqual([H]);
    expect(screen.queryByTestId('seek-target')).not.toBeInTheDocument();
  });

  it('lets go of the target once the clock moves, and follows the clock again', () => {
    const { sent, setState } = renderTimeline();
    fireEvent.keyDown(slider(), { key: 'Home' });
    fireEvent.keyUp(slider(), { key: 'Home' });
    expect(seeks(sent)).toEqual([0]);
    expect(slider()).toHaveAttribute('aria-valuenow', '0');
    setState({ t: 0 });
    expect(slider()).toHaveAttribute('aria-valuenow', '0');
    setState({ t: 5 * MINUTE });
    expect(slider()).toHaveAttribute('aria-valuenow', String(5 * MINUTE));
  });

  it('does nothing before the worker is ready', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline({ connection: 'connecting' });
    expect(slider()).toHaveAttribute('aria-disabled', 'true');
    slider().focus();
    await user.keyboard('{Home}');
    await user.click(screen.getByRole('button', { name: 'Next event' }));
    expect(sent).toEqual([]);
  });
});

describe('the Time toolbar', () => {
  it('steps to the previous and next fault, event and FC decision, and back to the start', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline();
    const bar = screen.getByRole('toolbar', { name: 'Time' });
    for (const name of ['Previous fault', 'Previous event', 'Next event', 'Next fault', 'Next FC decision', 'Back to start']) {
      await user.click(within(bar).getByRole('button', { name }));
    }
    expect(sent).toEqual([
      { type: 'stepTo', direction: 'prev', kind: 'fault' },
      { type: 'stepTo', direction: 'prev', kind: 'event' },
      { type: 'stepTo', direction: 'next', kind: 'event' },
      { type: 'stepTo', direction: 'next', kind: 'fault' },
      { type: 'stepTo', direction: 'next', kind: 'decision' },
      { type: 'seek', t: 0 },
    ]);
  });

  it('is reachable by keyboard, and says there is nothing before time 0 without losing focus', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline({ t: 0 });
    await user.tab();
    const start = screen.getByRole('button', { name: 'Back to start' });
    expect(start).toHaveFocus();
    expect(start).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Previous fault' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Previous fault' })).toHaveAttribute('aria-disabled', 'true');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Next event' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(sent).toEqual([{ type: 'stepTo', direction: 'next', kind: 'event' }]);
  });

  it('shows "replaying…" with progress while a seek replays history, and the target on the handle', () => {
    const { feed, setState } = renderTimeline({ t: 50 * MINUTE });
    const status = screen.getByRole('status', { name: 'Replay' });
    expect(status).toHaveTextContent('');
    feed([{ type: 'seeking', from: 0, to: 20 * MINUTE, done: false }]);
    expect(status).toHaveTextContent('replaying…');
    const bar = screen.getByRole('progressbar', { name: 'Replay progress' });
    expect(bar).not.toHaveAttribute('value'); // no progress known yet
    expect(slider()).toHaveAttribute('aria-valuetext', '0+00:20:00');
    feed([{ type: 'seeking', from: 5 * MINUTE, to: 20 * MINUTE, done: false }]);
    expect(screen.getByRole('progressbar', { name: 'Replay progress' })).toHaveAttribute('value', '0.25');
    // frames during the replay move it on too
    setState({ t: 10 * MINUTE });
    expect(screen.getByRole('progressbar', { name: 'Replay progress' })).toHaveAttribute('value', '0.5');
    expect(screen.getByText('50%')).toBeInTheDocument();
    feed([{ type: 'seeking', from: 20 * MINUTE, to: 20 * MINUTE, done: true }]);
    expect(status).toHaveTextContent('');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('measures a replay back from where it restarted, not from the time it left', () => {
    const { feed } = renderTimeline({ t: 50 * MINUTE });
    // the worker first reports the time it left, then where each slice of the replay ended
    feed([{ type: 'seeking', from: 50 * MINUTE, to: 40 * MINUTE, done: false }]);
    expect(screen.getByRole('progressbar', { name: 'Replay progress' })).not.toHaveAttribute('value');
    feed([{ type: 'seeking', from: 20 * MINUTE, to: 40 * MINUTE, done: false }]);
    expect(screen.getByRole('progressbar', { name: 'Replay progress' })).not.toHaveAttribute('value');
    feed([{ type: 'seeking', from: 35 * MINUTE, to: 40 * MINUTE, done: false }]);
    expect(screen.getByRole('progressbar', { name: 'Replay progress' })).toHaveAttribute('value', '0.75');
    feed([{ type: 'seeking', from: 50 * MINUTE, to: 40 * MINUTE, done: true }]);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});

describe('the markers', () => {
  const markers = [
    marker(0, 'deployment', 'deployment.running shop'),
    marker(2 * MINUTE, 'fault', 'fault.inject c0-r1-h02'),
    marker(4 * MINUTE, 'detection', 'health.detect c0-r1-h02 → Unreachable'),
    marker(10 * MINUTE, 'healing', 'fc.heal shop/WebRole_IN_1'),
    marker(40 * MINUTE, 'election', 'fc.raft.primary fc3'),
    marker(45 * MINUTE, 'repair', 'fault.repair c0-r1-h02'),
    marker(46 * MINUTE, 'inventory', 'container.added c1'),
  ];

  it('lists the faults, repairs, detections, healing and elections as buttons with one tab stop', () => {
    renderTimeline({ markers });
    const list = screen.getByRole('list', { name: 'Markers' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Fault at 0+00:02:00: fault.inject c0-r1-h02',
      'Detection at 0+00:04:00: health.detect c0-r1-h02 → Unreachable',
      'Healing at 0+00:10:00: fc.heal shop/WebRole_IN_1',
      'Election at 0+00:40:00: fc.raft.primary fc3',
      'Repair at 0+00:45:00: fault.repair c0-r1-h02',
    ]);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(new Set(buttons.map((b) => b.getAttribute('data-kind')))).toEqual(new Set(['fault', 'detection', 'healing', 'election', 'repair']));
  });

  it('lands on the marker at or before now when tabbed into, moves with arrows and shows the label on focus', async () => {
    const user = userEvent.setup();
    renderTimeline({ markers });
    slider().focus();
    await user.tab();
    const healing = screen.getByRole('button', { name: /^Healing at/ });
    expect(healing).toHaveFocus();
    expect(screen.getByTestId('marker-tooltip')).toHaveTextContent('0+00:10:00 Healing: fc.heal shop/WebRole_IN_1');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: /^Election at/ })).toHaveFocus();
    expect(screen.getByTestId('marker-tooltip')).toHaveTextContent('Election: fc.raft.primary fc3');
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: /^Fault at/ })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: /^Repair at/ })).toHaveFocus();
    expect(screen.getByRole('button', { name: /^Repair at/ }).tabIndex).toBe(0);
    // Escape hides the label; focus stays
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('marker-tooltip')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Repair at/ })).toHaveFocus();
  });

  it('shows the label on hover and seeks to a marker on click or Enter', async () => {
    const user = userEvent.setup();
    const { sent } = renderTimeline({ markers });
    const detection = screen.getByRole('button', { name: /^Detection at/ });
    await user.hover(detection);
    expect(screen.getByTestId('marker-tooltip')).toHaveTextContent('Detection: health.detect c0-r1-h02 → Unreachable');
    await user.click(detection);
    expect(seeks(sent)).toEqual([4 * MINUTE]);
    await user.keyboard('{ArrowRight}{Enter}');
    expect(seeks(sent)).toEqual([4 * MINUTE, 10 * MINUTE]);
    expect(slider()).toHaveAttribute('aria-valuetext', '0+00:10:00');
  });

  it('has a key naming every shape', () => {
    renderTimeline();
    const key = screen.getByRole('list', { name: 'Marker key' });
    expect(within(key).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['fault', 'repair', 'detection', 'healing', 'election']);
    expect(screen.getByRole('button', { name: 'Key' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows the markers of a real run', () => {
    const { feed } = renderTimeline();
    feed(recordRun({ seed: 3, startAt: 10 * MINUTE }, [{ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r1-h02' } }, { type: 'step' }, { type: 'requestFrame' }]));
    expect(screen.getByRole('button', { name: /^Election at 0\+00:00:03: fc\.raft\.primary fc\d/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Fault at 0\+00:10:00: fault\.inject c0-r1-h02/ })).toBeInTheDocument();
  });

  it('renders 2,000 markers once, and then only the chunks whose markers change', () => {
    const kinds = ['fault', 'repair', 'detection', 'healing', 'election'] as const;
    const many = Array.from({ length: 2000 }, (_, i) => marker(i * SECOND, kinds[i % 5]!));
    const named = vi.mocked(markerName);
    named.mockClear();
    const { setState } = renderTimeline({ markers: many, t: 2000 * SECOND, horizon: 2000 * SECOND });
    const buttons = () => screen.getByRole('list', { name: 'Markers' }).querySelectorAll('button');
    expect(buttons()).toHaveLength(2000);
    expect(named).toHaveBeenCalledTimes(2000);
    // frames that move the clock or the horizon render no marker
    named.mockClear();
    setState({ t: 1000 * SECOND });
    setState({ t: 2001 * SECOND, horizon: 2100 * SECOND });
    expect(named).not.toHaveBeenCalled();
    // a new marker (the oldest dropped, as the store keeps 2,000) renders the first and last chunks only
    setState({ markers: [...many.slice(1), marker(2101 * SECOND, 'fault')] });
    expect(buttons()).toHaveLength(2000);
    expect(named.mock.calls.length).toBeGreaterThan(0);
    expect(named.mock.calls.length).toBeLessThanOrEqual(2 * CHUNK);
  });
});

/** Sends an action through the app's actions, as a menu would. */
function ActButton({ action }: { action: Action }) {
  const actions = useActions();
  return (
    <button type="button" onClick={() => actions.act(action)}>
      Act
    </button>
  );
}

describe('the fork dialog', () => {
  const fail: Action = { do: 'fail', target: 'c0-r1-h02' };
  const refusal: FromWorker = { type: 'actResult', id: 1, action: 'fail', ok: false, error: 'would discard 2 later actions', futureActions: 2 };

  function refused() {
    const r = renderTimeline({ t: 12 * MINUTE }, <><ActButton action={fail} /><ActionError /></>);
    return r;
  }

  it('asks before discarding later actions, and acts again with fork on "Discard and act"', async () => {
    const user = userEvent.setup();
    const { sent, feed } = refused();
    await user.click(screen.getByRole('button', { name: 'Act' }));
    feed([refusal]);
    const dialog = screen.getByRole('dialog', { name: 'Discard your later actions?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('Acting now discards 2 later actions of yours after 0+00:12:00. Act anyway?');
    // the banner leaves this refusal to the dialog
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Discard and act' }));
    expect(sent).toEqual([
      { type: 'act', id: 1, action: fail },
      { type: 'act', id: 2, action: fail, fork: true },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Act' })).toHaveFocus();
  });

  it('keeps focus inside, and Escape cancels without acting', async () => {
    const user = userEvent.setup();
    const { sent, feed } = refused();
    await user.click(screen.getByRole('button', { name: 'Act' }));
    feed([{ ...refusal, futureActions: 1 } as FromWorker]);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAccessibleDescription('Acting now discards 1 later action of yours after 0+00:12:00. Act anyway?');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const discard = within(dialog).getByRole('button', { name: 'Discard and act' });
    await user.tab();
    expect(discard).toHaveFocus();
    await user.tab({ shift: true });
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(discard).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sent).toEqual([{ type: 'act', id: 1, action: fail }]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('closes on Cancel; other refusals stay with the banner', async () => {
    const user = userEvent.setup();
    const { sent, feed } = refused();
    await user.click(screen.getByRole('button', { name: 'Act' }));
    feed([refusal]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sent).toHaveLength(1);
    feed([{ type: 'actResult', id: 3, action: 'fail', ok: false, error: 'c0-r1-h02 has already failed' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Action refused: c0-r1-h02 has already failed');
  });
});

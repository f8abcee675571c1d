import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { recordRun } from '../../test/recorded';
import type { ToWorker } from '../../worker/protocol';
import { App } from '../App';
import { FabricProvider } from '../context';
import { applyMessage } from '../store/apply';
import { createFabricStore } from '../store/store';

function renderApp(notices: string[] = []) {
  const store = createFabricStore();
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => void sent.push(m));
  render(
    <FabricProvider store={store} send={send}>
      <App notices={notices} />
    </FabricProvider>,
  );
  const feed = (msgs: ReturnType<typeof recordRun>) => act(() => msgs.forEach((m) => applyMessage(store, m)));
  return { store, sent, feed };
}

describe('the app shell', () => {
  it('shows the clock, seed and hash from recorded worker frames', () => {
    const { feed } = renderApp();
    expect(screen.getByRole('button', { name: 'Play' })).toBeDisabled();
    feed(recordRun({ seed: 42, startAt: 3_723_000 }, [{ type: 'requestFrame' }]));
    expect(screen.getByRole('status', { name: 'Simulated time' })).toHaveTextContent('0+01:02:03');
    expect(screen.getByRole('status', { name: 'Seed' })).toHaveTextContent('42');
    expect(screen.getByRole('status', { name: 'Event-log hash' }).textContent).toMatch(/^[0-9a-f]{16}$/);
    expect(screen.getByRole('button', { name: 'Play' })).toBeEnabled();
  });

  it('posts commands for play, speed and step', async () => {
    const user = userEvent.setup();
    const { sent, feed } = renderApp();
    feed(recordRun({ seed: 1 }));
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '3600');
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(sent).toEqual([{ type: 'play' }, { type: 'setSpeed', speed: 3600 }, { type: 'step' }]);
  });

  it('shows the newest log records first, and one more after a step', () => {
    const { feed } = renderApp();
    const msgs = recordRun({ seed: 5, startAt: 60_000 }, [{ type: 'requestFrame' }, { type: 'step' }, { type: 'requestFrame' }]);
    feed(msgs.slice(0, 3));
    const log = screen.getByRole('log', { name: 'Event log' });
    const before = within(log).getAllByRole('listitem').length;
    const countBefore = Number(screen.getByLabelText('Events logged').textContent);
    feed(msgs.slice(3));
    const rows = within(log).getAllByRole('listitem');
    expect(rows.length).toBe(before + 1);
    expect(Number(screen.getByLabelText('Events logged').textContent)).toBe(countBefore + 1);
    expect(rows[0]!.getAttribute('data-seq')).toBe(String(countBefore));
    expect(log).toHaveAttribute('aria-live', 'polite');
  });

  it('shows a worker error as an alert, never a blank page', () => {
    const { feed } = renderApp();
    feed([{ type: 'error', message: 'RunawayError: more than 1000000 events at t=5 ms', detail: 'stack', fatal: true }]);
    expect(screen.getByRole('alert')).toHaveTextContent('The simulation stopped: RunawayError: more than 1000000 events');
    expect(screen.getByRole('heading', { name: 'Data center' })).toBeInTheDocument();
  });

  it('shows address problems as notices', () => {
    renderApp(['URL parameter seed: "x" is not a whole number']);
    expect(screen.getByText(/URL parameter seed/)).toHaveAttribute('role', 'status');
  });
});

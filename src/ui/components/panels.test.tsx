import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../test/recorded';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { FAIL_TOR, installDomFakes, renderApp } from '../datacenter/test-setup';

beforeEach(installDomFakes);

const recorded = (preset: string, commands: readonly ToWorker[] = []): FromWorker[] =>
  recordRun({ seed: 42, datacenter: { preset } }, [...commands, { type: 'requestFrame' }]);

const torFailed = (extra: readonly ToWorker[] = []) => recorded('demo', [...FAIL_TOR, ...extra]);

describe('the inspector', () => {
  it('asks for nothing until an asset is selected', () => {
    const { feed, sent } = renderApp();
    feed(recorded('demo'));
    const inspector = screen.getByRole('region', { name: 'Inspector' });
    expect(inspector).toHaveTextContent('Select an asset in the data center');
    expect(sent.filter((m) => m.type === 'inspect')).toEqual([]);
  });

  it('renders a recorded inspection of the selected host: status, facts, history, driver commands', async () => {
    const user = userEvent.setup();
    const { feed, sent } = renderApp();
    const msgs = torFailed([{ type: 'inspect', asset: 'c0-r1-h02' }]);
    feed(msgs.slice(0, 2));
    await user.click(screen.getByRole('button', { name: 'Host c0-r1-h02' }));
    await user.keyboard('{Escape}');
    expect(sent).toContainEqual({ type: 'inspect', asset: 'c0-r1-h02' });
    const inspector = screen.getByRole('region', { name: 'Inspector' });
    expect(inspector).toHaveTextContent('Loading c0-r1-h02');
    feed(msgs.slice(2));

    expect(within(inspector).getByRole('heading', { name: 'c0-r1-h02' })).toBeInTheDocument();
    expect(inspector).toHaveTextContent('Unreachable: alive, but the FC cannot reach it');
    const facts = within(inspector).getByText('Actual condition').parentElement!;
    expect(facts).toHaveTextContent('partitioned');
    expect(within(inspector).getByRole('list', { name: 'History of c0-r1-h02' })).toHaveTextContent('0+00:02:00 Unreachable');
    const commands = within(within(inspector).getByRole('list', { name: 'Driver commands sent to c0-r1-h02' })).getAllByRole('listitem');
    expect(commands.length).toBeGreaterThan(1);
    expect(commands[0]).toHaveTextContent(/powerCycle .*timeout/);
    expect(commands.at(-1)).toHaveTextContent(/powerCycle .*sent powerCycle\(via=c0-r1-pdu\)/);

    await user.click(within(inspector).getByRole('button', { name: 'Clear selection' }));
    expect(sent.at(-1)).toEqual({ type: 'inspect', asset: null });
    expect(inspector).toHaveTextContent('Select an asset');
  });
});

describe('the driver log', () => {
  it('lists driver commands newest first, announced while paused', () => {
    const { feed } = renderApp();
    feed(torFailed());
    const log = screen.getByRole('log', { name: 'Driver log' });
    const rows = within(log).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(3);
    const times = rows.map((r) => r.querySelector('time')!.textContent!);
    expect([...times].sort().reverse()).toEqual(times);
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(within(log).getAllByText('c0-r1-h02').length).toBeGreaterThan(0);
    expect(Number(screen.getByLabelText('Driver commands logged').textContent)).toBeGreaterThanOrEqual(rows.length);
  });

  it('keeps the event log beside it', () => {
    const { feed } = renderApp();
    feed(torFailed());
    expect(within(screen.getByRole('log', { name: 'Event log' })).getByText('fault.inject')).toBeInTheDocument();
  });
});

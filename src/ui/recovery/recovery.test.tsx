import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FabricProvider } from '../context';
import { applyRecovery } from '../store/apply';
import { createFabricStore } from '../store/store';
import { DebugPanel } from './DebugPanel';
import { RecoveryAlert } from './RecoveryAlert';
import { afreshSearch, readDebugSettings } from './debug';

function renderAlert(onStartAfresh = vi.fn()) {
  const store = createFabricStore();
  render(
    <FabricProvider store={store} send={vi.fn()}>
      <RecoveryAlert onStartAfresh={onStartAfresh} />
    </FabricProvider>,
  );
  return { store, onStartAfresh };
}

describe('the recovery alert', () => {
  it('says what happened and what was done, assertively, and can be dismissed', async () => {
    const user = userEvent.setup();
    const { store } = renderAlert();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    act(() => applyRecovery(store, 'recovering', 'The simulation worker stopped answering for 15 s.', 'Restarting from your run record at 0+01:23:45 with your 3 actions…'));
    expect(store.getState().connection).toBe('recovering');
    expect(screen.getByRole('alert')).toHaveTextContent('The simulation worker stopped answering for 15 s. Restarting from your run record at 0+01:23:45 with your 3 actions…');
    expect(within(screen.getByRole('alert')).queryByRole('button')).not.toBeInTheDocument();
    act(() => applyRecovery(store, 'recovered', 'The simulation worker stopped answering for 15 s.', 'Restarted from your run record at 0+01:23:45 with your 3 actions; nothing was lost.'));
    expect(screen.getByRole('alert')).toHaveTextContent('nothing was lost');
    await user.click(screen.getByRole('button', { name: 'Dismiss the recovery message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // a new failure shows again
    act(() => applyRecovery(store, 'recovering', 'The simulation worker crashed: boom.', 'Restarting…'));
    expect(screen.getByRole('alert')).toHaveTextContent('crashed: boom');
  });

  it('offers to start afresh when the run could not be restarted', async () => {
    const user = userEvent.setup();
    const { store, onStartAfresh } = renderAlert();
    act(() => applyRecovery(store, 'gave-up', 'The simulation worker crashed: boom.', 'It could not be restarted from your run record. Start afresh to begin a new run.'));
    expect(store.getState().connection).toBe('failed');
    await user.click(screen.getByRole('button', { name: 'Start afresh' }));
    expect(onStartAfresh).toHaveBeenCalledOnce();
  });
});

describe('the Debug panel', () => {
  it('is a group named Debug whose buttons inject a crash and a hang, from the keyboard too', async () => {
    const user = userEvent.setup();
    const inject = vi.fn();
    render(<DebugPanel inject={inject} />);
    const group = screen.getByRole('group', { name: 'Debug' });
    await user.click(within(group).getByRole('button', { name: 'Crash the worker' }));
    within(group).getByRole('button', { name: 'Hang the worker' }).focus();
    await user.keyboard('{Enter}');
    expect(inject.mock.calls).toEqual([['crash'], ['hang']]);
  });

  it('is switched on by ?debug=1, which also reads hangMs', () => {
    expect(readDebugSettings('')).toEqual({ debug: false, problems: [] });
    expect(readDebugSettings('?debug=1&hangMs=3000')).toEqual({ debug: true, hangMs: 3000, problems: [] });
    expect(readDebugSettings('?debug=1&hangMs=5').problems[0]).toMatch(/hangMs: "5" is not a whole number of ms from 1000/);
    expect(readDebugSettings('?hangMs=3000').problems[0]).toMatch(/only with debug=1/);
    expect(afreshSearch('?seed=4&debug=1&hangMs=3000&t=2h')).toBe('?debug=1&hangMs=3000');
    expect(afreshSearch('?seed=4')).toBe('');
  });
});

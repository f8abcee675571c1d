/** The Saved data dialog: lists what this browser keeps, clears one thing or everything (asked first), shows storage errors. */

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runFileToJson } from '../../sim/timeline/record';
import { FILES_KEY, savedValue } from '../servicemodel/persistence';
import { MemoryKept } from './db';
import { formatBytes, SavedDataButton } from './SavedData';
import { keepRuns } from './runs';
import { importScenario } from './scenarios';
import { persistStatus, reportPersistError, resetPersistStatus, setKeptKind } from './status';

const CSDEF = '<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"/>';
const STORM = JSON.stringify({
  scenario: 1,
  name: 'A storm <b>of</b> failures',
  datacenter: { preset: 'classroom' },
  services: [{ name: 'shop', csdef: 'ServiceDefinition.csdef', cscfg: '<ServiceConfiguration serviceName="shop"/>' }],
  steps: [{ at: '0s', do: 'deploy', service: 'shop' }],
});

async function filled(): Promise<MemoryKept> {
  const db = new MemoryKept();
  await db.put('servicemodel', FILES_KEY, savedValue({ sample: 'shop', edited: true, files: { csdef: { name: 'ServiceDefinition.csdef', text: CSDEF }, cscfg: { name: 'Cloud.cscfg', text: 'é'.repeat(600) } } }), 'test');
  const r = await importScenario(db, [new File([STORM], 'storm.json'), new File([CSDEF], 'ServiceDefinition.csdef')]);
  if (!r.ok) throw new Error(r.message);
  const listeners: ((run: never) => void)[] = [];
  keepRuns({ subscribeRun: (fn) => (listeners.push(fn as never), () => undefined) }, '?seed=42&t=10m', db);
  const run = {
    fabricLab: 'run' as const,
    version: 1 as const,
    base: { kind: 'setup' as const, seed: 42, datacenter: { preset: 'demo' }, timing: 'realistic' as const, deploy: [] },
    actions: [{ at: 5, action: { do: 'fail' as const, target: 'c0-r1-tor' } }],
    t: 3_723_000,
    hash: '0123456789abcdef',
    events: 2,
  };
  listeners[0]!(run as never);
  await waitFor(async () => expect(await db.keys('runs')).toEqual(['?seed=42&t=10m']));
  expect(runFileToJson(run)).toContain('c0-r1-tor');
  return db;
}

async function openDialog(db: MemoryKept) {
  const user = userEvent.setup();
  render(<SavedDataButton db={db} />);
  const button = screen.getByRole('button', { name: 'Saved data' });
  await user.click(button);
  const dialog = screen.getByRole('dialog', { name: 'Saved data' });
  await within(dialog).findByRole('heading', { name: 'Your scenarios' });
  return { user, button, dialog };
}

beforeEach(() => resetPersistStatus());
afterEach(() => vi.unstubAllGlobals());

describe('the Saved data dialog', () => {
  it('lists the edited files with sizes, the scenarios, the runs with moment and actions, and the storage estimate', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: { estimate: async () => ({ usage: 1_572_864, quota: 2 * 1024 ** 3 }) } });
    const { dialog } = await openDialog(await filled());
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
    expect(within(dialog).getByRole('list', { name: 'Service model files' })).toHaveTextContent(`ServiceDefinition.csdef (${CSDEF.length} bytes)Cloud.cscfg (1.2 KB)`);
    expect(dialog).toHaveTextContent('Edited in the Service model panel.');
    const scenarios = within(dialog).getByRole('list', { name: 'Your scenarios' });
    expect(scenarios).toHaveTextContent('storm');
    // a name from a user's file is text, never HTML
    expect(scenarios).toHaveTextContent('"A storm <b>of</b> failures"');
    expect(dialog.querySelector('b')).toBeNull();
    expect(within(dialog).getByRole('list', { name: 'Saved runs' })).toHaveTextContent('?seed=42&t=10m at 0+01:02:03, 1 action');
    await waitFor(() => expect(dialog).toHaveTextContent('Storage: 1.5 MB used of the 2 GB this browser allows this site.'));
  });

  it('clears one thing at a time, saying so', async () => {
    const db = await filled();
    const { user, dialog } = await openDialog(db);
    await user.click(within(dialog).getByRole('button', { name: 'Clear scenario storm' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Cleared the scenario storm.'));
    expect(await db.keys('scenarios')).toEqual([]);
    expect(within(dialog).queryByRole('list', { name: 'Your scenarios' })).toBeNull();
    expect(dialog).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Clear the run of ?seed=42&t=10m' }));
    await waitFor(async () => expect(await db.keys('runs')).toEqual([]));
    await user.click(within(dialog).getByRole('button', { name: 'Clear the service model files' }));
    await waitFor(async () => expect(await db.keys('servicemodel')).toEqual([]));
    await waitFor(() => expect(dialog).toHaveTextContent('Nothing is kept.'));
    expect(within(dialog).getByRole('button', { name: 'Clear everything' })).toBeDisabled();
  });

  it('asks before clearing everything', async () => {
    const db = await filled();
    const { user, dialog } = await openDialog(db);
    await user.click(within(dialog).getByRole('button', { name: 'Clear everything' }));
    const ask = within(dialog).getByRole('group', { name: 'Clear everything?' });
    expect(within(ask).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(await db.keys('scenarios')).toEqual(['storm.json']);

    await user.click(within(dialog).getByRole('button', { name: 'Clear everything' }));
    await user.click(within(dialog).getByRole('button', { name: 'Yes, clear everything' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Cleared everything.'));
    for (const s of ['servicemodel', 'scenarios', 'runs'] as const) expect(await db.keys(s)).toEqual([]);
  });

  it('shows storage errors and that nothing is kept, and closes with Escape, focus back on the button', async () => {
    setKeptKind('memory', 'Nothing you make here will survive a reload: test.');
    reportPersistError('Your run could not be saved in this browser: its storage for this site is full.');
    const { user, button, dialog } = await openDialog(new MemoryKept());
    expect(button).toHaveAccessibleDescription('1 storage error');
    expect(dialog).toHaveTextContent('Nothing you make here will survive a reload: test.');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Your run could not be saved in this browser: its storage for this site is full.');
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss errors' }));
    expect(persistStatus.getState().errors).toEqual([]);
    expect(button).toHaveAccessibleDescription('not kept after a reload');
    // Tab stays in the dialog
    for (let i = 0; i < 6; i++) await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('says when what is kept cannot be read', async () => {
    const db = new MemoryKept();
    db.entries = async () => {
      throw new Error('What this browser keeps for Fabric Lab could not be read (UnknownError).');
    };
    const user = userEvent.setup();
    render(<SavedDataButton db={db} />);
    await user.click(screen.getByRole('button', { name: 'Saved data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('What this browser keeps for Fabric Lab could not be read (UnknownError).');
  });

  it('formats sizes', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1,023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });
});

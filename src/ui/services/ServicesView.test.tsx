import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../sim/engine/time';
import { act, recordTimeline, SHOP_RUNNING_AT, shopFilesWithQueue, wait, type Cue } from '../../test/timeline';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { installDomFakes, renderApp } from '../datacenter/test-setup';

beforeEach(installDomFakes);

const running = (extra: readonly Cue[] = []): FromWorker[] => recordTimeline({}, [wait(SHOP_RUNNING_AT), ...extra]);

const MATRIX = 'Fault domain by update domain matrix of shop (production)';

/** The app on its Services tab, fed with recorded frames. */
async function openServices(msgs: readonly FromWorker[]) {
  const user = userEvent.setup();
  const app = renderApp();
  await user.click(screen.getByRole('tab', { name: 'Services' }));
  app.feed(msgs);
  return { user, ...app };
}

const grid = () => screen.getByRole('grid', { name: MATRIX });
const cell = (fd: number, ud: number) => within(grid()).getByRole('gridcell', { name: new RegExp(`^FD ${fd}, UD ${ud}(;|$)`) });
const instance = (id: string) => within(grid()).getByRole('button', { name: id });
const acts = (sent: readonly ToWorker[]) => sent.flatMap((m) => (m.type === 'act' ? [m.action] : []));

describe('the main area', () => {
  it('has a Data center and a Services tab; arrow keys switch; the hidden view keeps its state', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(running());
    const tabs = screen.getAllByRole('tab').filter((t) => t.closest('[aria-label="Views"]'));
    expect(tabs.map((t) => t.textContent)).toEqual(['Data center', 'Services']);
    expect(screen.getByRole('tab', { name: 'Data center' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Data center' })).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'Go to asset' }), 'c0-r1');

    screen.getByRole('tab', { name: 'Data center' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Services' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Services' })).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Go to asset' })).not.toBeInTheDocument();
    expect(grid()).toBeInTheDocument();

    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Data center' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Go to asset' })).toHaveValue('c0-r1');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });
});

describe('the fault domain x update domain matrix', () => {
  it('lays the shop sample out as the Latin square: one instance of each role per FD column and per UD row', async () => {
    await openServices(running());
    expect(within(grid()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['UD \\ FD', 'FD 0', 'FD 1', 'FD 2']);
    expect(within(grid()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['UD 0', 'UD 1', 'UD 2']);
    const expected: Record<string, [fd: number, ud: number, host: string]> = {
      'shop/WebRole_IN_0': [0, 0, 'c0-r0-h00'],
      'shop/WebRole_IN_1': [1, 1, 'c0-r1-h00'],
      'shop/WebRole_IN_2': [2, 2, 'c0-r2-h00'],
      'shop/WorkerRole_IN_0': [1, 0, 'c0-r1-h01'],
      'shop/WorkerRole_IN_1': [2, 1, 'c0-r2-h01'],
      'shop/WorkerRole_IN_2': [0, 2, 'c0-r0-h01'],
    };
    const names = within(grid())
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names.sort()).toEqual(Object.keys(expected).sort());
    for (const [id, [fd, ud, host]] of Object.entries(expected)) {
      expect(within(cell(fd, ud)).getByRole('button', { name: id })).toHaveAccessibleDescription(`ReadyRole; host ${host}; version v1`);
    }
    for (const role of ['WebRole', 'WorkerRole']) {
      for (let k = 0; k < 3; k++) {
        const inColumn = [0, 1, 2].map((ud) => within(cell(k, ud)).queryAllByRole('button', { name: new RegExp(`^shop/${role}_IN_`) }).length);
        const inRow = [0, 1, 2].map((fd) => within(cell(fd, k)).queryAllByRole('button', { name: new RegExp(`^shop/${role}_IN_`) }).length);
        expect(inColumn.reduce((a, b) => a + b)).toBe(1);
        expect(inRow.reduce((a, b) => a + b)).toBe(1);
      }
    }
    expect(within(cell(2, 0)).queryAllByRole('button')).toHaveLength(0);
    expect(grid().querySelectorAll('.is-hit')).toHaveLength(0);
  });

  it('has one tab stop; arrow keys move between cells and through empty ones', async () => {
    const { user } = await openServices(running());
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    screen.getByRole('combobox', { name: 'Deployment' }).focus();
    instance('shop/WebRole_IN_0').focus();
    expect(instance('shop/WebRole_IN_0')).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowRight}');
    expect(instance('shop/WorkerRole_IN_0')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cell(2, 0)).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cell(2, 0)).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(instance('shop/WorkerRole_IN_1')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(instance('shop/WebRole_IN_1')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(cell(1, 2)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(instance('shop/WorkerRole_IN_2')).toHaveFocus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(instance('shop/WebRole_IN_2')).toHaveFocus();
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(instance('shop/WebRole_IN_2')).toHaveAttribute('tabindex', '0');
  });

  it('Enter selects an instance and opens its menu; Reboot sends the action and focus comes back', async () => {
    const { user, sent } = await openServices(running());
    instance('shop/WebRole_IN_0').focus();
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(instance('shop/WebRole_IN_1')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(sent).toContainEqual({ type: 'inspect', asset: 'shop/WebRole_IN_1' });
    const menu = screen.getByRole('menu', { name: 'Actions for shop/WebRole_IN_1' });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Reboot', 'Reimage', 'Fail role (crash)', 'Hang VM', 'Repair']);
    expect(within(menu).getByRole('menuitem', { name: 'Reboot' })).toHaveFocus();
    expect(within(menu).getByRole('menuitem', { name: 'Repair' })).toHaveAttribute('aria-disabled', 'true');
    expect(instance('shop/WebRole_IN_1')).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(acts(sent)).toEqual([{ do: 'reboot', target: 'shop/WebRole_IN_1' }]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(instance('shop/WebRole_IN_1')).toHaveFocus();

    // Escape closes without acting; a click opens it too
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Fail role (crash)' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(instance('shop/WebRole_IN_1')).toHaveFocus();
    await user.click(instance('shop/WorkerRole_IN_2'));
    await user.click(screen.getByRole('menuitem', { name: 'Hang VM' }));
    expect(acts(sent)).toEqual([
      { do: 'reboot', target: 'shop/WebRole_IN_1' },
      { do: 'fail', target: 'shop/WorkerRole_IN_2', mode: 'hang' },
    ]);
  });

  it('marks the cell of an instance hit by a host failure, with a pattern and words', async () => {
    const crash = act(1, { do: 'fail', target: 'c0-r1-h00', mode: 'crash' });
    await openServices(running([crash, wait(3 * MINUTE)]));
    const hit = cell(1, 1);
    expect(hit).toHaveAccessibleName('FD 1, UD 1; 1 instance not ready');
    expect(hit).toHaveClass('is-hit');
    expect(hit).toHaveTextContent('1 not ready');
    expect(within(hit).getByRole('button', { name: 'shop/WebRole_IN_1' })).toHaveAccessibleDescription('UnresponsiveRole; host c0-r1-h00; version v1');
    expect(cell(1, 0)).not.toHaveClass('is-hit');
    expect(grid().querySelectorAll('.is-hit')).toHaveLength(1);
  });
});

describe('the summary and actions', () => {
  it('shows the deployment, its roles and the durable-storage contrast', async () => {
    await openServices(running());
    expect(screen.getByRole('combobox', { name: 'Deployment' })).toHaveDisplayValue('shop (production)');
    const facts = screen.getByText('DNS name').closest('dl')!;
    expect(facts).toHaveTextContent('StatusRunning');
    expect(facts).toHaveTextContent('DNS nameshop.cloudapp.net');
    expect(facts).toHaveTextContent('VIP65.52.0.1');
    expect(facts).toHaveTextContent('AvailabilityAvailable');
    expect(facts).toHaveTextContent('Downtimenone');
    const roles = screen.getByRole('table', { name: 'Roles: ready instances of goal' });
    expect(within(roles).getByRole('row', { name: /^WebRole/ })).toHaveTextContent('WebRoleweb role, Small, behind the load balancer3/3 ready');
    expect(within(roles).getByRole('row', { name: /^WorkerRole/ })).toHaveTextContent('WorkerRoleworker role, Small3/3 ready');
    expect(screen.getByText(/blobs? written — survives every fault/)).toHaveTextContent(/^Durable storage: \d+ blobs written — survives every fault$/);
    expect(screen.getByText(/lost on reimage/)).toHaveTextContent('Differencing disks: lost on reimage and host loss');
    expect(screen.getByRole('button', { name: 'VIP swap' })).toBeDisabled();
  });

  it('checks the count before scaling, then sends it', async () => {
    const { user, sent } = await openServices(running());
    const count = screen.getByRole('spinbutton', { name: 'Instances' });
    await user.clear(count);
    await user.type(count, '0');
    await user.click(screen.getByRole('button', { name: 'Scale role' }));
    expect(count).toHaveAccessibleDescription('Instance count must be from 1 to 10,000; 0 is not.');
    expect(acts(sent)).toEqual([]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'WorkerRole');
    await user.clear(count);
    await user.type(count, '5');
    await user.click(screen.getByRole('button', { name: 'Scale role' }));
    expect(acts(sent)).toEqual([{ do: 'scale', role: 'shop/WorkerRole', count: 5 }]);
    expect(screen.getByText('Sent: scale shop/WorkerRole to 5.')).toBeInTheDocument();
  });
});

describe('deployment actions', () => {
  it('asks before deleting; sends a host OS update; an upgrade reads the Service model panel\'s files', async () => {
    localStorage.removeItem('fabric-lab:servicemodel:files');
    const { user, sent } = await openServices(running());
    await user.click(screen.getByRole('button', { name: 'Delete deployment' }));
    expect(acts(sent)).toEqual([]);
    expect(screen.getByRole('group', { name: 'Confirm the deletion' })).toHaveTextContent('Delete shop (production)?');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(acts(sent)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Delete deployment' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Host OS update' }));
    expect(acts(sent)).toEqual([{ do: 'delete', service: 'shop', slot: 'production' }, { do: 'updateHostOs' }]);

    // no files in the panel yet: the upgrade says so and sends nothing
    await user.click(screen.getByRole('button', { name: 'Start upgrade' }));
    expect(within(screen.getByRole('region', { name: 'Upgrade' })).getByRole('alert')).toHaveTextContent('The Service model panel has no files yet');
    expect(acts(sent)).toHaveLength(2);
    const files = shopFilesWithQueue('orders-v3');
    const text = (f: { bytes: string | Uint8Array }) => (typeof f.bytes === 'string' ? f.bytes : new TextDecoder().decode(f.bytes));
    localStorage.setItem(
      'fabric-lab:servicemodel:files',
      JSON.stringify({ version: 1, sample: 'shop', edited: true, csdef: { name: files.csdef.name, text: text(files.csdef) }, cscfg: { name: files.cscfg.name, text: text(files.cscfg) } }),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Upgrade mode' }), 'auto');
    await user.click(screen.getByRole('button', { name: 'Start upgrade' }));
    expect(acts(sent).at(-1)).toEqual({
      do: 'upgrade',
      service: 'shop',
      mode: 'auto',
      files: { csdef: { name: 'ServiceDefinition.csdef', bytes: text(files.csdef) }, cscfg: { name: 'ServiceConfiguration.cscfg', bytes: text(files.cscfg) } },
    });
    expect(screen.getByText('Sent: auto upgrade of shop (production) to ServiceDefinition.csdef and ServiceConfiguration.cscfg (edited).')).toBeInTheDocument();
    localStorage.removeItem('fabric-lab:servicemodel:files');
  });
});

describe('a manual upgrade', () => {
  const upgrade = act(1, { do: 'upgrade', service: 'shop', mode: 'manual', files: shopFilesWithQueue('orders-v2') });
  const walk = (id: number) => act(id, { do: 'walk', service: 'shop' });

  it('shows a tile per update domain and the update domain being walked', async () => {
    await openServices(running([upgrade, wait(MINUTE), walk(2), wait(20 * SECOND)]));
    const tiles = screen.getByRole('list', { name: 'Update domains' });
    expect(within(tiles).getAllByRole('listitem').map((t) => t.textContent)).toEqual([
      'UD 0in progress, being walked',
      'UD 1pending',
      'UD 2pending',
    ]);
    expect(screen.getByRole('region', { name: 'Upgrade' })).toHaveTextContent('Upgrade from v1 to v2, manual mode: 0 of 3 update domains completed.');
    expect(within(grid()).getByRole('rowheader', { name: 'UD 0, being upgraded' })).toBeInTheDocument();
    expect(within(grid()).getByRole('rowheader', { name: 'UD 1' })).toBeInTheDocument();
    const walkButton = screen.getByRole('button', { name: 'Walk next update domain' });
    expect(walkButton).toBeDisabled();
    expect(walkButton).toHaveAccessibleDescription('Update domain 0 is still being upgraded.');
    expect(screen.getByRole('button', { name: 'Roll back' })).toBeEnabled();
  });

  it('completes an update domain: its instances run the new version, and the next walk is offered', async () => {
    const { user, sent } = await openServices(running([upgrade, wait(MINUTE), walk(2), wait(8 * MINUTE)]));
    const tiles = screen.getByRole('list', { name: 'Update domains' });
    expect(within(tiles).getAllByRole('listitem').map((t) => t.textContent)).toEqual(['UD 0completed', 'UD 1pending', 'UD 2pending']);
    expect(instance('shop/WebRole_IN_0')).toHaveAccessibleDescription(/^ReadyRole; host c0-r0-h00; version v2$/);
    expect(instance('shop/WorkerRole_IN_0')).toHaveAccessibleDescription(/version v2$/);
    expect(instance('shop/WebRole_IN_1')).toHaveAccessibleDescription(/version v1$/);
    await user.click(screen.getByRole('button', { name: 'Walk next update domain' }));
    expect(acts(sent)).toEqual([{ do: 'walk', service: 'shop' }]);
  });
});

describe('the charts', () => {
  it('summarise ready instances and availability, and show their data as tables', async () => {
    const crash = act(1, { do: 'fail', target: 'c0-r1-h00', mode: 'crash' });
    const { user } = await openServices(running([crash, wait(40 * MINUTE)]));
    const ready = screen.getByRole('img', { name: /^Ready instances per role of shop \(production\)/ });
    expect(ready).toHaveAccessibleName(
      expect.stringMatching(/WebRole 3 ready now, at most 3, dipped to 2; WorkerRole 3 ready now, at most 3, never dipped\. \d+ fault, repair, detection or healing events? marked\./),
    );
    expect(ready.querySelectorAll('.lines path')).toHaveLength(2);
    expect(ready.querySelectorAll('g.marker').length).toBeGreaterThanOrEqual(2);
    const avail = screen.getByRole('img', { name: /^Availability of shop \(production\)/ });
    expect(avail).toHaveAccessibleName(expect.stringMatching(/available now; 0 outages, no downtime\.$/));

    const toggles = screen.getAllByRole('button', { name: 'Show as table' });
    await user.click(toggles[0]!);
    const table = screen.getByRole('table', { name: 'Ready instances per role of shop (production)' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Time', 'WebRole', 'WorkerRole']);
    const points = rows.slice(1).map((r) => r.textContent);
    expect(points[0]).toMatch(/^0\+00:00:\d\d00$/);
    expect(points.at(-1)).toMatch(/33$/);
    expect(points).toContain('0+00:12:0023');
    const events = screen.getByRole('table', { name: 'Events marked on the chart' });
    expect(events).toHaveTextContent('0+00:10:00faultfault.inject c0-r1-h00 (crash)');
    expect(events).toHaveTextContent('detectionhealth.detect c0-r1-h00 → Down');
    expect(events).toHaveTextContent('healingfc.heal shop/production');
    expect(screen.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('the instance inspector', () => {
  it('shows a selected instance: where it runs, its disk layers and what each operation keeps', async () => {
    const { user, sent } = await openServices(running([{ type: 'inspect', asset: 'shop/WebRole_IN_1' }]));
    await user.click(instance('shop/WebRole_IN_1'));
    await user.keyboard('{Escape}');
    const inspector = screen.getByRole('region', { name: 'Inspector' });
    expect(within(inspector).getByRole('heading', { name: 'shop/WebRole_IN_1' })).toBeInTheDocument();
    expect(inspector).toHaveTextContent('ReadyRole: ready, in the load balancer');
    expect(inspector).toHaveTextContent('Hostc0-r1-h00');
    expect(inspector).toHaveTextContent('Fault domain1');
    expect(inspector).toHaveTextContent('Update domain1');
    expect(inspector).toHaveTextContent(/Computer nameRD[0-9A-F]+/);
    expect(inspector).toHaveTextContent(/DIP10\.\d+\.\d+\.\d+/);
    const disks = within(inspector).getByRole('table', { name: 'Disk layers of shop/WebRole_IN_1: kept or rebuilt by each operation' });
    const rows = within(disks).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Drive',
      'What it is',
      'Size',
      'VM reboot',
      'Portal reboot',
      'Portal reimage',
      'Host loss',
    ]);
    expect(rows.slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['C:', 'D:', 'E:']);
    expect(rows[2]).toHaveTextContent(/^D:differencing \/ resource disk \(this host only\) \(generation 1\)\d+ MiB✓ kept✓ kept↻ rebuilt↻ rebuilt$/);
    expect(within(inspector).getByRole('list', { name: 'History of shop/WebRole_IN_1' })).toHaveTextContent('ReadyRole');
    await user.click(within(inspector).getByRole('button', { name: 'Reimage' }));
    expect(acts(sent)).toEqual([{ do: 'reimage', target: 'shop/WebRole_IN_1' }]);
  });
});

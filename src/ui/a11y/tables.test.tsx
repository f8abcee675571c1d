import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../test/recorded';
import { recordTimeline, SHOP_RUNNING_AT, wait } from '../../test/timeline';
import type { ToWorker } from '../../worker/protocol';
import { FAIL_TOR, installDomFakes, renderApp } from '../datacenter/test-setup';
import { RACKS_PER_PAGE } from './DatacenterTable';
import { setTableView } from './tables';

beforeEach(installDomFakes);
afterEach(() => {
  setTableView('datacenter', false);
  setTableView('services', false);
});

const recorded = (preset: string, commands: readonly ToWorker[] = []) => recordRun({ seed: 42, datacenter: { preset } }, [...commands, { type: 'requestFrame' }]);

const headers = (table: HTMLElement, role: 'columnheader' | 'rowheader') => within(table).getAllByRole(role).map((h) => h.textContent);

describe('the data center as tables', () => {
  it('lists containers, load balancers, racks and the hosts of a rack, by keyboard from the Data center tab', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(recorded('demo', FAIL_TOR));
    const toggle = screen.getByRole('button', { name: 'Table view' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // from the tab, Tab reaches the toggle
    screen.getByRole('tab', { name: 'Data center' }).focus();
    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // the drawing is hidden, not gone: its buttons are not in the accessibility tree
    expect(screen.queryByRole('group', { name: 'Data center assets' })).not.toBeInTheDocument();

    const containers = screen.getByRole('table', { name: 'Containers' });
    expect(headers(containers, 'columnheader')).toEqual(['Container', 'State', 'Racks', 'Hosts', 'Aggregation switches']);
    expect(headers(containers, 'rowheader')).toEqual(['c0', 'c1']);
    expect(within(containers).getAllByRole('row')[1]).toHaveTextContent('c0InService432 hosts: 24 Healthy, 8 Unreachablec0-agg0: Up: working; c0-agg1: Up: working');
    for (const th of within(containers).getAllByRole('columnheader')) expect(th).toHaveAttribute('scope', 'col');
    for (const th of within(containers).getAllByRole('rowheader')) expect(th).toHaveAttribute('scope', 'row');
    expect(screen.getByRole('table', { name: 'Load balancers' })).toHaveTextContent('lb0Up: working');

    const racks = screen.getByRole('table', { name: 'Racks 1–8' });
    expect(headers(racks, 'rowheader')).toEqual(['c0-r0', 'c0-r1', 'c0-r2', 'c0-r3', 'c1-r0', 'c1-r1', 'c1-r2', 'c1-r3']);
    const r1 = within(racks).getAllByRole('row')[2]!;
    expect(r1).toHaveTextContent('c0-r1Failed: the rack is cut offUp: working8 hosts: 8 Unreachable');

    // the hosts of the first rack are shown; "Show hosts" picks another
    expect(screen.getByRole('table', { name: /^Hosts of rack c0-r0/ })).toBeInTheDocument();
    await user.click(within(r1).getByRole('button', { name: 'Show hosts of c0-r1' }));
    const hosts = screen.getByRole('table', { name: 'Hosts of rack c0-r1: ToR switch Failed: the rack is cut off; PDU Up: working' });
    expect(headers(hosts, 'columnheader')).toEqual(['Host', 'Status', 'Fault', 'Role instances', 'Inspector']);
    expect(headers(hosts, 'rowheader')).toHaveLength(8);
    expect(within(hosts).getAllByRole('row')[1]).toHaveTextContent(/^c0-r1-h00Unreachablepartitioned\d+Inspect c0-r1-h00$/);

    // only the racks with a problem
    await user.click(screen.getByRole('checkbox', { name: 'Only racks with a problem' }));
    expect(headers(screen.getByRole('table', { name: 'Racks 1–1 with a problem' }), 'rowheader')).toEqual(['c0-r1']);

    // Inspect selects the host for the inspector
    await user.click(within(hosts).getByRole('button', { name: 'Inspect c0-r1-h03' }));
    expect(within(screen.getByRole('region', { name: 'Inspector' })).getByText(/c0-r1-h03/)).toBeInTheDocument();

    await user.click(toggle);
    expect(screen.queryByRole('table', { name: 'Containers' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Data center assets' })).toBeInTheDocument();
  }, 30_000);

  it('pages through the 2,000 racks of the region, never drawing every host', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(recorded('region'));
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(screen.getByText('Racks 1–20 of 2,000')).toBeInTheDocument();
    expect(headers(screen.getByRole('table', { name: 'Racks 1–20' }), 'rowheader')).toHaveLength(RACKS_PER_PAGE);
    await user.click(screen.getByRole('button', { name: 'Next racks' }));
    expect(headers(screen.getByRole('table', { name: 'Racks 21–40' }), 'rowheader')[0]).toBe('c0-r20');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Container' }), 'c49');
    const last = screen.getByRole('table', { name: 'Racks 1–20 of c49' });
    expect(headers(last, 'rowheader')[0]).toBe('c49-r0');
    // a page: 50 containers, 2 load balancers, 20 racks and one rack's 50 hosts
    expect(document.querySelectorAll('.dc-tables tr').length).toBeLessThan(150);
  });
});

describe('the fault domain x update domain matrix as a table', () => {
  it('is a real table with a caption and scoped headers, from the Services tab', async () => {
    const user = userEvent.setup();
    const app = renderApp();
    await user.click(screen.getByRole('tab', { name: 'Services' }));
    app.feed(recordTimeline({}, [wait(SHOP_RUNNING_AT)]));
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: /^Fault domains × update domains of shop \(production\): 6 instances, all ready$/ });
    expect(table.querySelector('caption')).not.toBeNull();
    expect(headers(table, 'columnheader')).toEqual(['Fault domain 0', 'Fault domain 1', 'Fault domain 2']);
    expect(headers(table, 'rowheader')).toEqual(['Update domain 0', 'Update domain 1', 'Update domain 2']);
    for (const th of table.querySelectorAll('thead th')) expect(th).toHaveAttribute('scope', 'col');
    for (const th of table.querySelectorAll('tbody th')) expect(th).toHaveAttribute('scope', 'row');
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((c) => c.textContent).join(' ')).toMatch(/shop\/WebRole_IN_0: ReadyRole, host c\d-r\d-h\d\d, version /);
    expect(within(table).getAllByRole('listitem')).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(screen.getByRole('grid')).toBeInTheDocument();
  });
});

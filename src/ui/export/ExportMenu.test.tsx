import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogRecord } from '../../sim/engine/log';
import { MINUTE } from '../../sim/engine/time';
import { buildReport } from '../../sim/report';
import { serviceFiles } from '../../sim/servicemodel/synthetic';
import { Simulation } from '../../sim/simulation';
import type { RunFile } from '../../sim/timeline/record';
import type { Exported, ToWorker } from '../../worker/protocol';
import { FabricProvider } from '../context';
import { applyMessage } from '../store/apply';
import { createFabricStore } from '../store/store';
import { ExportMenu } from './ExportMenu';

const RECORDS: LogRecord[] = [
  { seq: 8, t: 600_000, kind: 'fault.inject', subject: 'c0-r1-tor', fields: { mode: 'fail', hosts: 4, reach: 'partition' } },
  { seq: 9, t: 610_000, kind: 'health.detect', subject: '=c0-r1-h00', fields: { status: 'Unreachable' } },
];

function report() {
  const sim = new Simulation({
    seed: 42,
    datacenter: { preset: 'classroom' },
    timing: 'fast',
    deploy: [{ service: 'shop', ...serviceFiles('shop', [{ name: 'WebRole', instances: 3, port: 80 }]) }],
  });
  sim.engine.runFor(40 * MINUTE);
  return buildReport(sim);
}

const RUN: RunFile = {
  fabricLab: 'run',
  version: 1,
  base: { kind: 'setup', seed: 42, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [] },
  actions: [{ at: 60_000, action: { do: 'fail', target: 'c0-r1-tor' } }],
  t: 40 * MINUTE,
  hash: '0123456789abcdef',
  events: 99,
};

interface Saved {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/** The menu in a store that is ready at seed 42, 40 minutes in; the sender answers exports with `reply`. */
function setup(reply: (what: string) => Exported | undefined) {
  const store = createFabricStore();
  store.setState({ connection: 'ready', seed: 42, t: 40 * MINUTE });
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => {
    sent.push(m);
    if (m.type !== 'export') return;
    const data = reply(m.what);
    // the worker answers later, as a message
    if (data) setTimeout(() => act(() => applyMessage(store, { type: 'exported', id: m.id, data })), 0);
  });
  render(
    <FabricProvider store={store} send={send}>
      <ExportMenu />
    </FabricProvider>,
  );
  return { store, sent };
}

let blobs: Blob[];
let saved: Promise<Saved>[];

beforeEach(() => {
  blobs = [];
  saved = [];
  URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return `blob:fake/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs[Number(this.href.split('/').pop()) - 1]!;
    saved.push(blob.text().then((text) => ({ name: this.download, type: blob.type, text })));
  });
});

afterEach(() => vi.restoreAllMocks());

const exportButton = () => screen.getByRole('button', { name: 'Export' });

async function choose(user: ReturnType<typeof userEvent.setup>, label: string): Promise<Saved> {
  await user.click(exportButton());
  await user.click(screen.getByRole('menuitem', { name: label }));
  await waitFor(() => expect(saved).toHaveLength(1));
  return saved[0]!;
}

describe('ExportMenu', () => {
  it('is a menu button: disabled until the simulation is ready, five items, keyboard and outside click', async () => {
    const user = userEvent.setup();
    const store = createFabricStore();
    render(
      <FabricProvider store={store} send={vi.fn()}>
        <ExportMenu />
        <p>elsewhere</p>
      </FabricProvider>,
    );
    expect(exportButton()).toBeDisabled();
    act(() => store.setState({ connection: 'ready', seed: 1 }));
    expect(exportButton()).toHaveAttribute('aria-haspopup', 'menu');
    expect(exportButton()).toHaveAttribute('aria-expanded', 'false');

    exportButton().focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(exportButton()).toHaveAttribute('aria-expanded', 'true');
    expect(exportButton()).toHaveAttribute('aria-controls', menu.id);
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Event log (JSON Lines)', 'Event log (CSV)', 'Run report (Markdown)', 'Run report (HTML)', 'Run file (JSON)']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[4]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(exportButton()).toHaveFocus();

    await user.click(exportButton());
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByText('elsewhere'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('saves the event log as CSV and says when only the newest records were kept', async () => {
    const user = userEvent.setup();
    const { sent } = setup(() => ({ what: 'log', records: RECORDS, total: 5000, truncated: true }));
    const file = await choose(user, 'Event log (CSV)');
    expect(sent.filter((m) => m.type === 'export')).toEqual([{ type: 'export', id: expect.any(Number) as number, what: 'log' }]);
    expect(file.name).toBe('fabric-lab-seed42-0d0h40m.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    const rows = file.text.split('\r\n');
    expect(rows[0]).toBe('t_ms,time,seq,kind,subject,fields');
    expect(rows[2]).toBe(`610000,0+00:10:10.000,9,health.detect,'=c0-r1-h00,"{""status"":""Unreachable""}"`);
    expect(screen.getByRole('status')).toHaveTextContent('Saved fabric-lab-seed42-0d0h40m.csv: the newest 2 of 5,000 records (older ones are no longer kept).');
    expect(URL.revokeObjectURL).not.toHaveBeenCalledWith('blob:fake/2');
  });

  it('saves the event log as JSON Lines', async () => {
    const user = userEvent.setup();
    setup(() => ({ what: 'log', records: RECORDS, total: 2, truncated: false }));
    const file = await choose(user, 'Event log (JSON Lines)');
    expect(file.name).toBe('fabric-lab-seed42-0d0h40m.jsonl');
    const lines = file.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ t: 600_000, time: '0+00:10:00.000', seq: 8, kind: 'fault.inject', subject: 'c0-r1-tor', fields: { mode: 'fail', hosts: 4, reach: 'partition' } });
    expect(screen.getByRole('status')).toHaveTextContent('Saved fabric-lab-seed42-0d0h40m.jsonl (2 records).');
  });

  it('saves the run report as HTML and as Markdown, built from the worker’s report', async () => {
    const r = report();
    const user = userEvent.setup();
    setup(() => ({ what: 'report', report: r }));
    const html = await choose(user, 'Run report (HTML)');
    expect(html.name).toBe('fabric-lab-seed42-0d0h40m-report.html');
    expect(html.type).toBe('text/html;charset=utf-8');
    expect(html.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.text).toContain(`<td>${r.run.hash}</td>`);
    expect(html.text).not.toMatch(/<script/i);

    saved = [];
    const md = await choose(user, 'Run report (Markdown)');
    expect(md.name).toBe('fabric-lab-seed42-0d0h40m-report.md');
    expect(md.text).toContain('## Availability');
    expect(md.text).toContain('| shop/production | Running, available | 100% |');
  });

  it('saves the run file as indented JSON', async () => {
    const user = userEvent.setup();
    setup(() => ({ what: 'run', run: RUN }));
    const file = await choose(user, 'Run file (JSON)');
    expect(file.name).toBe('fabric-lab-seed42-0d0h40m-run.json');
    expect(file.text).toBe(`${JSON.stringify(RUN, null, 2)}\n`);
  });

  it('says why nothing was saved when the reply does not fit', async () => {
    const user = userEvent.setup();
    setup(() => ({ what: 'run', run: RUN }));
    await user.click(exportButton());
    await user.click(screen.getByRole('menuitem', { name: 'Event log (CSV)' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Event log (CSV) could not be saved: the worker sent a run export for a csv file'));
    expect(saved).toHaveLength(0);
  });
});

import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_STATUSES } from '../../sim/hardware/status';
import type { Frame, FromWorker, ToWorker } from '../../worker/protocol';
import { recordRun } from '../../test/recorded';
import { FAIL_TOR, installDomFakes, renderApp, steps } from './test-setup';

beforeEach(installDomFakes);

/** A recorded run of a preset: commands, then a frame. */
const recorded = (preset: string, commands: readonly ToWorker[] = []): FromWorker[] =>
  recordRun({ seed: 42, datacenter: { preset } }, [...commands, { type: 'requestFrame' }]);

const torFailed = () => recorded('demo', FAIL_TOR);

/** The shortest recording (fewest steps after `commands`) whose frame satisfies `done`: robust to events other models log. */
function recordedUntil(preset: string, commands: readonly ToWorker[], done: (f: Frame) => boolean): FromWorker[] {
  for (let n = 0; n <= 50; n++) {
    const msgs = recorded(preset, [...commands, ...steps(n)]);
    const last = msgs.at(-1);
    if (last?.type === 'frame' && done(last.frame)) return msgs;
  }
  throw new Error('no frame matched within 50 steps');
}

const button = (name: string) => screen.getByRole('button', { name });

describe('the data center view', () => {
  it('names every asset exactly as scenarios do, and describes its status', () => {
    const { feed } = renderApp();
    feed(recorded('demo'));
    expect(screen.getByRole('heading', { name: 'Data center' })).toBeInTheDocument();
    expect(button('Host c0-r3-h07')).toHaveAccessibleDescription('Healthy: reachable and in service');
    expect(button('Switch c0-r3-tor')).toHaveAccessibleDescription('Up: working');
    expect(button('PDU c0-r3-pdu')).toHaveAccessibleDescription('Up: working');
    expect(button('Switch c0-agg1')).toHaveAccessibleDescription('Up: working');
    expect(button('Load balancer lb0')).toHaveAccessibleDescription('Up: working');
    expect(button('Container c0')).toHaveAccessibleDescription('In service; 32 hosts: all Healthy');
    expect(button('Rack c1-r2')).toHaveAccessibleDescription('8 hosts: all Healthy');
    expect(screen.getAllByRole('button', { name: /^Host c\d-r\d-h\d\d$/ })).toHaveLength(64);
  });

  it('shows a failed ToR switch and, after detection, its rack unreachable', () => {
    const { feed } = renderApp();
    feed(torFailed());
    expect(button('Switch c0-r1-tor')).toHaveAccessibleDescription('Failed: the rack is cut off');
    for (let h = 0; h < 8; h++) {
      expect(button(`Host c0-r1-h0${h}`)).toHaveAccessibleDescription('Unreachable: alive, but the FC cannot reach it');
    }
    expect(button('Host c0-r2-h00')).toHaveAccessibleDescription('Healthy: reachable and in service');
    expect(button('Rack c0-r1')).toHaveAccessibleDescription('8 hosts: 8 Unreachable; ToR switch failed');
    const legend = screen.getByRole('region', { name: 'Legend' });
    expect(within(legend).getByText('Unreachable').parentElement).toHaveTextContent('Unreachable8');
  });

  it('describes a fault the FC has not detected yet', () => {
    const { feed } = renderApp();
    const crash = { type: 'act', id: 1, action: { do: 'fail', target: 'c0-r0-h02', mode: 'crash' } } as const;
    const faulted = (f: Frame) => {
      const c = f.hw.changed;
      return c !== undefined && [...c.index].some((h, i) => h === 2 && c.fault[i] !== 0);
    };
    const msgs = recordedUntil('demo', [crash], faulted);
    feed(msgs);
    expect(screen.getByRole('status', { name: 'Simulated time' }).textContent).toMatch(/^0\+00:0[01]:/);
    expect(button('Host c0-r0-h02')).toHaveAccessibleDescription('Healthy: reachable and in service; fault not yet detected: crash');
  });

  it('has one tab stop; arrow keys, Home and End move focus between assets', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(recorded('demo'));
    const layer = screen.getByRole('group', { name: 'Data center assets' });
    expect(layer.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    button('Add container').focus();
    await user.tab();
    expect(button('Host c0-r0-h00')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(button('Host c0-r0-h02')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(button('Host c0-r1-h02')).toHaveFocus();
    await user.keyboard('{End}');
    expect(button('Host c0-r1-h07')).toHaveFocus();
    await user.keyboard('{Home}{ArrowUp}');
    expect(button('PDU c0-r1-pdu')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(button('Switch c0-r1-tor')).toHaveFocus();
    expect(layer.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(button('Switch c0-r1-tor')).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(button('Switch c0-r0-tor')).toHaveFocus();
  });

  it('opens the menu with Enter; choosing Fail sends the action and returns focus', async () => {
    const user = userEvent.setup();
    const { feed, sent } = renderApp();
    feed(recorded('demo'));
    button('Switch c0-r1-tor').focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Actions for c0-r1-tor' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Fail', 'Repair']);
    expect(items[0]).toHaveFocus();
    expect(items[1]).toHaveAttribute('aria-disabled', 'true');
    expect(button('Switch c0-r1-tor')).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(sent).toContainEqual({ type: 'inspect', asset: 'c0-r1-tor' });
    expect(sent).toContainEqual({ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r1-tor' } });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button('Switch c0-r1-tor')).toHaveFocus();
  });

  it('offers a host its faults; disabled items stay visible and send nothing; Escape closes', async () => {
    const user = userEvent.setup();
    const { feed, sent } = renderApp();
    feed(recorded('demo'));
    await user.click(button('Host c0-r0-h02'));
    const menu = screen.getByRole('menu', { name: 'Actions for c0-r0-h02' });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Fail (crash)', 'Hang', 'Hardware fault', 'Repair', 'Power cycle']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Repair' }));
    expect(sent.filter((m) => m.type === 'act')).toEqual([]);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{ArrowUp}');
    await user.keyboard('{ArrowUp}');
    expect(within(menu).getByRole('menuitem', { name: 'Hang' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button('Host c0-r0-h02')).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('menuitem', { name: 'Hang' }));
    await user.click(button('Host c1-r3-h07'));
    await user.click(screen.getByRole('menuitem', { name: 'Hardware fault' }));
    await user.click(button('Host c1-r3-h07'));
    await user.click(screen.getByRole('menuitem', { name: 'Power cycle' }));
    expect(sent.filter((m) => m.type === 'act')).toEqual([
      { type: 'act', id: 1, action: { do: 'fail', target: 'c0-r0-h02', mode: 'hang' } },
      { type: 'act', id: 2, action: { do: 'fail', target: 'c1-r3-h07', mode: 'hardware' } },
      { type: 'act', id: 3, action: { do: 'powerCycle', target: 'c1-r3-h07' } },
    ]);
  });

  it('offers Repair once the switch has failed', async () => {
    const user = userEvent.setup();
    const { feed, sent } = renderApp();
    feed(torFailed());
    await user.click(button('Switch c0-r1-tor'));
    expect(screen.getByRole('menuitem', { name: 'Fail' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Repair' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(sent.filter((m) => m.type === 'act')).toEqual([{ type: 'act', id: 1, action: { do: 'repair', target: 'c0-r1-tor' } }]);
  });

  it('"Go to asset" says what is wrong with a bad id, and focuses and selects a good one', async () => {
    const user = userEvent.setup();
    const { feed, sent } = renderApp();
    feed(recorded('demo'));
    const input = screen.getByRole('textbox', { name: 'Go to asset' });
    await user.type(input, 'c9-r0{Enter}');
    expect(within(screen.getByRole('main')).getByRole('alert')).toHaveTextContent('There is no container c9: this data center has c0 to c1.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('There is no container c9: this data center has c0 to c1.');
    await user.clear(input);
    await user.type(input, 'banana{Enter}');
    expect(within(screen.getByRole('main')).getByRole('alert')).toHaveTextContent('"banana" is not an asset id');
    await user.clear(input);
    await user.type(input, 'c1-r2-h05{Enter}');
    expect(within(screen.getByRole('main')).queryByRole('alert')).not.toBeInTheDocument();
    expect(button('Host c1-r2-h05')).toHaveFocus();
    expect(sent).toContainEqual({ type: 'inspect', asset: 'c1-r2-h05' });
    await user.type(input, 'lb1{Enter}');
    expect(button('Load balancer lb1')).toHaveFocus();
  });

  it('zoomed far out, shows containers as buttons that zoom in', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(recorded('demo'));
    for (let i = 0; i < 8; i++) await user.click(button('Zoom out'));
    expect(screen.queryAllByRole('button', { name: /^Host / })).toHaveLength(0);
    expect(button('Container c1')).not.toHaveAttribute('aria-haspopup');
    expect(button('Switch c1-agg0')).toBeInTheDocument();
    await user.click(button('Container c1'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button('Host c1-r0-h00')).toBeInTheDocument();
    expect(button('Container c1')).toHaveAttribute('aria-haspopup', 'menu');
  });

  it('lists every status in the legend, with its count', () => {
    const { feed } = renderApp();
    feed(recorded('classroom'));
    const legend = screen.getByRole('region', { name: 'Legend' });
    const items = within(legend).getAllByRole('listitem').map((li) => li.textContent);
    for (const s of HOST_STATUSES) expect(items.some((t) => t?.startsWith(s))).toBe(true);
    expect(items[0]).toBe('Healthy12');
    expect(items).toContain('Fault not yet detected0');
  });

  it('shows an action the worker refused, until dismissed', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    const fail = (id: number) => ({ type: 'act', id, action: { do: 'fail', target: 'c0-r1-tor' } }) as const;
    feed(recorded('demo', [fail(1), ...steps(20), fail(2)]));
    expect(within(screen.getByRole('main')).getByRole('alert')).toHaveTextContent('Action refused: c0-r1-tor has already failed');
    await user.click(button('Dismiss'));
    expect(within(screen.getByRole('main')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when automatic healing stopped', () => {
    const { feed } = renderApp();
    const msgs = recorded('classroom');
    feed(msgs);
    const last = msgs.at(-1)!;
    if (last.type !== 'frame') throw new Error('expected a frame');
    const stopped: FromWorker = {
      type: 'frame',
      frame: {
        ...last.frame,
        log: [],
        driverLog: [],
        hw: {},
        diff: { fcHealth: { added: [], updated: [{ id: 'fc', healingStopped: true, humanInvestigate: 4, threshold: 3 } as never], removed: [] } },
      },
    };
    act(() => undefined);
    feed([stopped]);
    expect(screen.getByRole('alert')).toHaveTextContent('Automatic healing stopped: 4 hosts in Human Investigate (threshold 3)');
  });

  it('adds a container from a small form, checking its numbers', async () => {
    const user = userEvent.setup();
    const { feed, sent } = renderApp();
    feed(recorded('classroom'));
    await user.click(button('Add container'));
    expect(button('Add container')).toHaveAttribute('aria-expanded', 'true');
    const racks = screen.getByRole('spinbutton', { name: 'Racks' });
    const hosts = screen.getByRole('spinbutton', { name: 'Hosts per rack' });
    expect(racks).toHaveFocus();
    await user.clear(racks);
    await user.type(racks, '0');
    await user.clear(hosts);
    await user.type(hosts, '101');
    await user.click(button('Add'));
    expect(racks).toHaveAccessibleDescription('Racks must be from 1 to 100; 0 is not.');
    expect(hosts).toHaveAccessibleDescription('Hosts per rack must be from 1 to 100; 101 is not.');
    expect(sent.filter((m) => m.type === 'act')).toEqual([]);
    await user.clear(racks);
    await user.type(racks, '2');
    await user.clear(hosts);
    await user.type(hosts, '6');
    await user.click(button('Add'));
    expect(sent.filter((m) => m.type === 'act')).toEqual([{ type: 'act', id: 1, action: { do: 'addContainer', racks: 2, hostsPerRack: 6 } }]);
    expect(screen.queryByRole('spinbutton', { name: 'Racks' })).not.toBeInTheDocument();
    expect(button('Add container')).toHaveFocus();
  });
});

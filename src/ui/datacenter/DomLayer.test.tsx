/**
 * What a click costs the accessible layer: selecting an asset, moving the focus or
 * opening its menu must not work out every button's status text again, nor measure the
 * page (a layout in the middle of the click): the browser benchmark's region has about a
 * thousand buttons in view.
 */

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../../worker/protocol';
import { recordRun } from '../../test/recorded';
import { describeAsset } from './describe';
import { installDomFakes, renderApp } from './test-setup';

vi.mock('./describe', async (importOriginal) => {
  const m = await importOriginal<typeof import('./describe')>();
  return { ...m, describeAsset: vi.fn(m.describeAsset) };
});

beforeEach(installDomFakes);
afterEach(() => vi.restoreAllMocks());

let run: FromWorker[] | undefined;
/** The demo data center after its first frame (recorded once for both tests). */
const recorded = (): FromWorker[] => (run ??= recordRun({ seed: 42, datacenter: { preset: 'demo' } }, [{ type: 'requestFrame' }]));
const button = (name: string) => screen.getByRole('button', { name });

describe('the layer on a click', () => {
  it('describes only what it shows anew, not every asset in view', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(recorded());
    const layer = screen.getByRole('group', { name: 'Data center assets' });
    const inView = layer.querySelectorAll('[data-asset]').length;
    expect(inView).toBeGreaterThan(64);
    const describe = vi.mocked(describeAsset);
    describe.mockClear();

    // select a host and open its menu (the menu's head and the tooltip describe it)
    await user.click(button('Host c0-r0-h02'));
    expect(screen.getByRole('menu', { name: 'Actions for c0-r0-h02' })).toBeInTheDocument();
    expect(button('Host c0-r0-h02')).toHaveClass('is-selected');
    expect(describe.mock.calls.length).toBeLessThan(8);

    // another one, then the focus moves with the keyboard
    describe.mockClear();
    await user.click(button('Host c1-r3-h07'));
    await user.keyboard('{Escape}{ArrowUp}{ArrowLeft}');
    expect(button('Host c1-r2-h06')).toHaveFocus();
    expect(button('Host c0-r0-h02')).not.toHaveClass('is-selected');
    expect(describe.mock.calls.length).toBeLessThan(16);
    expect(layer.querySelectorAll('[data-asset]')).toHaveLength(inView);
  });

  it('places the menu and the tooltip without measuring the buttons', async () => {
    const user = userEvent.setup();
    const { feed } = renderApp();
    feed(recorded());
    const layer = screen.getByRole('group', { name: 'Data center assets' });
    const measure = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    await user.hover(button('Host c0-r1-h03'));
    await user.click(button('Host c0-r1-h03'));
    expect(screen.getByRole('menu', { name: 'Actions for c0-r1-h03' })).toBeInTheDocument();
    const measured = measure.mock.contexts.filter((el) => el instanceof Element && layer.contains(el));
    expect(measured).toEqual([]);
  });
});

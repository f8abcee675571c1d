import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordRun } from '../test/recorded';
import type { ToWorker } from '../worker/protocol';
import { installDomFakes, renderApp } from './datacenter/test-setup';
import { resetDisplay, setPresenter } from './presenter/display';
import { appShortcuts, handleShortcutKey, ShortcutRegistry, useShortcut, type ShortcutSpec } from './shortcuts';

beforeEach(installDomFakes);
afterEach(() => {
  resetDisplay();
  document.documentElement.removeAttribute('data-theme');
});

const key = (k: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(e, 'target', { value: target });
  return e;
};

describe('the shortcut registry', () => {
  it('runs the newest enabled shortcut of a key, and lets a disabled one through', () => {
    const r = new ShortcutRegistry();
    const first = vi.fn();
    const second = vi.fn();
    let on = true;
    r.register({ keys: ['n'], label: 'N', description: 'first', group: 'G', run: first });
    const off = r.register({ keys: ['n'], label: 'N', description: 'second', group: 'G', run: second, enabled: () => on });
    expect(handleShortcutKey(key('n'), r)).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
    on = false;
    handleShortcutKey(key('n'), r);
    expect(first).toHaveBeenCalledTimes(1);
    off();
    handleShortcutKey(key('n'), r);
    expect(first).toHaveBeenCalledTimes(2);
    expect(r.list().map((s) => s.description)).toEqual(['first']);
  });

  it('ignores keys typed in fields, selects, contenteditable and the editor, and keys with modifiers', () => {
    const r = new ShortcutRegistry();
    const run = vi.fn();
    r.register({ keys: ['?'], label: '?', description: 'help', group: 'G', run });
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const select = document.createElement('select');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const cm = document.createElement('div');
    cm.className = 'cm-editor';
    const inCm = document.createElement('span');
    cm.append(inCm);
    for (const t of [input, textarea, select, editable, inCm]) expect(handleShortcutKey(key('?', t), r)).toBe(false);
    expect(handleShortcutKey(key('?', document.body, { ctrlKey: true }), r)).toBe(false);
    expect(handleShortcutKey(key('?', document.body, { altKey: true }), r)).toBe(false);
    const taken = key('?');
    taken.preventDefault();
    expect(handleShortcutKey(taken, r)).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(handleShortcutKey(key('?'), r)).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('leaves Space to a focused button or scroll box, and runs other keys there', () => {
    const r = new ShortcutRegistry();
    const space = vi.fn();
    const dot = vi.fn();
    r.register({ keys: [' '], label: 'Space', description: 'play', group: 'G', run: space, onControls: false });
    r.register({ keys: ['.'], label: '.', description: 'play', group: 'G', run: dot });
    const button = document.createElement('button');
    expect(handleShortcutKey(key(' ', button), r)).toBe(false);
    const log = document.createElement('div');
    log.setAttribute('role', 'log');
    log.tabIndex = 0;
    expect(handleShortcutKey(key(' ', log), r)).toBe(false);
    expect(handleShortcutKey(key('.', button), r)).toBe(true);
    expect(handleShortcutKey(key(' '), r)).toBe(true);
    expect([space.mock.calls.length, dot.mock.calls.length]).toEqual([1, 1]);
  });

  it('useShortcut registers while mounted and always calls the latest run', () => {
    const r = new ShortcutRegistry();
    const calls: string[] = [];
    function Panel({ name }: { name: string }) {
      const spec: ShortcutSpec = { keys: ['n'], label: 'N', description: 'Next stop', group: 'Walkthrough', run: () => calls.push(name) };
      useShortcut(spec, r);
      return null;
    }
    const { rerender, unmount } = render(<Panel name="a" />);
    expect(r.list()).toHaveLength(1);
    rerender(<Panel name="b" />);
    expect(r.list()).toHaveLength(1);
    handleShortcutKey(key('n'), r);
    expect(calls).toEqual(['b']);
    unmount();
    expect(r.list()).toHaveLength(0);
  });
});

/** The app fed with a recorded start, so that it is ready (paused at 0). */
function readyApp() {
  const app = renderApp();
  app.feed(recordRun({ seed: 42 }, [{ type: 'requestFrame' }]));
  return app;
}

const sentTypes = (sent: readonly ToWorker[]) => sent.map((m) => m.type).filter((t) => t !== 'watch' && t !== 'inspect' && t !== 'requestFrame');

describe('the app shortcuts', () => {
  it('? opens the shortcut sheet: a modal dialog listing every shortcut, focus kept inside, Escape closes and focus returns', async () => {
    const user = userEvent.setup();
    readyApp();
    const play = screen.getByRole('button', { name: 'Play' });
    play.focus();
    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(sheet).toHaveAttribute('aria-modal', 'true');
    expect(sheet).toHaveFocus();
    const simulation = within(sheet).getByRole('table', { name: 'Simulation' });
    expect(within(simulation).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Space', '.']);
    expect(within(sheet).getByRole('table', { name: 'Presenting' })).toHaveTextContent('Page Down');
    expect(within(sheet).getByRole('table', { name: 'Data center view' })).toHaveTextContent('Shift+F10');

    // Tab cycles inside: Close, the list, then Close again
    await user.tab();
    expect(within(sheet).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(within(sheet).getByRole('group', { name: 'Shortcuts by place' })).toHaveFocus();
    await user.tab();
    expect(within(sheet).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(sheet).getByRole('group', { name: 'Shortcuts by place' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(play).toHaveFocus();
  });

  it('does not open the sheet for ? typed into a field', async () => {
    const user = userEvent.setup();
    readyApp();
    const field = screen.getByRole('textbox', { name: 'Go to asset' });
    await user.type(field, 'c0?');
    expect(field).toHaveValue('c0?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens from the top bar button too, and the Close button gives focus back', async () => {
    const user = userEvent.setup();
    readyApp();
    const open = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(open).toHaveAttribute('aria-keyshortcuts', '?');
    await user.click(open);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('lists a shortcut another component registers', async () => {
    const user = userEvent.setup();
    function Extra() {
      useShortcut({ keys: ['j'], label: 'J', description: 'Jump to the question', group: 'Walkthrough', run: () => undefined });
      return null;
    }
    readyApp();
    render(<Extra />);
    await user.keyboard('?');
    expect(within(screen.getByRole('dialog')).getByRole('table', { name: 'Walkthrough' })).toHaveTextContent('JJump to the question');
  });

  it('Space and . play and pause, but Space on a button is left to the button', async () => {
    const user = userEvent.setup();
    const { sent } = readyApp();
    const before = sent.length;
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(' ');
    expect(sentTypes(sent.slice(before))).toEqual(['play']);
    await user.keyboard('.');
    // the store still says paused (no frame came back), so . asks to play again
    expect(sentTypes(sent.slice(before))).toEqual(['play', 'play']);
    const step = screen.getByRole('button', { name: 'Step' });
    step.focus();
    await user.keyboard(' ');
    expect(sentTypes(sent.slice(before))).toEqual(['play', 'play', 'step']);
  });

  it('Page Down and Page Up step between faults in presenter mode only', async () => {
    const user = userEvent.setup();
    const { sent } = readyApp();
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{PageDown}');
    expect(sent.some((m) => m.type === 'stepTo')).toBe(false);
    act(() => setPresenter(true, { updateAddress: false }));
    await user.keyboard('{PageDown}');
    await user.keyboard('{PageUp}');
    expect(sent.filter((m) => m.type === 'stepTo')).toEqual([
      { type: 'stepTo', direction: 'next', kind: 'fault' },
      { type: 'stepTo', direction: 'prev', kind: 'fault' },
    ]);
  });
});

describe('the clicker keys', () => {
  it('go to the next and previous walkthrough stop while a walkthrough plays, presenting or not', () => {
    const calls: string[] = [];
    const actions = {
      play: () => calls.push('play'),
      pause: () => calls.push('pause'),
      lesson: (c: string) => calls.push(`lesson ${c}`),
      stepTo: (d: string, k: string) => calls.push(`stepTo ${d} ${k}`),
    };
    let lesson: object | null = null;
    let presenting = false;
    const r = new ShortcutRegistry();
    appShortcuts({
      actions,
      fabric: () => ({ running: true, connection: 'ready', lesson: lesson as never }),
      presenting: () => presenting,
      openSheet: () => calls.push('sheet'),
    }).forEach((s) => r.register(s));
    handleShortcutKey(key('PageDown'), r);
    expect(calls).toEqual([]);
    lesson = { current: 0 };
    handleShortcutKey(key('PageDown'), r);
    handleShortcutKey(key('PageUp'), r);
    lesson = null;
    presenting = true;
    handleShortcutKey(key('PageDown'), r);
    handleShortcutKey(key('.'), r);
    handleShortcutKey(key('?'), r);
    expect(calls).toEqual(['lesson next', 'lesson back', 'stepTo next fault', 'pause', 'sheet']);
  });
});

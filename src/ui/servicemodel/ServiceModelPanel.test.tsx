import 'fake-indexeddb/auto';
import { diagnosticCount, forEachDiagnostic } from '@codemirror/lint';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyMessage } from '../store/apply';
import { keptDb, MemoryKept } from '../persist/db';
import { FullKept, freshPageDb } from '../persist/testing';
import { FILES_KEY, keptFiles, SAVED_KEY } from './persistence';
import { editorView, renderPanel, sampleText, stubLayout, typeInto } from './testing';

stubLayout();

const CSDEF = 'ServiceDefinition.csdef';
const CSCFG = 'ServiceConfiguration.cscfg';
const shop = () => ({ csdef: sampleText('shop', CSDEF), cscfg: sampleText('shop', CSCFG) });
const renamed = () => shop().cscfg.replace('<Role name="WebRole">', '<Role name="WebRol">');

const deployProduction = () => screen.getByRole('button', { name: 'Deploy to production' });
const counts = () => screen.getByText(/^\d+ errors?, \d+ warnings?/);

async function loadedShop() {
  const r = renderPanel();
  await waitFor(() => expect(editorView('csdef').state.doc.toString()).toBe(shop().csdef));
  await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 0 warnings'));
  return r;
}

function saved(csdef: string, cscfg: string, sample: string | null = null) {
  return { version: 1, sample, csdef: { name: CSDEF, text: csdef }, cscfg: { name: CSCFG, text: cscfg } };
}

/** IndexedDB (even a fake one) answers later than the DOM: more time on a busy machine. */
const SLOW = { timeout: 5000 };

/** What the page's database (fake IndexedDB) keeps for the panel. */
async function keptValue(): Promise<unknown> {
  return (await keptDb()).get('servicemodel', FILES_KEY);
}

async function keep(value: unknown): Promise<void> {
  await (await keptDb()).put('servicemodel', FILES_KEY, value, 'test');
}

describe('the Service model panel', () => {
  beforeEach(async () => {
    localStorage.clear();
    await freshPageDb();
  });

  it('starts with the shop sample, valid, and says what it understood', async () => {
    const { fetch } = await loadedShop();
    const panel = screen.getByRole('region', { name: 'Service model' });
    expect(fetch.urls).toContain('http://localhost:3000/samples/shop/ServiceConfiguration.cscfg');
    expect(screen.getByRole('combobox', { name: 'Sample' })).toHaveValue('shop');
    const roles = within(panel).getByRole('list', { name: 'Roles' });
    expect(roles).toHaveTextContent('WebRole: web role, Small (1 core, 1.75 GiB memory, 225 GiB disk), 3 instances');
    expect(within(roles).getByRole('list', { name: 'Endpoints of WebRole' })).toHaveTextContent('HttpIn: input, http, port 80');
    expect(within(panel).getByText('Upgrade domains').nextElementSibling).toHaveTextContent('3');
    expect(within(panel).getByRole('list', { name: 'Kept, not simulated' })).toHaveTextContent(`Sites of WebRole (${CSDEF}, line 12)`);
    expect(deployProduction()).toBeEnabled();
  });

  it('marks an error in the editor on the line of the role the definition lacks', async () => {
    await loadedShop();
    act(() => typeInto('cscfg', renamed()));
    await waitFor(() => expect(counts()).toHaveTextContent('2 errors, 0 warnings'));
    const view = editorView('cscfg');
    const lines: number[] = [];
    forEachDiagnostic(view.state, (d, from) => {
      expect(d.severity).toBe('error');
      expect(d.message).toBe("Role 'WebRol' in the service configuration file is not defined in the service definition file.");
      lines.push(view.state.doc.lineAt(from).number);
    });
    expect(lines).toEqual([3]);
    const marks = view.contentDOM.querySelectorAll('.cm-lintRange-error');
    expect([...marks].map((m) => m.textContent)).toEqual(['name="WebRol"']);
    expect(marks[0]!.closest('.cm-line')).toBe(view.contentDOM.querySelectorAll('.cm-line')[2]);
    // the definition's editor marks the role that now has no configuration
    expect(diagnosticCount(editorView('csdef').state)).toBe(1);
    expect(screen.getByRole('tab', { name: /^ServiceConfiguration\.cscfg \(1 error, 0 warnings\)/ })).toBeInTheDocument();
  });

  it('renders a role named like HTML as text, never as an element', async () => {
    const name = '&lt;img src=x onerror=alert(1)&gt;';
    const { csdef, cscfg } = shop();
    const kept = new MemoryKept();
    await kept.put(
      'servicemodel',
      FILES_KEY,
      saved(csdef.replace('name="WebRole"', `name="${name}"`), cscfg.replace('<Role name="WebRole">', `<Role name="${name}">`).replace('count="3"', 'count="1"')),
      'test',
    );
    renderPanel({ store: keptFiles(kept) });
    await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 1 warning'));
    const literal = '<img src=x onerror=alert(1)>';
    expect(screen.getByRole('list', { name: 'Roles' })).toHaveTextContent(`${literal}: web role`);
    expect(screen.getByRole('button', { name: /Warning .*Role '<img src=x onerror=alert\(1\)>' has only 1 instance/ })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('jumps to a diagnostic: its file, line and column, with the editor focused', async () => {
    const user = userEvent.setup();
    await loadedShop();
    act(() => typeInto('cscfg', renamed()));
    const row = await screen.findByRole('button', { name: `Error ${CSCFG}:3:9 Role 'WebRol' in the service configuration file is not defined in the service definition file.` });
    expect(screen.getByRole('tab', { name: /^ServiceDefinition\.csdef/ })).toHaveAttribute('aria-selected', 'true');
    await user.click(row);
    expect(screen.getByRole('tab', { name: /^ServiceConfiguration\.cscfg/ })).toHaveAttribute('aria-selected', 'true');
    const view = editorView('cscfg');
    const head = view.state.selection.main.head;
    expect(view.state.doc.lineAt(head).number).toBe(3);
    expect(head - view.state.doc.line(3).from).toBe(8);
    expect(view.hasFocus).toBe(true);

    // and with the keyboard: Enter on the definition's row
    const other = screen.getByRole('button', { name: new RegExp(`^Error ${CSDEF.replace('.', '\\.')}:11:12 `) });
    other.focus();
    await user.keyboard('{Enter}');
    const defView = editorView('csdef');
    expect(defView.state.doc.lineAt(defView.state.selection.main.head).number).toBe(11);
    expect(screen.getByRole('tab', { name: /^ServiceDefinition\.csdef/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('disables Deploy with the reason while errors remain, and deploys once they are fixed', async () => {
    const user = userEvent.setup();
    const { sent } = await loadedShop();
    act(() => typeInto('cscfg', renamed()));
    await waitFor(() => expect(deployProduction()).toBeDisabled());
    expect(deployProduction()).toHaveAccessibleDescription('Fix 2 errors before deploying.');
    expect(screen.getByRole('button', { name: 'Deploy to staging' })).toBeDisabled();

    act(() => typeInto('cscfg', shop().cscfg));
    await waitFor(() => expect(deployProduction()).toBeEnabled());
    expect(deployProduction()).toHaveAccessibleDescription('Deploys the service "shop": 2 roles, 6 instances.');
    await user.click(screen.getByRole('button', { name: 'Deploy to staging' }));
    expect(sent).toEqual([
      {
        type: 'act',
        id: 1,
        action: { do: 'deploy', service: 'shop', slot: 'staging', files: { csdef: { name: CSDEF, bytes: shop().csdef }, cscfg: { name: CSCFG, bytes: shop().cscfg } } },
      },
    ]);
    expect(screen.getByText('Sent: deploy "shop" to staging.')).toHaveAttribute('role', 'status');
  });

  it('waits for the simulation before deploying', async () => {
    renderPanel({}, { connection: 'connecting' });
    await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 0 warnings'));
    expect(deployProduction()).toBeDisabled();
    expect(deployProduction()).toHaveAccessibleDescription('Waiting for the simulation to start.');
  });

  it("shows the worker's and the Fabric Controller's refusals as alerts", async () => {
    const user = userEvent.setup();
    const { store } = await loadedShop();
    await user.click(deployProduction());
    act(() => applyMessage(store, { type: 'actResult', id: 1, action: 'deploy', ok: false, error: 'shop cannot be deployed: 1 error' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Deployment refused: shop cannot be deployed: 1 error');
    act(() => store.setState({ actionError: undefined, view: { refusals: [{ id: 'shop', reason: 'a deployment of shop already exists in the production slot' }] } as never }));
    expect(screen.getByRole('alert')).toHaveTextContent('The Fabric Controller refused to deploy shop: a deployment of shop already exists in the production slot');
  });

  it('restores saved files on mount and saves edits', async () => {
    const cscfg = shop().cscfg.replace('count="3"', 'count="4"');
    await keep(saved(shop().csdef, cscfg, 'shop'));
    renderPanel({ store: undefined });
    await waitFor(() => expect(editorView('cscfg').state.doc.toString()).toBe(cscfg), SLOW);
    expect(screen.getByText('Restored the files you were editing.')).toBeInTheDocument();
    await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 0 warnings'), SLOW);
    expect(screen.getByRole('list', { name: 'Roles' })).toHaveTextContent('4 instances');

    act(() => typeInto('cscfg', cscfg.replace('count="4"', 'count="5"')));
    await waitFor(async () => expect(((await keptValue()) as { cscfg: { text: string } }).cscfg.text).toContain('count="5"'), SLOW);

    await userEvent.click(screen.getByRole('button', { name: 'Clear saved files' }));
    await waitFor(async () => expect(await keptValue()).toBeUndefined(), SLOW);
    expect(editorView('cscfg').state.doc.toString()).toContain('count="5"');
  });

  it('restores both files with their names after a remount (a reload)', async () => {
    renderPanel({ store: undefined });
    await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 0 warnings'), SLOW);
    const cscfg = shop().cscfg.replace('count="3"', 'count="2"');
    act(() => typeInto('cscfg', cscfg));
    // saved shortly after the last change; a page being hidden saves at once
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await waitFor(async () => expect(((await keptValue()) as { cscfg: { text: string } }).cscfg.text).toBe(cscfg), SLOW);
    cleanup();
    const second = renderPanel({ store: undefined });
    await waitFor(() => expect(editorView('cscfg').state.doc.toString()).toBe(cscfg), SLOW);
    expect(editorView('csdef').state.doc.toString()).toBe(shop().csdef);
    expect(screen.getByRole('tab', { name: /^ServiceConfiguration\.cscfg/ })).toBeInTheDocument();
    expect(screen.getByText('Restored the files you were editing.')).toBeInTheDocument();
    expect(second.fetch.urls.filter((u) => u.endsWith('.cscfg'))).toHaveLength(0);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reset to sample' })).toBeInTheDocument(), SLOW);
  });

  it('saves 300 ms after the last change, and at once when the page is hidden', async () => {
    const writes: string[] = [];
    const store = keptFiles(new MemoryKept());
    const spy = { ...store, write: (saved: Parameters<typeof store.write>[0]) => (writes.push(saved.files.cscfg.text), store.write(saved)) };
    renderPanel({ store: spy });
    await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 0 warnings'), SLOW);
    await waitFor(() => expect(writes).toHaveLength(1), SLOW);
    act(() => typeInto('cscfg', renamed()));
    act(() => typeInto('cscfg', `${renamed()} `));
    expect(writes).toHaveLength(1);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    visibility.mockRestore();
    // well before the 300 ms
    await waitFor(() => expect(writes).toEqual([shop().cscfg, `${renamed()} `]), { timeout: 150 });
    await new Promise((r) => setTimeout(r, 400));
    expect(writes).toHaveLength(2);
  });

  it('moves the copy an earlier version kept in localStorage into IndexedDB, once', async () => {
    const cscfg = shop().cscfg.replace('count="3"', 'count="4"');
    localStorage.setItem(SAVED_KEY, JSON.stringify(saved(shop().csdef, cscfg, 'shop')));
    await freshPageDb();
    renderPanel({ store: undefined });
    await waitFor(() => expect(editorView('cscfg').state.doc.toString()).toBe(cscfg), SLOW);
    expect(localStorage.getItem(SAVED_KEY)).toBeNull();
    expect(await keptValue()).toMatchObject({ cscfg: { name: CSCFG, text: cscfg } });
  });

  it('survives a reload: the next mount shows the same sample without fetching it again', async () => {
    const first = renderPanel({ store: undefined });
    await waitFor(async () => expect(await keptValue()).toBeDefined(), SLOW);
    cleanup();
    const second = renderPanel({ store: undefined });
    await waitFor(() => expect(screen.getByText('Restored the files you had open.')).toBeInTheDocument(), SLOW);
    expect(editorView('cscfg').state.doc.toString()).toBe(shop().cscfg);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Sample' })).toHaveValue('shop'), SLOW);
    expect(first.fetch.urls.filter((u) => u.endsWith('.cscfg'))).toHaveLength(1);
    expect(second.fetch.urls.filter((u) => u.endsWith('.cscfg'))).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Reset to sample' })).toBeNull();
  });

  it('ignores a damaged saved copy, saying so', async () => {
    await keep('{"version":1,"csdef":');
    renderPanel({ store: undefined });
    expect(await screen.findByRole('alert')).toHaveTextContent('The saved files were damaged and have been ignored.');
    await waitFor(() => expect(editorView('csdef').state.doc.toString()).toBe(shop().csdef), SLOW);
  });

  it('keeps the edits in memory when the storage is full, and says what could not be saved', async () => {
    renderPanel({ store: keptFiles(new FullKept()) });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Your edited service model files could not be saved in this browser: its storage for this site is full.'));
    act(() => typeInto('cscfg', renamed()));
    await waitFor(() => expect(counts()).toHaveTextContent('2 errors'));
    expect(editorView('cscfg').state.doc.toString()).toBe(renamed());
  });

  it('reports a dropped file over 1 MiB and does not load it', async () => {
    await loadedShop();
    const big = new File([new Uint8Array(1_048_577)], 'Huge.cscfg');
    fireEvent.drop(screen.getByRole('region', { name: 'Service model' }), { dataTransfer: { files: [big], types: ['Files'] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Huge.cscfg was not loaded. The file is 1,048,577 bytes; a service model file may be at most 1 MiB');
    expect(editorView('cscfg').state.doc.toString()).toBe(shop().cscfg);
  });

  it('opens dropped and picked files through the reader’s decoder (UTF-16 with a byte-order mark)', async () => {
    const user = userEvent.setup();
    await loadedShop();
    const text = renamed();
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    fireEvent.drop(screen.getByRole('region', { name: 'Service model' }), { dataTransfer: { files: [new File([utf16], 'Cloud.cscfg')], types: ['Files'] } });
    await waitFor(() => expect(editorView('cscfg').state.doc.toString()).toBe(text));
    expect(screen.getByText('Opened Cloud.cscfg.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Error Cloud\.cscfg:3:9 / })).toBeInTheDocument());
    expect(screen.getByRole('combobox', { name: 'Sample' })).toHaveValue('');

    await user.upload(screen.getByLabelText('Open files'), new File([shop().cscfg], 'ServiceConfiguration.cscfg'));
    await waitFor(() => expect(counts()).toHaveTextContent('0 errors, 0 warnings'));
  });

  it('asks before a picked sample replaces edited files', async () => {
    const user = userEvent.setup();
    await loadedShop();
    act(() => typeInto('cscfg', renamed()));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sample' }), 'hello');
    expect(screen.getByRole('group', { name: 'Replace your edited files?' })).toHaveTextContent('Replace your edited files with the sample "Hello"?');
    await user.click(screen.getByRole('button', { name: 'Keep my files' }));
    expect(editorView('cscfg').state.doc.toString()).toBe(renamed());
    expect(screen.getByRole('combobox', { name: 'Sample' })).toHaveValue('shop');

    await user.click(screen.getByRole('button', { name: 'Reset to sample' }));
    await waitFor(() => expect(editorView('cscfg').state.doc.toString()).toBe(shop().cscfg));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sample' }), 'hello');
    await waitFor(() => expect(editorView('csdef').state.doc.toString()).toBe(sampleText('hello', CSDEF)));
  });

  it('moves between the editor tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    await loadedShop();
    const def = screen.getByRole('tab', { name: /^ServiceDefinition\.csdef/ });
    def.focus();
    await user.keyboard('{ArrowRight}');
    const cfg = screen.getByRole('tab', { name: /^ServiceConfiguration\.cscfg/ });
    expect(cfg).toHaveFocus();
    expect(cfg).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('textbox', { name: 'ServiceConfiguration.cscfg editor' })).toBeVisible();
    await user.keyboard('{Home}');
    expect(def).toHaveAttribute('aria-selected', 'true');
  });
});

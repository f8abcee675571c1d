/**
 * The "Lessons" menu: lists the catalog's lessons and opens one by a page navigation to
 * `?lesson=<id>`; opens scenario files from the computer and plays or deletes those kept.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render as rtlRender, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../worker/protocol';
import { FabricProvider } from '../context';
import { LESSONS } from '../lessons/catalog';
import { MemoryKept } from '../persist/db';
import { createFabricStore } from '../store/store';
import { LessonPicker, lessonHref } from './LessonPicker';

/** Renders in a FabricProvider with a spy sender (playing a kept scenario restarts the run). */
function render(ui: ReactElement, userActions = 0) {
  const sent: ToWorker[] = [];
  const store = createFabricStore({ connection: 'ready', userActions });
  const result = rtlRender(
    <FabricProvider store={store} send={(m) => void sent.push(m)}>
      {ui}
    </FabricProvider>,
  );
  return { ...result, sent };
}

const SOME = [
  { id: 'tor-fails', title: 'A top-of-rack switch fails', summary: 'The FC heals a service when a rack is cut off.' },
  { id: 'upgrade', title: 'Upgrade domains', summary: 'Walk a manual upgrade one domain at a time.' },
];

afterEach(() => vi.unstubAllGlobals());

describe('the lesson picker', () => {
  it('builds the lesson address', () => {
    expect(lessonHref('tor-fails')).toBe('?lesson=tor-fails');
    expect(lessonHref('a b&c')).toBe('?lesson=a%20b%26c');
  });

  it('opens a menu of the lessons, titles as names and summaries as descriptions', async () => {
    const user = userEvent.setup();
    render(<LessonPicker lessons={SOME} navigate={() => undefined} db={new MemoryKept()} />);
    const open = screen.getByRole('button', { name: 'Lessons' });
    expect(open).toHaveAttribute('aria-haspopup', 'menu');
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Lessons' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'A top-of-rack switch failsThe FC heals a service when a rack is cut off.',
      'Upgrade domainsWalk a manual upgrade one domain at a time.',
      'Open scenario file…A scenario .json with the .csdef and .cscfg files it names, up to 4 MiB each; kept in this browser.',
    ]);
    const first = within(menu).getByRole('menuitem', { name: 'A top-of-rack switch fails' });
    expect(first).toHaveAccessibleDescription('The FC heals a service when a rack is cut off.');
    expect(first).toHaveFocus();
  });

  it('navigates to ?lesson=<id> with the keyboard', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    render(<LessonPicker lessons={SOME} navigate={navigate} db={new MemoryKept()} />);
    screen.getByRole('button', { name: 'Lessons' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'A top-of-rack switch fails' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Upgrade domains' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(navigate).toHaveBeenCalledWith('?lesson=upgrade');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on Escape, returning focus to the button, and on a click outside', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LessonPicker lessons={SOME} navigate={() => undefined} db={new MemoryKept()} />
        <p>elsewhere</p>
      </>,
    );
    const open = screen.getByRole('button', { name: 'Lessons' });
    await user.click(open);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(open).toHaveFocus();
    await user.click(open);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByText('elsewhere'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('marks the lesson open now', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('location', { ...window.location, search: '?lesson=upgrade', assign: vi.fn() });
    render(<LessonPicker lessons={SOME} navigate={() => undefined} db={new MemoryKept()} />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    expect(screen.getByRole('menuitem', { name: 'Upgrade domains' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('menuitem', { name: 'Upgrade domains' })).toHaveTextContent('(open now)');
    expect(screen.getByRole('menuitem', { name: 'A top-of-rack switch fails' })).not.toHaveAttribute('aria-current');
  });

  it('lists the catalog by default and navigates with location.assign', async () => {
    const user = userEvent.setup();
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, search: '', assign });
    render(<LessonPicker db={new MemoryKept()} />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    if (LESSONS.length === 0) {
      expect(screen.getByText('No lessons yet.')).toBeInTheDocument();
      return;
    }
    const items = screen.getAllByRole('menuitem');
    expect(items).toHaveLength(LESSONS.length + 1);
    const last = LESSONS[LESSONS.length - 1]!;
    await user.click(screen.getByRole('menuitem', { name: last.title }));
    expect(assign).toHaveBeenCalledWith(`?lesson=${encodeURIComponent(last.id)}`);
  });
});

const PUBLIC = join(__dirname, '../../../public');
const CSDEF = readFileSync(join(PUBLIC, 'samples/shop/ServiceDefinition.csdef'), 'utf8');
const CSCFG = readFileSync(join(PUBLIC, 'samples/shop/ServiceConfiguration.cscfg'), 'utf8');
const STORM = readFileSync(join(PUBLIC, 'scenarios/services/tor-switch.json'), 'utf8').replace('"A top-of-rack switch fails"', '"A storm of switch failures"');
const stormFiles = () => [new File([STORM], 'storm.json'), new File([CSDEF], 'ServiceDefinition.csdef'), new File([CSCFG], 'ServiceConfiguration.cscfg')];

describe('scenario files from the computer', () => {
  it('opens one with its files, keeps it, and lists it under "Your scenarios"', async () => {
    const user = userEvent.setup();
    const db = new MemoryKept();
    render(<LessonPicker lessons={SOME} navigate={() => undefined} db={db} />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    const input = screen.getByLabelText<HTMLInputElement>('Scenario files to open');
    const click = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('menuitem', { name: 'Open scenario file…' }));
    expect(click).toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(input).toHaveAttribute('multiple');
    await user.upload(input, stormFiles());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Kept storm ("A storm of switch failures", with 2 files): play it from "Your scenarios" in the Lessons menu.'),
    );
    expect(await db.keys('scenarios')).toEqual(['storm.json']);

    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    const group = await screen.findByRole('group', { name: 'storm' });
    expect(group).toHaveAccessibleDescription('A storm of switch failures');
    expect(within(group).getAllByRole('menuitem').map((b) => b.getAttribute('aria-label'))).toEqual(['Play storm', 'Play storm as walkthrough', 'Delete storm']);
  });

  it('plays a kept scenario in place, straight through or as a walkthrough, from the keyboard', async () => {
    const user = userEvent.setup();
    const db = new MemoryKept();
    const { sent } = render(<LessonPicker lessons={SOME} navigate={() => undefined} db={db} />);
    await user.upload(screen.getByLabelText('Scenario files to open'), stormFiles());
    await waitFor(async () => expect(await db.keys('scenarios')).toEqual(['storm.json']));
    screen.getByRole('button', { name: 'Lessons' }).focus();
    await user.keyboard('{ArrowDown}');
    await screen.findByRole('menuitem', { name: 'Delete storm' });
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Delete storm' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Play storm' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(sent).toHaveLength(1);
    const init = sent[0]!;
    if (init.type !== 'init') throw new Error('not an init');
    expect(init.options).toMatchObject({ seed: 0, running: true, base: { kind: 'scenario', path: 'local/storm.json', walkthrough: false } });
    expect(init.options.base?.kind === 'scenario' && init.options.base.files).toEqual({
      'samples/shop/ServiceDefinition.csdef': CSDEF,
      'samples/shop/ServiceConfiguration.cscfg': CSCFG,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Playing storm.');

    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Play storm as walkthrough' }));
    expect(sent[1]).toMatchObject({ type: 'init', options: { running: false, base: { kind: 'scenario', walkthrough: true } } });
  });

  it('asks before replacing a run with actions of the user', async () => {
    const user = userEvent.setup();
    const db = new MemoryKept();
    const confirm = vi.fn(() => false);
    const { sent } = render(<LessonPicker lessons={SOME} navigate={() => undefined} db={db} confirm={confirm} />, 2);
    await user.upload(screen.getByLabelText('Scenario files to open'), stormFiles());
    await waitFor(async () => expect(await db.keys('scenarios')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Play storm' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Playing storm replaces the current run and its actions/));
    expect(sent).toEqual([]);
  });

  it('deletes a kept scenario, focus staying in the menu', async () => {
    const user = userEvent.setup();
    const db = new MemoryKept();
    render(<LessonPicker lessons={SOME} navigate={() => undefined} db={db} />);
    await user.upload(screen.getByLabelText('Scenario files to open'), stormFiles());
    await waitFor(async () => expect(await db.keys('scenarios')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete storm' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'storm' })).toBeNull());
    expect(await db.keys('scenarios')).toEqual([]);
    expect(screen.getByRole('menuitem', { name: 'Open scenario file…' })).toHaveFocus();
  });

  it('says what is wrong, with the file and the place inside it, and keeps nothing', async () => {
    const user = userEvent.setup();
    const db = new MemoryKept();
    render(<LessonPicker lessons={SOME} navigate={() => undefined} db={db} />);
    const doc = JSON.parse(STORM);
    doc.steps[3].at = 'soon';
    await user.upload(screen.getByLabelText('Scenario files to open'), [new File([JSON.stringify(doc)], 'storm.json'), ...stormFiles().slice(1)]);
    expect(await screen.findByRole('alert')).toHaveTextContent(/^storm\.json: steps\[3\]\.at: .*Nothing was kept\./);
    await user.upload(screen.getByLabelText('Scenario files to open'), [new File([STORM], 'storm.json')]);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('storm.json: services[0].csdef: names the file "samples/shop/ServiceDefinition.csdef", which was not among the chosen files'));
    expect(await db.keys('scenarios')).toEqual([]);
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

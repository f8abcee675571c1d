/** The "Lessons" menu: lists the catalog's lessons and opens one by a page navigation to `?lesson=<id>`. */

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../lessons/catalog';
import { LessonPicker, lessonHref } from './LessonPicker';

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
    render(<LessonPicker lessons={SOME} navigate={() => undefined} />);
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
    ]);
    const first = within(menu).getByRole('menuitem', { name: 'A top-of-rack switch fails' });
    expect(first).toHaveAccessibleDescription('The FC heals a service when a rack is cut off.');
    expect(first).toHaveFocus();
  });

  it('navigates to ?lesson=<id> with the keyboard', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    render(<LessonPicker lessons={SOME} navigate={navigate} />);
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
        <LessonPicker lessons={SOME} navigate={() => undefined} />
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
    render(<LessonPicker lessons={SOME} navigate={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    expect(screen.getByRole('menuitem', { name: 'Upgrade domains' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('menuitem', { name: 'Upgrade domains' })).toHaveTextContent('(open now)');
    expect(screen.getByRole('menuitem', { name: 'A top-of-rack switch fails' })).not.toHaveAttribute('aria-current');
  });

  it('lists the catalog by default and navigates with location.assign', async () => {
    const user = userEvent.setup();
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, search: '', assign });
    render(<LessonPicker />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    if (LESSONS.length === 0) {
      expect(screen.getByText('No lessons yet.')).toBeInTheDocument();
      return;
    }
    const items = screen.getAllByRole('menuitem');
    expect(items).toHaveLength(LESSONS.length);
    const last = LESSONS[LESSONS.length - 1]!;
    await user.click(screen.getByRole('menuitem', { name: last.title }));
    expect(assign).toHaveBeenCalledWith(`?lesson=${encodeURIComponent(last.id)}`);
  });
});

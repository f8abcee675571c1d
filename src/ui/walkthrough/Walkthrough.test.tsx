/**
 * The walkthrough panel against LessonState values as the worker sends them (put in
 * the store directly: the panel only reads `lesson` and sends commands), with a spy
 * sender to check the messages.
 */

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LessonState, LessonStop } from '../../sim/timeline/lesson';
import type { ToWorker } from '../../worker/protocol';
import { App } from '../App';
import { FabricProvider } from '../context';
import { createFabricStore } from '../store/store';
import { backBlocked, chaptersOf, completeText, currentChapter, describeExpectation, nextBlocked, stepCounter } from './describe';
import { Walkthrough } from './Walkthrough';

const STOPS: readonly LessonStop[] = [
  { step: 1, at: 600_000, kind: 'say', text: 'Every role runs in three fault domains.', chapter: 'Fault domains' },
  { step: 2, at: 600_000, kind: 'ask', text: 'What happens when a rack switch fails?', choices: ['Nothing', 'Its instances move', 'The service stops'] },
  { step: 3, at: 660_000, kind: 'prompt', text: 'Fail the top-of-rack switch of rack 1.', expected: 'fail c0-r1-tor', chapter: 'Break it' },
  { step: 5, at: 2_400_000, kind: 'say', text: 'The FC healed the service <b>elsewhere</b>.' },
];

const LESSON: LessonState = {
  name: 'A top-of-rack switch fails',
  description: 'Watch the FC heal a service when a rack is cut off.',
  walkthrough: true,
  stops: STOPS,
  current: -1,
  waiting: null,
  answers: {},
  expectations: [],
  done: false,
};

function renderPanel(lesson: LessonState | null = LESSON, running = true) {
  const store = createFabricStore({ lesson, running });
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => void sent.push(m));
  render(
    <FabricProvider store={store} send={send}>
      <Walkthrough />
    </FabricProvider>,
  );
  const set = (patch: Partial<LessonState>) => act(() => store.setState((s) => ({ lesson: { ...s.lesson!, ...patch } })));
  const region = () => screen.getByRole('region', { name: 'Walkthrough' });
  return { store, sent, set, region };
}

const button = (name: string) => screen.getByRole('button', { name });

describe('the walkthrough text', () => {
  it('counts steps from one, finds chapters and the one the learner is in', () => {
    expect(stepCounter(0, 4)).toBe('Step 1 of 4');
    const chapters = chaptersOf(STOPS);
    expect(chapters).toEqual([
      { index: 0, title: 'Fault domains' },
      { index: 2, title: 'Break it' },
    ]);
    expect(currentChapter(chapters, -1)).toBe(-1);
    expect(currentChapter(chapters, 1)).toBe(0);
    expect(currentChapter(chapters, 3)).toBe(2);
  });

  it('blocks Next for an action, an answer not yet in, and at the end', () => {
    expect(nextBlocked({ ...LESSON, current: 2, waiting: 'action' })).toBe('action');
    expect(nextBlocked({ ...LESSON, current: 1, waiting: 'answer' })).toBe('answer');
    expect(nextBlocked({ ...LESSON, current: 1, waiting: 'answer', answers: { 1: { choice: 0, correct: false, answer: 1, explain: '' } } })).toBeNull();
    expect(nextBlocked({ ...LESSON, current: 3, waiting: null })).toBeNull();
    expect(nextBlocked({ ...LESSON, current: 3, waiting: null, done: true })).toBe('done');
  });

  it('allows Back except before the first stop and held at it', () => {
    expect(backBlocked({ ...LESSON, current: -1, waiting: null })).toBe(true);
    expect(backBlocked({ ...LESSON, current: 0, waiting: 'next' })).toBe(true);
    expect(backBlocked({ ...LESSON, current: 0, waiting: null })).toBe(false);
    expect(backBlocked({ ...LESSON, current: 1, waiting: 'answer' })).toBe(false);
  });

  it('says how many expectations held at the end', () => {
    const e = (pass: boolean) => ({ step: 0, at: 0, text: '', pass, observed: '' });
    expect(completeText([])).toBe('Lesson complete.');
    expect(completeText([e(true)])).toBe('Lesson complete: the expectation held.');
    expect(completeText([e(true), e(true)])).toBe('Lesson complete: all 2 expectations held.');
    expect(completeText([e(true), e(false), e(true)])).toBe('Lesson complete: 2 of 3 expectations held.');
  });

  it('puts expectations in words, and anything else as written', () => {
    const say = (e: unknown) => describeExpectation(JSON.stringify(e));
    expect(say({ service: 'shop', status: 'Running' })).toBe('shop is Running');
    expect(say({ service: 'shop', available: false })).toBe('shop is not available');
    expect(say({ role: 'shop/WebRole', ready: '>=3' })).toBe('shop/WebRole has >=3 ready instances');
    expect(say({ instance: 'shop/WebRole_IN_1', status: 'ReadyRole', host: 'c0-r1-h00', fd: 1, ud: 1 })).toBe(
      'shop/WebRole_IN_1 is ReadyRole, on c0-r1-h00, in fault domain 1, in update domain 1',
    );
    expect(say({ instance: 'a/B_IN_0', status: 'ReadyRole', notHost: 'c0-r0-h00', diffDisk: 'fresh' })).toBe(
      'a/B_IN_0 is ReadyRole, not on c0-r0-h00, with a fresh differencing disk',
    );
    expect(say({ rack: 'c0-r1', instances: 1 })).toBe('rack c0-r1 holds 1 instance');
    expect(say({ host: 'c0-r1-h00', status: 'Down' })).toBe('host c0-r1-h00 is Down');
    expect(say({ fc: { primaryNot: 'fc2' } })).toBe('the FC primary is not fc2');
    expect(say({ something: 'else' })).toBe('{"something":"else"}');
    expect(describeExpectation('not JSON')).toBe('not JSON');
  });
});

describe('the walkthrough panel', () => {
  it('is not shown without a lesson', () => {
    renderPanel(null);
    expect(screen.queryByRole('region', { name: 'Walkthrough' })).toBeNull();
  });

  it('shows the name and description before the first stop, and Start sends next', async () => {
    const user = userEvent.setup();
    const { sent, region } = renderPanel(LESSON, false);
    expect(within(region()).getByRole('heading', { name: 'A top-of-rack switch fails' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Caption' })).toHaveTextContent('Watch the FC heal a service when a rack is cut off.');
    expect(screen.queryByRole('heading', { name: /^Step / })).toBeNull();
    expect(within(region()).getByText('4 steps')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Progress' })).toHaveTextContent('');
    expect(button('Back')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Start'));
    expect(sent).toEqual([{ type: 'lesson', command: 'next' }]);
  });

  it('shows "Step n of N" and the stop text, as text', () => {
    const { set } = renderPanel();
    set({ current: 3, waiting: 'next' });
    expect(screen.getByRole('heading', { name: 'Step 4 of 4' })).toBeInTheDocument();
    const caption = screen.getByRole('status', { name: 'Caption' });
    expect(caption).toHaveTextContent('The FC healed the service <b>elsewhere</b>.');
    expect(caption.querySelector('b')).toBeNull();
    expect(caption).toHaveTextContent('0+00:40:00');
  });

  it('sends next, back and goto; Back is disabled at the first stop', async () => {
    const user = userEvent.setup();
    const { sent, set } = renderPanel();
    set({ current: 0, waiting: 'next' });
    expect(screen.getByRole('heading', { name: 'Step 1 of 4' })).toBeInTheDocument();
    const back = button('Back');
    expect(back).toHaveAttribute('aria-disabled', 'true');
    expect(back).toHaveAttribute('aria-keyshortcuts', 'PageUp');
    expect(button('Next')).toHaveAttribute('aria-keyshortcuts', 'PageDown');
    expect(button('Next')).not.toHaveAttribute('aria-disabled');
    await user.click(back);
    expect(sent).toEqual([]);
    await user.click(button('Next'));
    set({ current: 3, waiting: 'next' });
    expect(button('Back')).not.toHaveAttribute('aria-disabled');
    await user.click(button('Back'));
    await user.click(within(screen.getByRole('navigation', { name: 'Chapters' })).getByRole('button', { name: 'Break it' }));
    expect(sent).toEqual([
      { type: 'lesson', command: 'next' },
      { type: 'lesson', command: 'back' },
      { type: 'lesson', command: 'goto', index: 2 },
    ]);
  });

  it('lists the chapters and marks the current one', () => {
    const { set } = renderPanel();
    const nav = screen.getByRole('navigation', { name: 'Chapters' });
    const chapter = (name: string) => within(nav).getByRole('button', { name });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Fault domains', 'Break it']);
    expect(chapter('Fault domains')).not.toHaveAttribute('aria-current');
    set({ current: 1, waiting: 'answer' });
    expect(chapter('Fault domains')).toHaveAttribute('aria-current', 'step');
    expect(chapter('Break it')).not.toHaveAttribute('aria-current');
    set({ current: 3, waiting: 'next' });
    expect(chapter('Fault domains')).not.toHaveAttribute('aria-current');
    expect(chapter('Break it')).toHaveAttribute('aria-current', 'step');
  });

  it('says the run is playing toward the next stop, with Next and Back still available', async () => {
    const user = userEvent.setup();
    const { sent, set, store } = renderPanel();
    set({ current: 0, waiting: null });
    const progress = screen.getByRole('status', { name: 'Progress' });
    expect(progress).toHaveTextContent('Playing to the next step…');
    await user.click(button('Next'));
    // between stops, Back returns to the stop last shown, the first one too
    await user.click(button('Back'));
    expect(sent).toEqual([
      { type: 'lesson', command: 'next' },
      { type: 'lesson', command: 'back' },
    ]);
    act(() => store.setState({ running: false }));
    expect(progress).toHaveTextContent('');
    act(() => store.setState({ running: true }));
    set({ waiting: 'next' });
    expect(progress).toHaveTextContent('');
  });

  it('asks the learner to act, shows the hint, and offers to do it for them', async () => {
    const user = userEvent.setup();
    const { sent, set } = renderPanel();
    set({ current: 2, waiting: 'action' });
    expect(screen.getByRole('status', { name: 'Caption' })).toHaveTextContent('Your turn: Fail the top-of-rack switch of rack 1.');
    expect(screen.getByText('fail c0-r1-tor')).toBeInTheDocument();
    const next = button('Next');
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveAccessibleDescription('Next is available once you have done this step.');
    await user.click(next);
    expect(sent).toEqual([]);
    expect(screen.getByRole('status', { name: 'Hint' })).toHaveTextContent('');
    set({ hint: 'You failed c0-r2-tor; the prompt asks for c0-r1-tor.' });
    expect(screen.getByRole('status', { name: 'Hint' })).toHaveTextContent('Not that one. You failed c0-r2-tor; the prompt asks for c0-r1-tor.');
    await user.click(button('Do it for me'));
    expect(sent).toEqual([{ type: 'lesson', command: 'next' }]);
    set({ waiting: null, hint: undefined });
    expect(button('Do it for me')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Next')).not.toHaveAttribute('aria-disabled');
  });

  it('sends the chosen answer, then reveals it with the explanation', async () => {
    const user = userEvent.setup();
    const { sent, set } = renderPanel();
    set({ current: 1, waiting: 'answer' });
    const group = screen.getByRole('radiogroup', { name: 'What happens when a rack switch fails?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['0', '1', '2']);
    const check = button('Check my answer');
    expect(check).toHaveAttribute('aria-disabled', 'true');
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    await user.click(check);
    expect(sent).toEqual([]);
    await user.click(within(group).getByRole('radio', { name: 'The service stops' }));
    expect(check).not.toHaveAttribute('aria-disabled');
    await user.click(check);
    expect(sent).toEqual([{ type: 'answer', stop: 1, choice: 2 }]);

    const reveal = screen.getByRole('status', { name: 'Answer' });
    expect(reveal).toHaveTextContent('');
    set({ answers: { 1: { choice: 2, correct: false, answer: 1, explain: 'The FC moves them to healthy racks.' } } });
    expect(reveal).toHaveTextContent('Not quite. The answer is: Its instances move.');
    expect(reveal).toHaveTextContent('The FC moves them to healthy racks.');
    expect(within(group).getByRole('radio', { name: 'The service stops' })).toBeChecked();
    for (const r of within(group).getAllByRole('radio')) expect(r).toBeDisabled();
    expect(check).toHaveAttribute('aria-disabled', 'true');
    expect(button('Next')).not.toHaveAttribute('aria-disabled');
  });

  it('says Correct for a right answer, and starts the next question afresh', async () => {
    const user = userEvent.setup();
    const { set } = renderPanel();
    set({ current: 1, waiting: 'next', answers: { 1: { choice: 1, correct: true, answer: 1, explain: 'Healing.' } } });
    expect(screen.getByRole('status', { name: 'Answer' })).toHaveTextContent('Correct. The answer is: Its instances move.');
    const other: LessonStop = { step: 7, at: 3_000_000, kind: 'ask', text: 'And now?', choices: ['A', 'B'] };
    set({ stops: [...STOPS, other], current: 4, waiting: 'answer' });
    const radios = within(screen.getByRole('radiogroup', { name: 'And now?' })).getAllByRole('radio');
    for (const r of radios) expect(r).not.toBeChecked();
    expect(screen.getByRole('status', { name: 'Answer' })).toHaveTextContent('');
    await user.click(radios[0]!);
    expect(radios[0]).toBeChecked();
  });

  it('lists what the fabric did with ✓ and ✗ and words, behind a disclosure', async () => {
    const user = userEvent.setup();
    const { set } = renderPanel();
    set({
      current: 3,
      waiting: 'next',
      expectations: [
        { step: 4, at: 2_400_000, text: '{"role":"shop/WebRole","ready":">=3"}', pass: true, observed: '3 ready' },
        { step: 6, at: 2_400_000, text: '{"rack":"c0-r1","instances":0}', pass: false, observed: '2 instances' },
      ],
    });
    const toggle = button('What the fabric did');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('1 of 2 held')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'What the fabric did' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = within(screen.getByRole('list', { name: 'What the fabric did' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '✓ Held 0+00:40:00 shop/WebRole has >=3 ready instancesObserved: 3 ready',
      '✗ Failed 0+00:40:00 rack c0-r1 holds 0 instancesObserved: 2 instances',
    ]);
  });

  it('shows a step that could not run as an alert', () => {
    const { set } = renderPanel();
    set({ current: 0, waiting: null, error: { step: 3, at: 660_000, message: 'no asset c9-r1-tor' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The lesson stopped at steps[3] (0+00:11:00): no asset c9-r1-tor');
    expect(screen.getByRole('status', { name: 'Progress' })).toHaveTextContent('');
  });

  it('says the lesson is complete, with how many expectations held', () => {
    const { set } = renderPanel();
    set({
      current: 3,
      waiting: null,
      done: true,
      expectations: [
        { step: 4, at: 2_400_000, text: 'a', pass: true, observed: 'ok' },
        { step: 6, at: 2_400_000, text: 'b', pass: true, observed: 'ok' },
      ],
    });
    expect(screen.getByRole('status', { name: 'Progress' })).toHaveTextContent('Lesson complete: all 2 expectations held.');
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Next')).toHaveAccessibleDescription('This was the last step.');
  });

  it('plays a scenario straight through without the walkthrough controls', () => {
    const { set } = renderPanel({ ...LESSON, walkthrough: false, waiting: null });
    set({ current: 0 });
    expect(screen.getByRole('status', { name: 'Caption' })).toHaveTextContent('Every role runs in three fault domains.');
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Chapters' })).toBeNull();
  });

  it('can be used with the keyboard alone', async () => {
    const user = userEvent.setup();
    const { sent, set } = renderPanel();
    set({ current: 1, waiting: 'answer' });
    screen.getAllByRole('radio')[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Its instances move' })).toBeChecked();
    await user.tab();
    expect(button('Check my answer')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(sent).toEqual([{ type: 'answer', stop: 1, choice: 1 }]);
    set({ waiting: 'next', answers: { 1: { choice: 1, correct: true, answer: 1, explain: 'Healing.' } } });
    expect(button('Check my answer')).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(button('Next')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(sent.at(-1)).toEqual({ type: 'lesson', command: 'next' });
  });
});

describe('the walkthrough in the app', () => {
  it('appears beside the data center only while a lesson plays, and the top bar offers the lessons', () => {
    const store = createFabricStore();
    render(
      <FabricProvider store={store} send={() => undefined}>
        <App />
      </FabricProvider>,
    );
    expect(screen.queryByRole('region', { name: 'Walkthrough' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lessons' })).toBeInTheDocument();
    act(() => store.setState({ lesson: { ...LESSON, current: 0, waiting: 'next' } }));
    const region = screen.getByRole('region', { name: 'Walkthrough' });
    expect(region.parentElement).toHaveClass('workspace');
    expect(region.nextElementSibling).toBe(screen.getByRole('main'));
    expect(screen.getByRole('status', { name: 'Caption' })).toHaveTextContent('Every role runs in three fault domains.');
  });
});

import { expect, type Locator, type Page } from '@playwright/test';

const STEP_COUNTER = /^Step (\d+) of (\d+)$/;

/**
 * The guided walkthrough as a learner uses it: the region "Walkthrough" with the lesson's
 * name, the step counter, the caption, Back / Next (Start before the first stop), the
 * chapters, a question's choices and "Check my answer", a prompt's hint and "Do it for
 * me", and "What the fabric did"; plus the "Lessons" menu of the top bar.
 *
 * Buttons that cannot be used now are aria-disabled (focus stays on them), which
 * Playwright's toBeDisabled / toBeEnabled understand.
 */
export class WalkthroughPage {
  readonly region: Locator;
  /** The lesson's name. */
  readonly title: Locator;
  /** `Step n of N` (a heading; absent before the first stop). */
  readonly counter: Locator;
  /** The stop's words (or the description before the first stop), a live region. */
  readonly caption: Locator;
  /** "Playing to the next step…" between stops, "Lesson complete: …" at the end. */
  readonly progress: Locator;
  readonly start: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly doItForMe: Locator;
  readonly chapters: Locator;
  readonly choices: Locator;
  readonly checkAnswer: Locator;
  /** The reveal after an answer: `Correct.` / `Not quite.`, the answer and why. */
  readonly reveal: Locator;
  /** Why the learner's action was not the one the prompt asked for. */
  readonly hint: Locator;
  readonly error: Locator;
  /** The disclosure button of "What the fabric did", and its list once open. */
  readonly expectationsToggle: Locator;
  readonly expectations: Locator;
  /** The top bar's "Lessons" button and its menu. */
  readonly lessonsButton: Locator;
  readonly lessonsMenu: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Walkthrough' });
    this.title = this.region.getByRole('heading', { level: 2 });
    this.counter = this.region.getByRole('heading', { name: STEP_COUNTER });
    this.caption = this.region.getByRole('status', { name: 'Caption' });
    this.progress = this.region.getByRole('status', { name: 'Progress' });
    this.start = this.region.getByRole('button', { name: 'Start', exact: true });
    this.next = this.region.getByRole('button', { name: 'Next', exact: true });
    this.back = this.region.getByRole('button', { name: 'Back', exact: true });
    this.doItForMe = this.region.getByRole('button', { name: 'Do it for me', exact: true });
    this.chapters = this.region.getByRole('navigation', { name: 'Chapters' });
    this.choices = this.region.getByRole('radiogroup').getByRole('radio');
    this.checkAnswer = this.region.getByRole('button', { name: 'Check my answer', exact: true });
    this.reveal = this.region.getByRole('status', { name: 'Answer' });
    this.hint = this.region.getByRole('status', { name: 'Hint' });
    this.error = this.region.getByRole('alert');
    this.expectationsToggle = this.region.getByRole('button', { name: 'What the fabric did', exact: true });
    this.expectations = this.region.getByRole('list', { name: 'What the fabric did' }).getByRole('listitem');
    this.lessonsButton = page.getByRole('button', { name: 'Lessons', exact: true });
    this.lessonsMenu = page.getByRole('menu', { name: 'Lessons' });
  }

  /** Opens a lesson by its address, as the Lessons menu does, and waits for the panel. */
  async open(id: string): Promise<void> {
    await this.page.goto(`/?lesson=${encodeURIComponent(id)}`);
    await expect(this.region).toBeVisible();
  }

  /** Opens a lesson through the top bar's Lessons menu, by its title. */
  async pick(title: string): Promise<void> {
    await this.lessonsButton.click();
    await expect(this.lessonsMenu).toBeVisible();
    await this.lessonsMenu.getByRole('menuitem', { name: title, exact: true }).click();
    await expect(this.region).toBeVisible();
  }

  /** The chapter button of that name (aria-current="step" when the learner is in it). */
  chapter(name: string): Locator {
    return this.chapters.getByRole('button', { name, exact: true });
  }

  /** The chosen question's choice of that text. */
  choice(text: string): Locator {
    return this.region.getByRole('radiogroup').getByRole('radio', { name: text, exact: true });
  }

  /** `{ n, of }` from "Step n of N" (null before the first stop). */
  async step(): Promise<{ n: number; of: number } | null> {
    if ((await this.counter.count()) === 0) return null;
    const m = STEP_COUNTER.exec(((await this.counter.textContent()) ?? '').trim());
    return m ? { n: Number(m[1]), of: Number(m[2]) } : null;
  }

  /** Waits until the counter reads `Step n of …`. */
  async waitForStep(n: number): Promise<void> {
    await expect(this.counter).toHaveText(new RegExp(`^Step ${n} of \\d+$`));
  }

  /** Presses Next and waits for the following step (or the end of the lesson). */
  async nextStep(): Promise<void> {
    const at = await this.step();
    await expect(this.next).toBeEnabled();
    await this.next.click();
    if (at && at.n < at.of) await this.waitForStep(at.n + 1);
  }

  /** Chooses an answer by its text, checks it, and waits for the reveal. */
  async answer(text: string): Promise<void> {
    await this.choice(text).check();
    await this.checkAnswer.click();
    await expect(this.reveal).toHaveText(/^(Correct\.|Not quite\.)/);
  }

  /** Opens "What the fabric did" (if closed) and returns its rows. */
  async openExpectations(): Promise<Locator> {
    if ((await this.expectationsToggle.getAttribute('aria-expanded')) !== 'true') await this.expectationsToggle.click();
    return this.expectations;
  }
}

/**
 * What a walkthrough shows: the stops of a scenario (captions, questions, the learner's
 * own actions) and where the run is among them. Plain data, sent to the UI in frames.
 */

export type StopKind = 'say' | 'ask' | 'prompt';

export interface LessonStop {
  /** The step's index in the scenario file (`steps[n]`). */
  readonly step: number;
  /** Simulated time of the step, ms. */
  readonly at: number;
  readonly kind: StopKind;
  /** The caption, the question, or the prompt telling the learner what to do. */
  readonly text: string;
  /** Set on the stop that opens a chapter. */
  readonly chapter?: string;
  /** A question's answers. */
  readonly choices?: readonly string[];
  /** A prompt's expected action, in words (`fail c0-r1-tor`). */
  readonly expected?: string;
}

export interface LessonAnswer {
  readonly choice: number;
  readonly correct: boolean;
  /** The right answer and why, revealed once the learner has answered. */
  readonly answer: number;
  readonly explain: string;
}

export interface LessonExpectation {
  readonly step: number;
  readonly at: number;
  readonly text: string;
  readonly pass: boolean;
  readonly observed: string;
}

export interface LessonState {
  readonly name: string;
  readonly description?: string;
  /** Stops the run at each stop (a guided walkthrough) or plays the scenario straight through. */
  readonly walkthrough: boolean;
  readonly stops: readonly LessonStop[];
  /** The stop shown now; -1 before the first. */
  readonly current: number;
  /** What the walkthrough waits for: the Next button, the learner's action, an answer; null while it runs. */
  readonly waiting: 'next' | 'action' | 'answer' | null;
  /** Answers given so far, by stop number. */
  readonly answers: Readonly<Record<number, LessonAnswer>>;
  /** Expectations checked so far, in run order. */
  readonly expectations: readonly LessonExpectation[];
  /** A scripted step that could not run; the scenario stops there. */
  readonly error?: { readonly step: number; readonly at: number; readonly message: string };
  /** Why the learner's last action was not the one the prompt asked for. */
  readonly hint?: string;
  /** Every step has run. */
  readonly done: boolean;
}

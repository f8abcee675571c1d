/**
 * The replicated log's rules, as pure functions over an array of entries. Indices are
 * 1-based as in the Raft paper (Ongaro and Ousterhout 2014); index 0 is the empty prefix,
 * whose term is 0.
 */

import type { LogEntry } from './types';

export function lastIndex(log: readonly LogEntry[]): number {
  return log.length;
}

/** Term of entry `i`; 0 for index 0; undefined past the end. */
export function termAt(log: readonly LogEntry[], i: number): number | undefined {
  return i === 0 ? 0 : log[i - 1]?.term;
}

export function lastTerm(log: readonly LogEntry[]): number {
  return log[log.length - 1]?.term ?? 0;
}

/**
 * Section 5.4.1, the election restriction: a log ending in (`candTerm`, `candIndex`) is at
 * least as up-to-date as `log` if its last term is later, or equal with an index as long.
 */
export function atLeastAsUpToDate(candTerm: number, candIndex: number, log: readonly LogEntry[]): boolean {
  const mine = lastTerm(log);
  return candTerm > mine || (candTerm === mine && candIndex >= log.length);
}

/** Entries from index `from` on, at most `max` of them. */
export function entriesFrom(log: readonly LogEntry[], from: number, max: number): LogEntry[] {
  return log.slice(from - 1, from - 1 + max);
}

/** First index of the run of entries sharing the term of entry `i` (i >= 1, within the log). */
export function firstIndexOfTerm(log: readonly LogEntry[], i: number): number {
  const t = termAt(log, i);
  let j = i;
  while (j > 1 && termAt(log, j - 1) === t) j--;
  return j;
}

export type AppendOutcome =
  | { readonly ok: true; /** Index of the last entry the message vouched for. */ readonly lastNew: number }
  | { readonly ok: false; /** Where the primary should retry from. */ readonly conflictIndex: number };

export class SafetyError extends Error {
  override name = 'SafetyError';
}

/**
 * AppendEntries receiver, steps 2-4 of Figure 2, applied to `log` in place:
 * refuse unless the log holds an entry at `prevIndex` with `prevTerm` (log matching);
 * delete an existing entry that conflicts with a new one (same index, other term) and all
 * that follow it; append the entries not already there. An entry that already matches is
 * kept, and so is everything after it: a delayed or duplicated message never shortens
 * the log. Truncating at or below `commitIndex` would lose a committed entry: that
 * cannot happen in Raft, so it throws.
 *
 * On refusal the conflict hint (section 5.3, end) lets the primary skip a whole term of
 * mismatching entries at once: the end of a short log, or the first index of the
 * conflicting term.
 */
export function appendEntries(
  log: LogEntry[],
  prevIndex: number,
  prevTerm: number,
  entries: readonly LogEntry[],
  commitIndex: number,
): AppendOutcome {
  if (prevIndex > log.length) return { ok: false, conflictIndex: log.length + 1 };
  if (termAt(log, prevIndex) !== prevTerm) return { ok: false, conflictIndex: firstIndexOfTerm(log, prevIndex) };
  for (let k = 0; k < entries.length; k++) {
    const i = prevIndex + 1 + k;
    const e = entries[k]!;
    if (i <= log.length) {
      if (log[i - 1]!.term === e.term) continue;
      if (i <= commitIndex) {
        throw new SafetyError(`entry ${i} is committed (term ${log[i - 1]!.term}) but a primary sent term ${e.term}`);
      }
      log.length = i - 1;
    }
    log.push(e);
  }
  return { ok: true, lastNew: prevIndex + entries.length };
}

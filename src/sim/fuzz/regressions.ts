/**
 * Cases the fuzzer once failed on, shrunk, pinned as regression tests (the fuzz runner
 * prints a failing case in this form). Each names what it caught.
 */

import type { FuzzCase } from './model';

export const REGRESSIONS: Readonly<Record<string, FuzzCase>> = {};

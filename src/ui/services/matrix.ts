/**
 * The fault domain x update domain matrix of a deployment as plain data: one cell per
 * (UD row, FD column) holding its instances, and keyboard movement over it. Focus rests
 * on an instance, or on a cell when it is empty: Left and Right go to the next fault
 * domain in the row, Up and Down go through a cell's instances and on to the next
 * update domain, Home and End to the ends of the row (with Ctrl, of the matrix).
 */

import type { InstanceView } from '../../sim/fabric/view';
import { isHit } from './instance-status';

export interface MatrixCell {
  readonly ud: number;
  readonly fd: number;
  readonly instances: readonly InstanceView[];
  /** Instances in it that are not ReadyRole. */
  readonly hit: number;
}

export interface Matrix {
  readonly fdCount: number;
  readonly udCount: number;
  /** rows[ud][fd]. */
  readonly rows: readonly (readonly MatrixCell[])[];
}

/** Builds the matrix; instances keep the order they come in (by role, then number). */
export function buildMatrix(fdCount: number, udCount: number, instances: readonly InstanceView[]): Matrix {
  const lists: InstanceView[][][] = Array.from({ length: udCount }, () => Array.from({ length: fdCount }, () => []));
  for (const i of instances) lists[i.ud]?.[i.fd]?.push(i);
  const rows = lists.map((row, ud) => row.map((list, fd) => ({ ud, fd, instances: list, hit: list.filter(isHit).length })));
  return { fdCount, udCount, rows };
}

/** Where focus is: a cell, and the index of an instance in it (0 for an empty cell). */
export interface MatrixPos {
  readonly ud: number;
  readonly fd: number;
  readonly k: number;
}

export const matrixCell = (m: Matrix, p: Pick<MatrixPos, 'ud' | 'fd'>): MatrixCell | undefined => m.rows[p.ud]?.[p.fd];

/** The key a position is known by in the DOM: an instance id, or `cell:UD:FD` for an empty cell. */
export function posKey(m: Matrix, p: MatrixPos): string {
  const inst = matrixCell(m, p)?.instances[p.k];
  return inst ? inst.id : `cell:${p.ud}:${p.fd}`;
}

/** The position of an instance id or empty-cell key, if it is in the matrix. */
export function findPos(m: Matrix, key: string): MatrixPos | undefined {
  for (const row of m.rows) {
    for (const cell of row) {
      if (key === `cell:${cell.ud}:${cell.fd}`) return { ud: cell.ud, fd: cell.fd, k: 0 };
      const k = cell.instances.findIndex((i) => i.id === key);
      if (k >= 0) return { ud: cell.ud, fd: cell.fd, k };
    }
  }
  return undefined;
}

/** The first instance of the matrix, or its first cell. */
export function firstPos(m: Matrix): MatrixPos | undefined {
  for (const row of m.rows) for (const cell of row) if (cell.instances.length > 0) return { ud: cell.ud, fd: cell.fd, k: 0 };
  return m.udCount > 0 && m.fdCount > 0 ? { ud: 0, fd: 0, k: 0 } : undefined;
}

const size = (m: Matrix, ud: number, fd: number): number => matrixCell(m, { ud, fd })?.instances.length ?? 0;

const at = (m: Matrix, ud: number, fd: number, k: number): MatrixPos => ({ ud, fd, k: Math.max(0, Math.min(k, size(m, ud, fd) - 1)) });

export const MATRIX_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

export function isMatrixKey(key: string): key is (typeof MATRIX_KEYS)[number] {
  return (MATRIX_KEYS as readonly string[]).includes(key);
}

/** Where a key moves focus from `p` (the same position at an edge). */
export function moveInMatrix(m: Matrix, p: MatrixPos, key: (typeof MATRIX_KEYS)[number], ctrl = false): MatrixPos {
  const lastUd = m.udCount - 1;
  const lastFd = m.fdCount - 1;
  switch (key) {
    case 'ArrowLeft':
      return p.fd > 0 ? at(m, p.ud, p.fd - 1, p.k) : p;
    case 'ArrowRight':
      return p.fd < lastFd ? at(m, p.ud, p.fd + 1, p.k) : p;
    case 'ArrowDown':
      if (p.k < size(m, p.ud, p.fd) - 1) return { ...p, k: p.k + 1 };
      return p.ud < lastUd ? at(m, p.ud + 1, p.fd, 0) : p;
    case 'ArrowUp':
      if (p.k > 0) return { ...p, k: p.k - 1 };
      return p.ud > 0 ? at(m, p.ud - 1, p.fd, size(m, p.ud - 1, p.fd) - 1) : p;
    case 'Home':
      return ctrl ? at(m, 0, 0, 0) : at(m, p.ud, 0, 0);
    case 'End':
      return ctrl ? at(m, lastUd, lastFd, size(m, lastUd, lastFd) - 1) : at(m, p.ud, lastFd, size(m, p.ud, lastFd) - 1);
  }
}

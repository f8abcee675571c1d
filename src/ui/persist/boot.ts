/**
 * The page's start with what this browser keeps: opens the database (saying once when
 * nothing can be kept), plans the start with the kept run of this very address (which
 * then resumes; see ../run/start.ts), offers to start afresh instead, and from then on
 * keeps the run under the address the page shows. main.tsx calls planKeptStart in place of planStart.
 */

import { planStart, runAddress, type StartPlan } from '../run/start';
import { keptDb } from './db';
import { offerAfresh } from './resume';
import { deleteRun, keepRuns, savedRunLookup, type RunSource } from './runs';

export async function planKeptStart(loc: { search: string; hash: string }, client: RunSource, fetchFn: typeof fetch = fetch): Promise<StartPlan> {
  // the address as the page was opened (a copied link changes it later)
  const at = { search: loc.search, hash: loc.hash };
  const db = await keptDb();
  const plan = await planStart(at, fetchFn, savedRunLookup(db));
  // kept under the address the page shows (loc is the live location in the page)
  const now = () => runAddress({ search: loc.search, hash: loc.hash });
  keepRuns(client, now, db);
  if (plan.resumed) {
    offerAfresh({
      message: plan.resumed.message,
      fresh: async () => {
        try {
          await deleteRun(db, now());
        } catch {
          // reported by the database; the new run replaces it as it goes
        }
        return (await planStart(at, fetchFn)).options;
      },
    });
  }
  return db.notice ? { ...plan, notices: [...plan.notices, db.notice] } : plan;
}

/**
 * `npm run sim -- --validate FILES...`: service model diagnostics, one per line.
 */

import type { CliResult } from './run';

export function validateCommand(files: readonly string[], json: boolean): CliResult {
  void files;
  void json;
  return { code: 2, stdout: '', stderr: 'sim: --validate is not supported yet\n' };
}

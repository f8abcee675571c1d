/**
 * `npm run sim -- --scenario FILE [--json]`: runs a scenario file headless.
 */

import type { CliResult } from './run';

export function scenarioCommand(file: string, opts: { json: boolean; seed: number | undefined }): CliResult {
  void file;
  void opts;
  return { code: 2, stdout: '', stderr: 'sim: --scenario is not supported yet\n' };
}

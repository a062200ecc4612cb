import type { Workbench, WorkbenchOptions } from '../core/workbench';
import { CommandError } from './cli-io';
import { openWorkbench } from './open-workbench';

/**
 * Opens the workbench and starts its receiver for a CLI command, turning every failure a user can cause (database
 * unreadable, port taken) into a `CommandError` that says what to do.
 */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const workbench = openWorkbench(options);
  const status = await workbench.start();
  if (status.state !== 'listening' || !status.url) {
    await workbench.close();
    throw new CommandError(status.error ?? 'The receiver did not start.');
  }
  return workbench;
}

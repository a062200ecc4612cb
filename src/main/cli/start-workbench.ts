import { DatabaseOpenError } from '../db/open-database';
import { createWorkbench, type Workbench, type WorkbenchOptions } from '../core/workbench';
import { CommandError } from './cli-io';

/**
 * Opens the workbench and starts its receiver for a CLI command, turning every failure a user can cause (database
 * unreadable, port taken) into a `CommandError` that says what to do.
 */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  let workbench: Workbench;
  try {
    workbench = createWorkbench(options);
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      const hint = error.canMoveAside
        ? `\nTo keep that file and start a new history, move it aside:\n  mv '${error.path}' '${error.path}.broken'`
        : '';
      throw new CommandError(error.message + hint);
    }
    throw error;
  }
  const status = await workbench.start();
  if (status.state !== 'listening' || !status.url) {
    await workbench.close();
    throw new CommandError(status.error ?? 'The receiver did not start.');
  }
  return workbench;
}

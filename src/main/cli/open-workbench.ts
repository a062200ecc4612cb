import { HookbenchError } from '../core/errors';
import { createWorkbench, type Workbench, type WorkbenchOptions } from '../core/workbench';
import { DatabaseOpenError } from '../db/open-database';
import { CommandError } from './cli-io';

/**
 * Opens the workbench (database and services) without starting the receiver, turning a database that cannot be
 * opened into a `CommandError` that says what to do.
 */
export function openWorkbench(options: WorkbenchOptions): Workbench {
  try {
    return createWorkbench(options);
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      const hint = error.canMoveAside
        ? `\nTo keep that file and start a new history, move it aside:\n  mv '${error.path}' '${error.path}.broken'`
        : '';
      throw new CommandError(error.message + hint);
    }
    throw error;
  }
}

/**
 * Runs `work` against an opened (not started) workbench and closes it afterwards, for commands that only read or
 * change the history. Errors the core words for users (`HookbenchError`) become `CommandError`s (exit code 1).
 */
export async function withWorkbench<T>(
  options: WorkbenchOptions,
  work: (workbench: Workbench) => Promise<T> | T,
): Promise<T> {
  const workbench = openWorkbench(options);
  try {
    return await work(workbench);
  } catch (error) {
    if (error instanceof HookbenchError) throw new CommandError(error.message);
    throw error;
  } finally {
    await workbench.close();
  }
}

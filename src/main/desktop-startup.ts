import { resolve } from 'node:path';
import { DatabaseOpenError } from './db/open-database';

/**
 * The `--data-dir=<dir>` (or `--data-dir <dir>`) argument, resolved against the working directory; `undefined`
 * when absent so the shared default (which honours HOOKBENCH_DATA_DIR) applies. An empty value is an error: silently
 * falling back to the default would write to the wrong history.
 */
export function dataDirFromArgv(argv: readonly string[], cwd: string = process.cwd()): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg.startsWith('--data-dir=')) value = arg.slice('--data-dir='.length);
    else if (arg === '--data-dir') value = argv[i + 1] ?? '';
    else continue;
    if (value.trim() === '') throw new Error('--data-dir needs a folder, e.g. --data-dir=/path/to/folder.');
    return resolve(cwd, value);
  }
  return undefined;
}

/** What the user chose in the database problem dialog. */
export type DatabaseChoice = 'move-aside' | 'retry' | 'quit';

export interface DatabaseDialog {
  message: string;
  detail: string;
  buttons: string[];
  /** The choice behind each button, same order. */
  choices: DatabaseChoice[];
  defaultId: number;
  cancelId: number;
}

export const MOVE_ASIDE_LABEL = 'Move it aside and start a new history';

/**
 * The dialog shown when the history cannot be opened: the problem in the database layer's words, and the way out
 * it allows. Moving aside is offered only when a fresh file would help (damaged, newer schema), never for a lock
 * or a full disk, and it renames the file; nothing is deleted.
 */
export function databaseDialog(error: DatabaseOpenError): DatabaseDialog {
  const buttons: string[] = [];
  const choices: DatabaseChoice[] = [];
  let detail = error.message;
  if (error.canMoveAside) {
    buttons.push(MOVE_ASIDE_LABEL);
    choices.push('move-aside');
    detail +=
      `\n\nMoving it aside renames ${error.path} to ${error.path}.broken-<date> and starts an empty history; ` +
      'nothing is deleted.';
  }
  buttons.push('Try again', 'Quit');
  choices.push('retry', 'quit');
  return {
    message: 'Hookbench cannot open its history',
    detail,
    buttons,
    choices,
    defaultId: 0,
    cancelId: choices.indexOf('quit'),
  };
}

/**
 * Opens the workbench, asking the user what to do each time the database cannot be opened: move the file aside and
 * retry, retry as is (after closing another Hookbench or freeing disk space), or give up (`undefined`). Other errors
 * propagate unchanged.
 */
export async function openWithRecovery<T>(
  open: () => T,
  ask: (error: DatabaseOpenError) => Promise<DatabaseChoice>,
  moveAside: (path: string) => string,
  log: (message: string) => void = (message) => {
    console.warn(message);
  },
): Promise<T | undefined> {
  for (;;) {
    try {
      return open();
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      const choice = await ask(error);
      if (choice === 'quit') return undefined;
      if (choice === 'move-aside' && error.canMoveAside) {
        const kept = moveAside(error.path);
        log(`Hookbench moved the history it could not open to ${kept}; starting a new one.`);
      }
    }
  }
}

/** The part of Electron's `before-quit` event the guard uses. */
export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * A `before-quit` listener that holds the quit once, closes the workbench (receiver and database, so the WAL is
 * checkpointed and no request is cut off mid-commit), then quits for real. Further quit attempts while closing
 * are held too; after closing, quits pass through.
 */
export function createQuitGuard(
  close: () => Promise<void>,
  quit: () => void,
  log: (error: unknown) => void = (error) => {
    console.error('Hookbench could not close cleanly:', error);
  },
): (event: PreventableEvent) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void close()
      .catch(log)
      .finally(() => {
        state = 'closed';
        quit();
      });
  };
}

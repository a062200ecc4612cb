import { migration0001 } from './0001-captures';
import { migration0002 } from './0002-inboxes-search-pins';
import { migration0003 } from './0003-signature-verdicts';
import { migration0004 } from './0004-capture-route';
import { migration0005 } from './0005-tenant-profiles';
import { migration0006 } from './0006-check-verdicts';
import { migration0007 } from './0007-partial-filter-indexes';
import { migration0008 } from './0008-check-findings-table';
import type { Migration } from './migration';

/** Every migration in order; the database's `user_version` says how many have been applied. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
];

import type { ReactNode } from 'react';
import type { CheckSummary } from '../../../../shared/check-models';
import { checkBadgeLook, checkTabMark } from './check-format';

/** A capture's check verdict as a small mark in its list row. */
export function CheckBadge({ check }: { check: CheckSummary }) {
  const look = checkBadgeLook(check);
  return (
    <span
      className={`row-badge check-badge check-${look.tone}${look.verdict === 'pending' ? ' check-pending' : ''}`}
      title={look.label}
      aria-label={look.label}
      role="img"
      data-testid="check-badge"
      data-verdict={look.verdict}
    >
      {look.mark}
    </span>
  );
}

/** The Check tab's label with the verdict's mark, as in `[Check ⚠2]`. */
export function checkTabLabel(check: CheckSummary): ReactNode {
  const mark = checkTabMark(check);
  if (!mark) return 'Check';
  const look = checkBadgeLook(check);
  return (
    <>
      Check{' '}
      <span className={`tab-count check-${look.tone}`} title={look.label}>
        {mark}
      </span>
    </>
  );
}

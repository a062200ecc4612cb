import type {
  CheckSummary,
  CheckVerdict,
  FindingKind,
  FindingSeverity,
  ShapeStatus,
} from '../../../../shared/check-models';

/** How a check verdict looks in a list row and on the Check tab. */
export interface CheckBadgeLook {
  verdict: CheckVerdict;
  tone: 'success' | 'warning' | 'muted' | 'faint';
  /** What the badge shows: `✓`, `⚠ 2`, `?`, `not JSON`, or a dot while pending. */
  mark: string;
  /** The verdict in words, for the tooltip and screen readers. */
  label: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a capture's check verdict looks like (conforms ✓ green, deviates ⚠ N amber, unidentified ?, not JSON). */
export function checkBadgeLook(check: CheckSummary): CheckBadgeLook {
  const event = check.eventType ? ` (${check.eventType})` : '';
  switch (check.verdict) {
    case 'conforms': {
      const warnings = check.warnings > 0 ? `, ${plural(check.warnings, 'warning')}` : '';
      return {
        verdict: 'conforms',
        tone: 'success',
        mark: '✓',
        label: `Conforms to the documentation${event}${warnings}`,
      };
    }
    case 'deviates': {
      const n = check.errors > 0 ? check.errors : check.warnings;
      return {
        verdict: 'deviates',
        tone: 'warning',
        mark: `⚠ ${n}`,
        label: `Deviates from the documentation${event}: ${plural(check.errors, 'error')}${
          check.warnings > 0 ? `, ${plural(check.warnings, 'warning')}` : ''
        }`,
      };
    }
    case 'unidentified':
      return { verdict: 'unidentified', tone: 'muted', mark: '?', label: 'No documented event matches' };
    case 'not-json':
      return { verdict: 'not-json', tone: 'faint', mark: 'not JSON', label: 'The body is not JSON' };
    case 'pending':
      return { verdict: 'pending', tone: 'faint', mark: '•', label: 'Checking against the documentation…' };
  }
}

/** The mark the Check tab's label carries (`⚠2`, `✓`, `?`); null when there is nothing to show. */
export function checkTabMark(check: CheckSummary): string | null {
  switch (check.verdict) {
    case 'conforms':
      return '✓';
    case 'deviates':
      return `⚠${check.errors > 0 ? check.errors : check.warnings}`;
    case 'unidentified':
      return '?';
    default:
      return null;
  }
}

/** Verdicts offered in the Check filter. */
export const CHECK_OPTIONS: readonly { value: CheckVerdict; label: string }[] = [
  { value: 'deviates', label: 'Deviates from the documentation' },
  { value: 'conforms', label: 'Conforms' },
  { value: 'unidentified', label: 'Unidentified' },
  { value: 'not-json', label: 'Not JSON' },
];

const KIND_WORDS: Record<FindingKind, string> = {
  missing: 'missing',
  type: 'type changed',
  undocumented: 'undocumented',
  enum: 'not in enum',
  format: 'format',
  deprecated: 'deprecated',
  envelope: 'envelope',
  'undocumented-shape': 'undocumented shape',
  'not-json': 'not JSON',
};

/** A finding kind in a few words. */
export function kindWords(kind: FindingKind): string {
  return KIND_WORDS[kind];
}

/** The mark of a finding's severity. */
export function severityMark(severity: FindingSeverity): string {
  return severity === 'error' ? '✗' : severity === 'warning' ? '⚠' : 'ℹ';
}

const STATUS_WORDS: Record<ShapeStatus, string> = {
  ok: 'as documented',
  missing: 'missing',
  undocumented: 'undocumented',
  'type-changed': 'type changed',
};

/** A shape node's status in words. */
export function shapeStatusWords(status: ShapeStatus): string {
  return STATUS_WORDS[status];
}

/** The mark of a shape node's status: ✓ ok, − missing, + undocumented, ≠ type changed. */
export function shapeStatusMark(status: ShapeStatus): string {
  return status === 'ok' ? '✓' : status === 'missing' ? '−' : status === 'undocumented' ? '+' : '≠';
}

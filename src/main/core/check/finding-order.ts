import type { CheckFinding, CheckResult } from '../../../shared/check-models';

/** Findings kept per payload; a payload that differs everywhere is summed up in one more line. */
export const MAX_FINDINGS = 200;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Errors first, then warnings, then notes; duplicates (the same kind at the same path) once, and no enum or format
 * finding where the value already has the wrong type.
 */
export function tidyFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  const seen = new Set<string>();
  const mistyped = new Set(findings.filter((f) => f.kind === 'type').map((f) => f.path));
  const unique = findings.filter((f) => {
    // Envelope findings at one path say different things (prefix, suffix); others repeat (Ajv's and the walk's).
    const key = `${f.path}\u0000${f.kind}${f.kind === 'envelope' ? `\u0000${f.message}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !((f.kind === 'enum' || f.kind === 'format') && mistyped.has(f.path));
  });
  const sorted = unique
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  if (sorted.length <= MAX_FINDINGS) return sorted;
  const rest = sorted.slice(MAX_FINDINGS);
  return [
    ...sorted.slice(0, MAX_FINDINGS),
    {
      path: '',
      kind: rest[0]?.kind ?? 'undocumented',
      severity: 'info',
      message: `${rest.length} more findings are not listed.`,
    },
  ];
}

/** A payload conforms when it has no error finding. */
export function verdictOf(findings: readonly CheckFinding[]): Pick<CheckResult, 'verdict' | 'conforms'> {
  const conforms = !findings.some((f) => f.severity === 'error');
  return { conforms, verdict: conforms ? 'conforms' : 'deviates' };
}

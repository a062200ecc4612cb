import {
  checkCandidate,
  checkFinding,
  checkVerdict,
  type CaptureCheckDetail,
  type CheckResult,
  type CheckSummary,
} from '../../shared/check-models';

/** The check columns of a capture row. */
export interface CheckRow {
  check_verdict: string;
  check_provider: string | null;
  check_event: string | null;
  check_errors: number;
  check_warnings: number;
}

/** The columns list rows read. */
export const CHECK_SUMMARY_COLUMNS =
  'check_verdict, check_provider, check_event, check_errors, check_warnings';

/** What a capture has before its check ran. */
export const PENDING_CHECK: Readonly<CheckSummary> = Object.freeze({
  verdict: 'pending',
  provider: null,
  eventType: null,
  errors: 0,
  warnings: 0,
});

/** A check result as stored: the counts in their columns, the findings as JSON. */
export interface StoredCheck {
  verdict: CheckResult['verdict'];
  provider: string | null;
  event: string | null;
  errors: number;
  warnings: number;
  /** JSON of the result's findings, candidates, decoded paths and how it was identified. */
  findings: string;
  checkedWith: string;
}

/**
 * SQL for a capture's findings JSON, with `captures c LEFT JOIN check_findings f ON f.id = c.id`: in the
 * `check_findings` table since migration 0008, in the row's column for captures checked before it.
 */
export const FINDINGS = 'coalesce(f.findings, c.check_findings)';

/** The JSON kept in `check_findings`. */
interface FindingsJson {
  findings: unknown;
  candidates?: unknown;
  decodedPaths?: unknown;
  identifiedBy?: unknown;
}

/** The columns of a check result. */
export function storedCheckOf(result: CheckResult, checkedWith: string): StoredCheck {
  const json: FindingsJson = { findings: result.findings };
  if (result.candidates) json.candidates = result.candidates;
  if (result.decodedPaths) json.decodedPaths = result.decodedPaths;
  if (result.identifiedBy) json.identifiedBy = result.identifiedBy;
  return {
    verdict: result.verdict,
    provider: result.provider,
    event: result.eventType,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    findings: JSON.stringify(json),
    checkedWith,
  };
}

/** The list row's check; a verdict written by a newer version reads as pending (and is checked again). */
export function checkSummaryFromRow(row: CheckRow): CheckSummary {
  const verdict = checkVerdict.safeParse(row.check_verdict);
  return {
    verdict: verdict.success ? verdict.data : 'pending',
    provider: row.check_provider,
    eventType: row.check_event,
    errors: row.check_errors,
    warnings: row.check_warnings,
  };
}

/** The whole stored result, rebuilt from the columns; null while pending or when the JSON cannot be read. */
export function checkResultFromRow(row: CheckRow & { check_findings: string | null }): CheckResult | null {
  const summary = checkSummaryFromRow(row);
  if (summary.verdict === 'pending' || row.check_findings === null) return null;
  let json: FindingsJson;
  try {
    json = JSON.parse(row.check_findings) as FindingsJson;
  } catch {
    return null;
  }
  const findings = checkFinding.array().safeParse(json.findings);
  const candidates = checkCandidate.array().safeParse(json.candidates);
  const decoded = Array.isArray(json.decodedPaths)
    ? json.decodedPaths.filter((p): p is string => typeof p === 'string')
    : null;
  return {
    provider: summary.provider,
    eventType: summary.eventType,
    verdict: summary.verdict,
    conforms: summary.verdict === 'conforms',
    findings: findings.success ? findings.data : [],
    ...(candidates.success ? { candidates: candidates.data } : {}),
    ...(decoded ? { decodedPaths: decoded } : {}),
    identifiedBy: typeof json.identifiedBy === 'string' ? json.identifiedBy : null,
  };
}

/** The detail view's check. */
export function checkDetailFromRow(
  row: CheckRow & { check_findings: string | null; checked_with: string | null },
): CaptureCheckDetail {
  return { result: checkResultFromRow(row), checkedWith: row.checked_with };
}

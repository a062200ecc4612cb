import type { Inbox, InboxSettings } from '../../../../shared/inbox-models';
import type { HeaderPair } from '../../../../shared/models';
import { filledHeaderRows, headerRowsProblem } from '../../components/header-rows-editor';

/** The inbox settings as the form edits them: numbers as typed, empty strings for "none". */
export interface InboxSettingsForm {
  name: string;
  slug: string;
  status: string;
  headers: HeaderPair[];
  body: string;
  delayMs: string;
  failFirstAttempts: string;
  failPercent: string;
  failStatus: string;
  neverAnswer: boolean;
  deliveryIdHeader: string;
  forwardUrl: string;
  respondWith: 'rule' | 'downstream';
  forwardTimeoutMs: string;
  /** Set through its own channel (it carries a secret); kept as it is when the other settings are saved. */
  verification: InboxSettings['verification'];
}

export type FormField = keyof InboxSettingsForm;

/** The form's starting values for an inbox. */
export function formFromInbox(inbox: Inbox): InboxSettingsForm {
  const { response, failure, forward, deliveryIdHeader } = inbox.settings;
  return {
    name: inbox.name,
    slug: inbox.slug,
    status: String(response.status),
    headers: response.headers.map(([n, v]) => [n, v]),
    body: response.body,
    delayMs: String(response.delayMs),
    failFirstAttempts: String(failure.failFirstAttempts),
    failPercent: String(failure.failPercent),
    failStatus: String(failure.failStatus),
    neverAnswer: failure.neverAnswer,
    deliveryIdHeader: deliveryIdHeader ?? '',
    forwardUrl: forward.url ?? '',
    respondWith: forward.respondWith,
    forwardTimeoutMs: String(forward.timeoutMs),
    verification: inbox.settings.verification,
  };
}

/** Reads a whole number within bounds, or says what is wrong in words naming the field. */
function wholeNumber(text: string, field: string, min: number, max: number): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `${field} must be a whole number from ${min} to ${max}`;
  const value = Number(trimmed);
  if (value < min || value > max) return `${field} must be from ${min} to ${max}`;
  return value;
}

/** Reads a number (decimals allowed) within bounds, or says what is wrong. */
function decimal(text: string, field: string, min: number, max: number): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `${field} must be a number from ${min} to ${max}`;
  if (value < min || value > max) return `${field} must be from ${min} to ${max}`;
  return value;
}

/**
 * Checks the form with the same limits as the contract, and builds the settings to save. Each problem is keyed by
 * the field it belongs to, in words that name it; `settings` is present only when there is none.
 */
export function readSettingsForm(form: InboxSettingsForm): {
  problems: Partial<Record<FormField, string>>;
  settings?: InboxSettings;
} {
  const problems: Partial<Record<FormField, string>> = {};
  const take = <T>(field: FormField, value: T | string): T | undefined => {
    if (typeof value === 'string') {
      problems[field] = value;
      return undefined;
    }
    return value;
  };
  const status = take<number>('status', wholeNumber(form.status, 'Status', 100, 599));
  const delayMs = take<number>('delayMs', wholeNumber(form.delayMs, 'Delay', 0, 300_000));
  const failFirstAttempts = take<number>(
    'failFirstAttempts',
    wholeNumber(form.failFirstAttempts, 'Fail first attempts', 0, 100),
  );
  const failPercent = take<number>('failPercent', decimal(form.failPercent, 'Fail percentage', 0, 100));
  const failStatus = take<number>('failStatus', wholeNumber(form.failStatus, 'Failure status', 400, 599));
  const forwardTimeoutMs = take<number>(
    'forwardTimeoutMs',
    wholeNumber(form.forwardTimeoutMs, 'Forward timeout', 100, 120_000),
  );
  const headersProblem = headerRowsProblem(form.headers);
  if (headersProblem) problems.headers = headersProblem;
  if (form.body.length > 1024 * 1024) problems.body = 'The response body can be at most 1 MiB';
  if (form.name.trim() === '') problems.name = 'A name is needed';
  const forwardUrl = form.forwardUrl.trim();
  if (forwardUrl !== '') {
    let protocol = '';
    try {
      protocol = new URL(forwardUrl).protocol;
    } catch {
      problems.forwardUrl = `Forward URL "${forwardUrl}" is not a URL; it needs http:// or https:// in front`;
    }
    if (!problems.forwardUrl && protocol !== 'http:' && protocol !== 'https:') {
      problems.forwardUrl = 'The forward URL must start with http:// or https://';
    }
  }
  const deliveryIdHeader = form.deliveryIdHeader.trim();
  if (deliveryIdHeader !== '' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(deliveryIdHeader)) {
    problems.deliveryIdHeader = 'The delivery id header must be a header name (letters, digits and dashes)';
  }
  if (
    Object.keys(problems).length > 0 ||
    status === undefined ||
    delayMs === undefined ||
    failFirstAttempts === undefined ||
    failPercent === undefined ||
    failStatus === undefined ||
    forwardTimeoutMs === undefined
  ) {
    return { problems };
  }
  return {
    problems,
    settings: {
      response: { status, headers: filledHeaderRows(form.headers), body: form.body, delayMs },
      failure: { failFirstAttempts, failPercent, failStatus, neverAnswer: form.neverAnswer },
      deliveryIdHeader: deliveryIdHeader === '' ? null : deliveryIdHeader,
      forward: {
        url: forwardUrl === '' ? null : forwardUrl,
        respondWith: form.respondWith,
        timeoutMs: forwardTimeoutMs,
      },
      verification: form.verification,
    },
  };
}

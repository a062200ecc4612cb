import { readFileSync } from 'node:fs';
import type { FireSign, RetryPolicy } from '../../shared/fire-models';
import type { HeaderPair } from '../../shared/models';
import { HookbenchError } from '../core/errors';
import { FireService } from '../core/fire/fire-service';
import { sign } from '../core/signatures/index';
import { parseVerifySpec, VerifySpecError } from '../core/signatures/verify-spec';
import { openCatalog, requireEvent, requireProvider } from './catalog-cli-support';
import { CommandError, UsageError, type CliIo } from './cli-io';
import { bodyText } from './format-captures';
import { HELP } from './help-texts';
import { parseOptions } from './parse-options';
import { formatAttempt, formatBulk } from './trigger-output';
import { triggerInSandbox } from './trigger-sandbox';

const COMMAND = 'trigger';

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`, COMMAND);
  return Number(value);
}

function headerOption(values: readonly string[] | undefined): HeaderPair[] {
  return (values ?? []).map((text) => {
    const at = text.indexOf(':');
    const name = at > 0 ? text.slice(0, at).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new UsageError(`--header takes "Name: value", not "${text}"`, COMMAND);
    return [name, text.slice(at + 1).trim()];
  });
}

function signOption(value: string | undefined): FireSign | undefined {
  if (value === undefined) return undefined;
  try {
    const spec = parseVerifySpec(value);
    return { scheme: spec.scheme, secret: spec.secret, options: spec.options };
  } catch (error) {
    if (error instanceof VerifySpecError) throw new UsageError(`--sign: ${error.message}`, COMMAND);
    throw error;
  }
}

function retryOption(value: string | undefined, compress: string | undefined): RetryPolicy | undefined {
  if (value === undefined) {
    if (compress !== undefined) throw new UsageError('--compress applies to --retry', COMMAND);
    return undefined;
  }
  const compression = compress === undefined ? 1 : Number(compress);
  if (!Number.isFinite(compression) || compression < 1)
    throw new UsageError(`--compress must be a number of 1 or more, not "${compress ?? ''}"`, COMMAND);
  if (value === 'provider' || value === 'svix') return { schedule: value, compression };
  const delays = value.split(',').map(Number);
  if (delays.length === 0 || delays.some((d) => !Number.isFinite(d) || d < 0))
    throw new UsageError(
      `--retry takes provider, svix or delays in seconds such as 0,5,300; not "${value}"`,
      COMMAND,
    );
  return { schedule: delays, compression };
}

async function readBody(file: string | undefined, io: CliIo): Promise<string | undefined> {
  if (file === undefined) return undefined;
  if (file === '-') return (await io.readStdin()).toString('utf8');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CommandError(
      `Cannot read ${file}: ${code === 'ENOENT' ? 'there is no such file' : String(error)}.`,
    );
  }
}

/**
 * `hookbench trigger <event-type> --to <url>`: sends a catalogued event with a realistic sample payload (or the body
 * given), the provider's envelope, headers and signing; `--count N --concurrency C` load-tests an endpoint and prints
 * the latency percentiles. Exit 0 when every request got a 2xx answer, 1 otherwise, 2 for a bad command line.
 */
export async function triggerCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    COMMAND,
    argv,
    {
      to: { type: 'string' },
      tenant: { type: 'string' },
      data: { type: 'string' },
      provider: { type: 'string' },
      prefix: { type: 'string' },
      suffix: { type: 'string' },
      sign: { type: 'string' },
      header: { type: 'string', multiple: true },
      body: { type: 'string' },
      count: { type: 'string' },
      concurrency: { type: 'string' },
      retry: { type: 'string' },
      compress: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  );
  if (values.help) {
    io.out(HELP.trigger ?? '');
    return 0;
  }
  const [name] = positionals;
  if (name === undefined)
    throw new UsageError('name the event type to send, e.g. use_case_review_status_updated', COMMAND);
  if (values.tenant !== undefined)
    return triggerInSandbox(name, values.tenant, values.provider, values.data, io);
  if (values.to === undefined)
    throw new UsageError(
      '--to <url> is needed: where to send the event (or --tenant <sandbox base URL>)',
      COMMAND,
    );
  if (!/^https?:\/\/[^/]/i.test(values.to) || !URL.canParse(values.to))
    throw new UsageError(`--to takes a http:// or https:// URL, not "${values.to}"`, COMMAND);
  const count = wholeNumber('count', values.count, 1, 1_000_000);
  const concurrency = wholeNumber('concurrency', values.concurrency, 1, 1000);
  if (concurrency !== undefined && count === undefined)
    throw new UsageError('--concurrency applies to --count', COMMAND);
  if (count !== undefined && values.retry !== undefined)
    throw new UsageError('--retry cannot be used with --count', COMMAND);
  const timeoutMs = wholeNumber('timeout', values.timeout, 100, 120_000) ?? 10_000;
  const headers = headerOption(values.header);
  const signing = signOption(values.sign);
  const retry = retryOption(values.retry, values.compress);

  const catalog = openCatalog(io, values['data-dir']);
  if (values.provider) requireProvider(catalog, values.provider, COMMAND);
  const found = requireEvent(catalog, name, values.provider, COMMAND);
  if (found.event.info.kind === 'wildcard')
    throw new UsageError(
      `${found.event.info.name} is a subscription wildcard, not an event: name an event`,
      COMMAND,
    );
  const envelope = {
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    ...(values.suffix === undefined ? {} : { suffix: values.suffix }),
  };
  const fire = new FireService({
    catalog: () => catalog,
    signer: sign,
    receiverUrl: () => null,
    inboxExists: () => false,
    onProgress: () => undefined,
  });
  const body = await readBody(values.body, io);
  const common = {
    provider: found.provider.detail.id,
    event: found.event.info.name,
    target: { kind: 'url' as const, url: values.to },
    envelope,
    headers,
    timeoutMs,
    ...(body === undefined ? {} : { body }),
    ...(signing ? { sign: signing } : {}),
  };
  try {
    if (count !== undefined) {
      const result = await fire.bulk({ ...common, count, concurrency: concurrency ?? 10 });
      if (values.json) io.out(JSON.stringify(result));
      else for (const line of formatBulk(result, common.event, concurrency ?? 10)) io.out(line);
      return result.errors === 0 ? 0 : 1;
    }
    const result = await fire.send({ ...common, ...(retry ? { retry } : {}) }, true);
    if (values.json) {
      io.out(JSON.stringify(result));
    } else {
      io.out(`Sent ${result.event} (${result.provider}) to ${result.url} as ${result.messageId}`);
      for (const attempt of result.attempts) io.out(formatAttempt(attempt));
      const last = result.attempts[result.attempts.length - 1];
      if (last?.exchange.status != null) {
        io.out('Response headers:');
        for (const [n, v] of last.exchange.headers) io.out(`  ${n}: ${v}`);
        const type = last.exchange.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
        io.out('Response body:');
        for (const line of bodyText(last.exchange.bodyBase64, type)) io.out(`  ${line}`);
      }
    }
    return result.state === 'delivered' ? 0 : 1;
  } catch (error) {
    if (error instanceof HookbenchError) throw new CommandError(error.message);
    throw error;
  } finally {
    fire.close();
  }
}

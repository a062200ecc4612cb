import { request } from 'undici';
import { CommandError, UsageError, type CliIo } from './cli-io';
import { openCatalog, requireEvent } from './catalog-cli-support';

/**
 * `hookbench trigger <event-type> --tenant <base URL>`: makes the event happen in a sandbox tenant
 * (`POST <base>/_sandbox/events`), which delivers it to every matching subscription. Exit 0 when each first attempt
 * got a 2xx answer.
 */
export async function triggerInSandbox(
  name: string,
  base: string,
  provider: string | undefined,
  data: string | undefined,
  io: CliIo,
): Promise<number> {
  if (!/^https?:\/\/[^/]/i.test(base) || !URL.canParse(base))
    throw new UsageError(
      `--tenant takes the sandbox's base URL (http://127.0.0.1:4600), not "${base}"`,
      'trigger',
    );
  let parsedData: unknown;
  if (data !== undefined) {
    try {
      parsedData = JSON.parse(data);
    } catch {
      throw new UsageError('--data takes JSON (the event\'s "data")', 'trigger');
    }
  }
  const found = requireEvent(openCatalog(io, undefined), name, provider, 'trigger');
  const url = `${base.replace(/\/+$/, '')}/_sandbox/events`;
  let status: number;
  let body: string;
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        provider: found.provider.detail.id,
        eventType: found.event.info.name,
        ...(parsedData === undefined ? {} : { data: parsedData }),
      }),
      headersTimeout: 60_000,
    });
    status = res.statusCode;
    body = await res.body.text();
  } catch (error) {
    throw new CommandError(
      `No sandbox tenant answered at ${base}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (status !== 202) throw new CommandError(`The sandbox tenant answered ${status}: ${body}`);
  const result = JSON.parse(body) as {
    eventType: string;
    deliveries: {
      url: string;
      subscriptionId: string;
      ok: boolean;
      status: number | null;
      error: string | null;
      messageId: string;
    }[];
  };
  if (result.deliveries.length === 0)
    io.out(`No subscription of the sandbox listens to ${result.eventType}.`);
  for (const d of result.deliveries)
    io.out(
      `${d.ok ? 'delivered' : 'failed'} ${result.eventType} to ${d.url} (${d.subscriptionId}, ${d.messageId}): ${d.status ?? d.error ?? ''}`,
    );
  return result.deliveries.every((d) => d.ok) ? 0 : 1;
}

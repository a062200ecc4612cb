import { join } from 'node:path';
import { defaultDataDir } from '../core/paths';
import { SandboxTenantServer } from '../core/sandbox-tenant/sandbox-tenant-server';
import { CommandError, UsageError, untilStopped, type CliIo } from './cli-io';
import { HELP } from './help-texts';
import { parseOptions } from './parse-options';

const COMMAND = 'tenant';

/**
 * `hookbench tenant serve [--port P] [--data-dir D] [--tenant NAME] [--api-key KEY]`: runs the sandbox tenant. The
 * first line printed is its base URL; the next is the API key when one was generated. Runs until stopped.
 */
export async function tenantCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(HELP.tenant ?? '');
    return 0;
  }
  if (sub !== 'serve') throw new UsageError(`Unknown tenant command "${sub}" (there is: serve)`, COMMAND);
  const { values } = parseOptions(COMMAND, rest, {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    tenant: { type: 'string' },
    'api-key': { type: 'string' },
    compress: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP.tenant ?? '');
    return 0;
  }
  const port = values.port === undefined ? 4600 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number from 0 to 65535, not "${values.port ?? ''}"`, COMMAND);
  const compression = values.compress === undefined ? 1000 : Number(values.compress);
  if (!Number.isFinite(compression) || compression < 1)
    throw new UsageError(`--compress must be a number of 1 or more, not "${values.compress ?? ''}"`, COMMAND);
  if (values.tenant !== undefined && !/^[^/\s]+$/.test(values.tenant))
    throw new UsageError(`--tenant takes a name without slashes or spaces, not "${values.tenant}"`, COMMAND);
  const dataDir = values['data-dir'] ?? defaultDataDir(io.env);
  const server = new SandboxTenantServer({
    dataDir: join(dataDir, 'sandbox'),
    tenant: values.tenant,
    apiKey: values['api-key'],
    host: values.host ?? '127.0.0.1',
    port,
    retryCompression: compression,
    ...(io.catalogDir ? { catalogDir: io.catalogDir } : {}),
  });
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CommandError(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use: pick another with --port (0 picks a free one).`
        : `The sandbox tenant could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  io.out(url);
  if (server.state.generatedKey) io.out(`API key: ${server.state.data.apiKey}`);
  io.out(`Tenant: ${server.state.data.tenant}`);
  io.out(`Credo AI:   POST ${url}/auth/exchange, ${url}/api/v2/${server.state.data.tenant}/webhooks`);
  io.out(`v1:         ${url}/api/v1/webhooks/ (API key in X-API-Key)`);
  io.out(`Credas:     POST ${url}/api/v2/ci/processes (X-API-KEY)`);
  io.out(`Events:     POST ${url}/_sandbox/events  or  hookbench trigger <event-type> --tenant ${url}`);
  io.out(`OAuth:      POST ${url}/_sandbox/oauth/token (see GET ${url}/_sandbox)`);
  await untilStopped(io.stop);
  await server.close();
  return 0;
}

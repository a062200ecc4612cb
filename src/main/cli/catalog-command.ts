import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CatalogEvent, CatalogNote, CatalogSource, ProviderDetail } from '../../shared/catalog-models';
import type { LoadedProvider } from '../core/catalog/load-catalog-document';
import { HookbenchError } from '../core/errors';
import { composeType, envelopeParts } from '../core/fire/envelope';
import { columns, openCatalog, requireEvent, requireProvider } from './catalog-cli-support';
import { CommandError, UsageError, type CliIo } from './cli-io';
import { HELP } from './help-texts';
import { parseOptions } from './parse-options';

const FLAGS = {
  provider: { type: 'string' },
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function help(io: CliIo): number {
  io.out(HELP.catalog ?? '');
  return 0;
}

function status(e: CatalogEvent): string {
  if (e.deprecated) return 'deprecated';
  if (e.kind !== 'event') return e.kind;
  return e.payloadDocumented === 'no' ? 'no payload doc' : e.payloadDocumented === 'partial' ? 'partial' : '';
}

function brief(e: CatalogEvent): Record<string, unknown> {
  return {
    name: e.name,
    summary: e.summary,
    group: e.group,
    kind: e.kind,
    deprecated: e.deprecated,
    payloadDocumented: e.payloadDocumented,
    aliases: e.aliases,
  };
}

function list(argv: string[], io: CliIo): number {
  const { values } = parseOptions('catalog list', argv, FLAGS);
  if (values.help) return help(io);
  const catalog = openCatalog(io, values['data-dir']);
  const providers = values.provider
    ? [requireProvider(catalog, values.provider, 'catalog list')]
    : catalog.all();
  if (values.json) {
    io.out(
      JSON.stringify(
        providers.map(({ detail }) => ({
          id: detail.id,
          title: detail.title,
          origin: detail.origin,
          events: detail.events.map(brief),
        })),
      ),
    );
    return 0;
  }
  providers.forEach(({ detail }, index) => {
    if (index > 0) io.out('');
    const origin = detail.origin === 'user' ? ', imported' : '';
    io.out(`${detail.id} — ${detail.title} (${detail.eventCount} events${origin})`);
    for (const line of columns(detail.events.map((e) => [`  ${e.name}`, status(e), e.summary]))) io.out(line);
  });
  for (const problem of catalog.problems) io.err(`warning: ${problem}`);
  return 0;
}

function sourceText(s: CatalogSource): string {
  return s.section ? `${s.document} (${s.section})` : s.document;
}

function noteLines(notes: readonly CatalogNote[]): string[] {
  return notes.flatMap((n) => [
    `  - ${n.text}`,
    `    sources: ${n.sources.map(sourceText).join('; ') || '-'}`,
  ]);
}

function eventText(provider: LoadedProvider, e: CatalogEvent): string[] {
  const env = provider.envelope;
  const type = env ? composeType(env.typeFormat, { ...envelopeParts(env), event: e.name }) : null;
  const [example] = e.examples;
  return [
    `${e.name}  (${provider.detail.id}${e.group ? `, ${e.group}` : ''})`,
    e.summary,
    ...(e.description && e.description !== e.summary ? ['', e.description] : []),
    '',
    ...(e.deprecated ? [`DEPRECATED: ${e.deprecation?.note ?? ''}`] : []),
    ...(e.kind !== 'event' ? [`Kind: ${e.kind}`] : []),
    ...(e.aliases.length ? [`Also written: ${e.aliases.join(', ')}`] : []),
    ...(type ? [`Type field: ${type} (prefix and suffix are the subscription's)`] : []),
    `Payload documented: ${e.payloadDocumented}`,
    ...(e.statusTable.length
      ? ['Statuses:', ...e.statusTable.map((s) => `  ${s.id}  ${s.status}  ${s.description}`)]
      : []),
    `Sources: ${e.sources.map(sourceText).join('; ') || '-'}`,
    ...(e.notes.length ? ['', 'Notes:', ...noteLines(e.notes)] : []),
    ...(e.schema !== null ? ['', 'Schema:', ...JSON.stringify(e.schema, null, 2).split('\n')] : []),
    ...(example
      ? [
          '',
          `Example (${example.summary ?? example.name}):`,
          ...JSON.stringify(example.value, null, 2).split('\n'),
        ]
      : []),
  ];
}

function providerText(d: ProviderDetail): string[] {
  return [
    `${d.id} — ${d.title} (version ${d.version || '-'}, ${d.origin === 'user' ? 'imported' : 'shipped'}, ${d.file})`,
    ...(d.summary ? [d.summary] : []),
    '',
    `Events: ${d.eventCount} (${d.deprecatedCount} deprecated, ${d.undocumentedCount} without a documented payload)`,
    ...(d.envelope
      ? [
          `Envelope: data under "${d.envelope.dataField}", "${d.envelope.typeField}" = ${d.envelope.typeFormat} (prefix ${d.envelope.prefix.default ?? 'none'}, suffix ${d.envelope.suffix.default ?? 'none'} by default)`,
        ]
      : ['Envelope: none']),
    `Signature: ${d.signature?.scheme ?? (d.signature?.candidates.length ? `not documented (maybe ${d.signature.candidates.join(' or ')})` : 'none')}${d.signature?.note ? `: ${d.signature.note}` : ''}`,
    `Delivery: ${d.delivery.method} ${d.delivery.contentType}${d.delivery.idHeader ? `, message id in ${d.delivery.idHeader}` : ''}${d.delivery.retrySchedule.length ? `, retries after ${d.delivery.retrySchedule.join(', ')} s` : ''}`,
    ...(d.servers.length ? [`Servers: ${d.servers.join(', ')}`] : []),
    ...(d.operations.length
      ? [
          '',
          'Subscription API:',
          ...columns(d.operations.map((o) => [`  ${o.method}`, o.path, o.summary ?? ''])),
        ]
      : []),
    ...(d.notes.length ? ['', 'Where the documents disagree or are silent:', ...noteLines(d.notes)] : []),
    ...(d.sources.length
      ? ['', 'Sources:', ...d.sources.map((s) => `  ${s.document}${s.title ? `: ${s.title}` : ''}`)]
      : []),
  ];
}

function show(argv: string[], io: CliIo): number {
  const { values, positionals } = parseOptions('catalog show', argv, FLAGS, 1);
  if (values.help) return help(io);
  const [name] = positionals;
  const catalog = openCatalog(io, values['data-dir']);
  if (name === undefined) {
    if (!values.provider)
      throw new UsageError('name an event, or a provider with --provider', 'catalog show');
    const { detail } = requireProvider(catalog, values.provider, 'catalog show');
    if (values.json) io.out(JSON.stringify(detail));
    else for (const line of providerText(detail)) io.out(line);
    return 0;
  }
  const { provider, event } = requireEvent(catalog, name, values.provider, 'catalog show');
  if (values.json) io.out(JSON.stringify({ provider: provider.detail.id, ...event.info }));
  else for (const line of eventText(provider, event.info)) io.out(line);
  return 0;
}

function importFile(argv: string[], io: CliIo): number {
  const { values, positionals } = parseOptions('catalog import', argv, FLAGS, 1);
  if (values.help) return help(io);
  const [file] = positionals;
  if (file === undefined) throw new UsageError('name the OpenAPI 3.1 file to import', 'catalog import');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(
      `Cannot read ${file}: ${(error as { code?: string }).code === 'ENOENT' ? 'there is no such file' : String(error)}.`,
    );
  }
  const catalog = openCatalog(io, values['data-dir']);
  try {
    const result = catalog.import(content, basename(file));
    if (values.json) io.out(JSON.stringify(result));
    else {
      io.out(
        `Imported ${result.provider.id} — ${result.provider.title}: ${result.provider.eventCount} events.`,
      );
      for (const warning of result.warnings) io.err(`warning: ${warning}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof HookbenchError) throw new CommandError(error.message);
    throw error;
  }
}

/** `hookbench catalog list|show|import`: the provider catalogue in the terminal. */
export function catalogCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') return Promise.resolve(help(io));
  if (sub === 'list') return Promise.resolve(list(rest, io));
  if (sub === 'show') return Promise.resolve(show(rest, io));
  if (sub === 'import') return Promise.resolve(importFile(rest, io));
  throw new UsageError(`Unknown subcommand "${sub}" (use list, show or import)`, 'catalog');
}

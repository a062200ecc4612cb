// Command-line flags with environment fallbacks, shared by the benchmarks.
import { parseArgs } from 'node:util';

/**
 * Parses `--name value` flags; each option may also come from an environment variable (`env`), else its default.
 * Numbers are checked so a typo fails loudly instead of running a different benchmark.
 *
 * @param {Record<string, { type: 'string' | 'boolean', env?: string, default?: string | boolean, number?: boolean }>} spec
 */
export function readOptions(spec, argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(spec).map(([name, { type }]) => [name, { type }])),
    strict: true,
    allowPositionals: false,
  });
  /** @type {Record<string, string | number | boolean | undefined>} */
  const out = {};
  for (const [name, option] of Object.entries(spec)) {
    let value = values[name] ?? (option.env ? process.env[option.env] : undefined) ?? option.default;
    if (option.type === 'boolean' && typeof value === 'string') value = value === '1' || value === 'true';
    if (option.number && value !== undefined) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`--${name} must be a non-negative number, not "${value}"`);
      value = n;
    }
    out[name] = value;
  }
  return out;
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenario, type Scenario, type ScenarioInfo, type ScenarioInput } from '../../../shared/fire-models';
import type { Catalog } from '../catalog/catalog';
import { describeZodError } from '../dispatch';
import { HookbenchError } from '../errors';

/**
 * Named sequences of events: the built-in ones shipped in resources/catalog/scenarios, the user's saved as one JSON
 * file each in `<data dir>/scenarios`. Every scenario's provider and events are checked against the catalogue when
 * it is saved and when it runs.
 */
export class ScenarioStore {
  constructor(
    private readonly builtinDir: string,
    private readonly userDir: string,
    private readonly catalog: () => Catalog,
  ) {}

  private read(dir: string, builtin: boolean): ScenarioInfo[] {
    if (!existsSync(dir)) return [];
    const list: ScenarioInfo[] = [];
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        if (builtin) throw new Error(`${file}: not valid JSON: ${String(error)}`, { cause: error });
        continue;
      }
      const parsed = scenario.safeParse(raw);
      if (parsed.success) list.push({ ...parsed.data, builtin });
      else if (builtin) throw new Error(`${file}: ${describeZodError(parsed.error)}`);
    }
    return list;
  }

  /** Built-in scenarios first, then the user's, each by name. */
  list(): ScenarioInfo[] {
    const byName = (a: ScenarioInfo, b: ScenarioInfo): number => a.name.localeCompare(b.name);
    return [...this.read(this.builtinDir, true).sort(byName), ...this.read(this.userDir, false).sort(byName)];
  }

  /** One scenario by id. */
  get(id: string): ScenarioInfo {
    const found = this.list().find((s) => s.id === id);
    if (!found) throw new HookbenchError('not_found', `No scenario "${id}".`);
    return found;
  }

  /** Throws when the provider or an event is not in the catalogue, naming the step. */
  check(s: Scenario): void {
    const catalog = this.catalog();
    const provider = catalog.get(s.provider);
    s.steps.forEach((step, index) => {
      if (!provider.byName.has(step.event)) {
        try {
          catalog.findEvent(step.event, s.provider);
        } catch (error) {
          throw new HookbenchError('invalid_input', `steps.${index}.event: ${(error as Error).message}`);
        }
      }
      if (provider.byName.get(step.event)?.info.kind === 'wildcard')
        throw new HookbenchError(
          'invalid_input',
          `steps.${index}.event: ${step.event} is a subscription wildcard, not an event.`,
        );
    });
  }

  /** Saves (creates or replaces) a user scenario; built-in ids are kept for the built-in ones. */
  save(input: ScenarioInput): ScenarioInfo {
    const s = scenario.parse(input);
    if (this.read(this.builtinDir, true).some((b) => b.id === s.id))
      throw new HookbenchError(
        'invalid_input',
        `id: "${s.id}" is a built-in scenario; save your copy under another id.`,
      );
    this.check(s);
    mkdirSync(this.userDir, { recursive: true });
    const target = join(this.userDir, `${s.id}.json`);
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, `${JSON.stringify(s, null, 2)}\n`);
    renameSync(temp, target);
    return { ...s, builtin: false };
  }

  /** Deletes a user scenario; false when there was none. Built-in ones cannot be deleted. */
  delete(id: string): boolean {
    if (this.read(this.builtinDir, true).some((b) => b.id === id))
      throw new HookbenchError('invalid_input', `"${id}" is a built-in scenario and cannot be deleted.`);
    const path = join(this.userDir, `${id}.json`);
    if (!/^[a-z0-9-]+$/.test(id) || !existsSync(path)) return false;
    rmSync(path);
    return true;
  }
}

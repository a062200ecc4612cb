import type {
  FireProgress,
  ScenarioRunInput,
  ScenarioRunOutput,
  ScenarioStep,
} from '../../../shared/fire-models';
import { isObject, setAt } from '../catalog/json-pointer';
import type { LoadedProvider } from '../catalog/load-catalog-document';
import { HookbenchError } from '../errors';
import type { FireService } from './fire-service';
import { isoMicros, providerId } from './ids';
import { wait } from './retry-schedule';
import { newSampleContext, samplePayload, type SampleContext } from './sample-payload';
import type { ScenarioStore } from './scenario-store';

const TEMPLATE = /\{\{\s*(id:([a-z0-9_-]+)|now)\s*\}\}/gi;

/** Fills `{{id:<kind>}}` (shared by the run) and `{{now}}` in a string. */
export function fillTemplates(text: string, ctx: SampleContext, provider: LoadedProvider): string {
  return text.replace(TEMPLATE, (_all, what: string, kind: string | undefined) => {
    if (what.toLowerCase() === 'now') return isoMicros();
    const key = kind ?? '';
    let id = ctx.ids.get(key);
    if (id === undefined) {
      const format = provider.detail.idFormat;
      id = providerId(format === 'random' ? 'uuid' : format);
      ctx.ids.set(key, id);
    }
    return id;
  });
}

function fillValue(value: unknown, ctx: SampleContext, provider: LoadedProvider): unknown {
  if (typeof value === 'string') return fillTemplates(value, ctx, provider);
  if (Array.isArray(value)) return value.map((v) => fillValue(v, ctx, provider));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillValue(v, ctx, provider)]));
  return value;
}

/** The body of one step: its own body (templates filled) or the sample with the step's values set. */
export function stepBody(
  provider: LoadedProvider,
  fire: FireService,
  step: ScenarioStep,
  ctx: SampleContext,
  input: Pick<ScenarioRunInput, 'envelope'>,
): string {
  const found = fire.event(provider.detail.id, step.event);
  if (step.body !== undefined)
    return fire.body(found, fillTemplates(step.body, ctx, provider), input.envelope);
  const { payload } = samplePayload(provider, found.event, ctx, input.envelope);
  for (const [pointer, value] of Object.entries(step.set)) {
    try {
      setAt(payload, pointer, fillValue(value, ctx, provider));
    } catch (error) {
      throw new HookbenchError('invalid_input', `set ${pointer}: ${(error as Error).message}`);
    }
  }
  return JSON.stringify(payload);
}

/**
 * Plays a scenario: each step waits its delay (divided by `compression`), then sends one event whose ids are shared
 * with the other steps. Progress is pushed after each step; a failed step does not stop the run.
 */
export async function runScenario(
  input: ScenarioRunInput,
  deps: { store: ScenarioStore; fire: FireService; onProgress: (p: FireProgress) => void },
): Promise<ScenarioRunOutput> {
  const scenario = deps.store.get(input.id);
  deps.store.check(scenario);
  const provider = deps.fire.event(scenario.provider, scenario.steps[0]?.event ?? '').provider;
  const ctx = newSampleContext();
  const { runId, signal, end } = deps.fire.begin();
  const steps: ScenarioRunOutput['steps'] = [];
  const started = performance.now();
  let cancelled = false;
  try {
    const targets = await deps.fire.targets(input.target, provider.detail.id, scenario.steps[0]?.event ?? '');
    const target = targets[0];
    if (!target) throw new HookbenchError('not_found', 'No target to send to.');
    for (const [index, step] of scenario.steps.entries()) {
      if (!(await wait(step.delayMs / input.compression, signal))) {
        cancelled = true;
        break;
      }
      ctx.now = Date.now();
      const found = deps.fire.event(provider.detail.id, step.event);
      const body = stepBody(provider, deps.fire, step, ctx, input);
      const delivery = deps.fire.delivery(found, target, body, input);
      const attempt = await deps.fire.attempt(delivery);
      steps.push({ index, event: found.event.info.name, messageId: delivery.messageId, body, attempt });
      deps.onProgress({
        runId,
        kind: 'scenario',
        state: 'running',
        done: steps.length,
        total: scenario.steps.length,
        ok: steps.filter((s) => s.attempt.ok).length,
        errors: steps.filter((s) => !s.attempt.ok).length,
        elapsedMs: performance.now() - started,
        attempt,
        step: index,
      });
    }
  } finally {
    end();
  }
  const ok = !cancelled && steps.every((s) => s.attempt.ok);
  deps.onProgress({
    runId,
    kind: 'scenario',
    state: cancelled ? 'cancelled' : 'done',
    done: steps.length,
    total: scenario.steps.length,
    ok: steps.filter((s) => s.attempt.ok).length,
    errors: steps.filter((s) => !s.attempt.ok).length,
    elapsedMs: performance.now() - started,
    attempt: null,
    step: null,
  });
  return { runId, scenario: scenario.id, ids: Object.fromEntries(ctx.ids), steps, ok, cancelled };
}

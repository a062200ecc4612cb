import type { Handlers } from '../../../shared/contract';
import type { CheckRepository } from '../../db/check-repository';
import type { Catalog } from '../catalog/catalog';
import { driftReport, historySummary, observedSchema } from './check-reports';
import type { CheckService } from './check-service';
import { PayloadChecker } from './payload-checker';

type CheckChannel =
  | 'check:payload'
  | 'check:capture'
  | 'check:recheck'
  | 'check:status'
  | 'check:summary'
  | 'check:drift'
  | 'check:observed-schema'
  | 'catalog:promote-example';

/** The handlers of the check channels, so the workbench wires them with one spread. */
export function createCheckHandlers(deps: {
  service: CheckService;
  checks: CheckRepository;
  catalog: () => Catalog;
  now?: () => number;
}): Pick<Handlers, CheckChannel> {
  const { service, checks, catalog } = deps;
  return {
    'check:payload': (input) => service.payload(input),
    'check:capture': ({ id }) => service.capture(id),
    'check:recheck': ({ scope }) => service.start(scope, 'requested'),
    'check:status': () => service.status(),
    'check:summary': () => historySummary(checks, service.version()),
    'check:drift': (filter) =>
      driftReport(checks, catalog(), new PayloadChecker(catalog()), filter, (deps.now ?? Date.now)()),
    'check:observed-schema': (input) => observedSchema(checks, catalog(), input),
    'catalog:promote-example': ({ captureId }) => service.promote(captureId),
  };
}

/** An area this version shows in the sidebar but does not implement yet, and what it will do. */
export interface PlannedArea {
  title: string;
  summary: string;
  points: string[];
}

/** What each not-yet-built area will do, said plainly so nobody mistakes the panel for a working feature. */
export const PLANNED_AREAS = {
  subscriptions: {
    title: 'Subscriptions',
    summary:
      "Create, list, update and delete webhook subscriptions through a provider's Webhooks API, on one of your " +
      'tenants or on the built-in sandbox tenant.',
    points: [
      'Compose a subscription and see the exact request before it is sent.',
      'Point a subscription at the local receiver to capture what the provider sends.',
    ],
  },
  tenants: {
    title: 'Tenants',
    summary: 'Keep tenant profiles and their API keys, used to manage subscriptions.',
    points: [
      "API keys are stored with the operating system's secure storage and never exported in clear.",
      'A built-in sandbox tenant works without any key.',
    ],
  },
} satisfies Record<string, PlannedArea>;

export type PlannedAreaId = keyof typeof PLANNED_AREAS;

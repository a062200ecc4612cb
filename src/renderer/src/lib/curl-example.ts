/** The path the empty state suggests: any path is captured, this one reads well. */
export const EXAMPLE_PATH = '/hooks/default';

/**
 * A ready-to-paste command that sends one JSON webhook to the receiver, so a new user sees a capture arrive
 * within seconds.
 */
export function curlExample(receiverUrl: string): string {
  const base = receiverUrl.replace(/\/+$/, '');
  return `curl -X POST ${base}${EXAMPLE_PATH} -H 'Content-Type: application/json' -d '{"hello":"world"}'`;
}

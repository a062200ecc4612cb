// The load both ceiling and A/B benches send: a 1 KiB Credo AI style JSON POST to the default inbox.

/** The body: a Credo AI event envelope padded to about 1 KiB. */
export const WEBHOOK_BODY = JSON.stringify({
  type: 'CredoAI.use_case_review_status_updated.v1',
  data: { note: 'x'.repeat(960) },
});

/** autocannon options for that POST against a server printed as `baseUrl`, without the duration. */
export function webhookRequest(baseUrl, connections) {
  return {
    url: `${baseUrl}/hooks/default`,
    connections,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: WEBHOOK_BODY,
  };
}

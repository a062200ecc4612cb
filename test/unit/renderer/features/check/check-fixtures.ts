import type { CaptureCheckOutput, DriftReport, ShapeNode } from '../../../../../src/shared/check-models';
import { BASE_TIME } from '../../helpers/fixtures';

const node = (overrides: Partial<ShapeNode> & Pick<ShapeNode, 'key' | 'path'>): ShapeNode => ({
  documentedType: 'string',
  receivedType: 'string',
  status: 'ok',
  required: false,
  decoded: false,
  preview: null,
  findings: [],
  children: [],
  ...overrides,
});

/** A deviating Credo AI check: `data.reviewId` missing, `data.meta.note` undocumented inside decoded JSON. */
export function deviatingCheck(id: number): CaptureCheckOutput {
  return {
    id,
    receivedAt: BASE_TIME,
    checkedWith: 'cat-1',
    result: {
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      verdict: 'deviates',
      conforms: false,
      findings: [
        { path: 'data.reviewId', kind: 'missing', severity: 'error', message: 'data.reviewId is missing' },
        { path: 'data.meta.note', kind: 'undocumented', severity: 'warning', message: 'not documented' },
      ],
      decodedPaths: ['data.meta'],
      identifiedBy: 'type-field',
    },
    documented: {
      provider: 'credo-ai',
      providerName: 'Credo AI',
      eventType: 'use_case_review_status_updated',
      summary: 'A review was created or its status changed',
      deprecated: true,
      payloadDocumented: 'yes',
      schema: {},
    },
    tree: node({
      key: '',
      path: '',
      documentedType: 'object',
      receivedType: 'object',
      required: true,
      children: [
        node({
          key: 'data',
          path: 'data',
          documentedType: 'object',
          receivedType: 'object',
          required: true,
          children: [
            node({
              key: 'reviewId',
              path: 'data.reviewId',
              receivedType: null,
              status: 'missing',
              required: true,
              findings: [0],
            }),
            node({ key: 'status', path: 'data.status', preview: '"in_progress"', required: true }),
            node({
              key: 'meta',
              path: 'data.meta',
              documentedType: 'object',
              receivedType: 'object',
              decoded: true,
              children: [
                node({
                  key: 'note',
                  path: 'data.meta.note',
                  documentedType: null,
                  status: 'undocumented',
                  preview: '"hi"',
                  findings: [1],
                }),
              ],
            }),
          ],
        }),
      ],
    }),
  };
}

export const DRIFT: DriftReport = {
  generatedAt: BASE_TIME,
  captures: 3,
  events: [
    {
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      payloadDocumented: 'yes',
      captures: 3,
      conforms: 2,
      deviates: 1,
      firstSeen: BASE_TIME,
      lastSeen: BASE_TIME + 2000,
      fields: [
        {
          path: 'data.reviewId',
          documented: true,
          required: true,
          documentedTypes: ['string'],
          seenTypes: [{ type: 'string', count: 2 }],
          count: 2,
          firstSeen: BASE_TIME,
          lastSeen: BASE_TIME + 1000,
          status: 'ok',
          decoded: false,
        },
        {
          path: 'data.extra',
          documented: false,
          required: false,
          documentedTypes: [],
          seenTypes: [{ type: 'integer', count: 1 }],
          count: 1,
          firstSeen: BASE_TIME + 2000,
          lastSeen: BASE_TIME + 2000,
          status: 'undocumented',
          decoded: false,
        },
        {
          path: 'data.user.role',
          documented: true,
          required: false,
          documentedTypes: ['string'],
          seenTypes: [],
          count: 0,
          firstSeen: null,
          lastSeen: null,
          status: 'never-seen',
          decoded: false,
        },
      ],
    },
    {
      provider: 'credo-ai',
      eventType: 'use_case_name_updated',
      payloadDocumented: 'partial',
      captures: 1,
      conforms: 1,
      deviates: 0,
      firstSeen: BASE_TIME,
      lastSeen: BASE_TIME,
      fields: [],
    },
  ],
};

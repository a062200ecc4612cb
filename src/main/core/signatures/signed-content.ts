import type { SignedParts } from './scheme-types';

// One rendering for fresh checks and stored ones: the repository rebuilds signed content from the stored body.
export { bodyAsText, signedContentText } from '../../db/signature-columns';

/** The bytes a signature covers. */
export function signedBytes(parts: SignedParts, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(parts.prefix, 'utf8'),
    parts.includesBody ? body : Buffer.alloc(0),
    Buffer.from(parts.suffix, 'utf8'),
  ]);
}

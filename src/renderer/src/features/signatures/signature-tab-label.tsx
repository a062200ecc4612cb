import type { ReactNode } from 'react';
import type { SignatureSummary } from '../../../../shared/signature-models';
import { signatureBadgeLook, signatureTooltip } from './signature-format';

/** The Signature tab's label with the verdict's mark, as in `[Signature ✓]`; plain when not verified. */
export function signatureTabLabel(signature: SignatureSummary): ReactNode {
  const look = signatureBadgeLook(signature);
  if (!look) return 'Signature';
  return (
    <>
      Signature{' '}
      <span className={`tab-count sig-${look.tone}`} title={signatureTooltip(signature)}>
        {look.mark}
      </span>
    </>
  );
}

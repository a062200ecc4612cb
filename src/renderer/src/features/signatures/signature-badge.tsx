import type { SignatureSummary } from '../../../../shared/signature-models';
import { signatureBadgeLook, signatureTooltip } from './signature-format';

/** A capture's verdict as a small mark in its list row; nothing when the inbox does not verify. */
export function SignatureBadge({ signature }: { signature: SignatureSummary }) {
  const look = signatureBadgeLook(signature);
  if (!look) return null;
  const tooltip = signatureTooltip(signature);
  return (
    <span
      className={`row-badge sig-badge sig-${look.tone}`}
      title={tooltip}
      aria-label={tooltip}
      role="img"
      data-testid="signature-badge"
      data-verdict={look.verdict}
    >
      {look.mark}
    </span>
  );
}

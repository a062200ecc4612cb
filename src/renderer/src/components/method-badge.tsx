const KNOWN = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** An HTTP method as a small coloured badge; unusual methods get the neutral colour. */
export function MethodBadge({ method }: { method: string }) {
  const upper = method.toUpperCase();
  const tone = KNOWN.has(upper) ? upper.toLowerCase() : 'other';
  return <span className={`method-badge method-${tone}`}>{upper}</span>;
}

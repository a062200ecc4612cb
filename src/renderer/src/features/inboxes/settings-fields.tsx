import { useId, type ReactNode } from 'react';

/** One labelled form field with its problem (or hint) underneath, linked for screen readers. */
export function Field({
  label,
  problem,
  hint,
  children,
}: {
  label: string;
  problem?: string | undefined;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = problem || hint ? `${id}-note` : undefined;
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field">
        {children({
          id,
          'aria-invalid': problem !== undefined,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
        {problem ? (
          <p id={`${id}-note`} className="field-problem">
            {problem}
          </p>
        ) : hint ? (
          <p id={`${id}-note`} className="field-hint">
            {hint}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** A group of fields under a small heading. */
export function FieldSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="field-section">
      <legend className="section-title">{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

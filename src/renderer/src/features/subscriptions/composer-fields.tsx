import { CircleAlert, Info, TriangleAlert, Wand2 } from 'lucide-react';
import { useState } from 'react';
import type { ComposerFinding, ComposerValidateOutput } from '../../../../shared/subscription-models';

export type ComposerField = ComposerValidateOutput['fields'][number];
export type EventTypeChoice = ComposerValidateOutput['eventTypes'][number];

const SEVERITY_ICON = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/** One finding: its message, the document it cites, and the suggested fix as a button. */
export function FindingView({
  finding,
  onApplyFix,
}: {
  finding: ComposerFinding;
  onApplyFix: (finding: ComposerFinding) => void;
}) {
  const Icon = SEVERITY_ICON[finding.severity];
  return (
    <div
      className={`finding finding-${finding.severity}`}
      data-testid="finding"
      data-field={finding.field ?? ''}
    >
      <Icon size={13} aria-hidden="true" className="finding-icon" />
      <div className="finding-text">
        <span>{finding.message}</span>
        {finding.source && <cite className="finding-source">Source: {finding.source}</cite>}
      </div>
      {finding.fix && (
        <button type="button" className="button button-small" onClick={() => onApplyFix(finding)}>
          <Wand2 size={12} aria-hidden="true" />
          Apply fix: {finding.fix.label}
        </button>
      )}
    </div>
  );
}

/** The event types of the catalogue as a checklist (or a radio list when the attribute takes one). */
export function EventTypePicker({
  id,
  choices,
  selected,
  multiple,
  onChange,
}: {
  id: string;
  choices: EventTypeChoice[];
  selected: string[];
  multiple: boolean;
  onChange: (selected: string[]) => void;
}) {
  const known = new Set(choices.map((c) => c.name));
  const all: EventTypeChoice[] = [
    ...choices,
    ...selected
      .filter((s) => !known.has(s))
      .map((name) => ({ name, description: 'Not in the catalogue.', deprecated: false })),
  ];
  if (all.length === 0) return <p className="muted">The catalogue lists no event types for this provider.</p>;
  return (
    <ul
      className="event-picker"
      id={id}
      role="group"
      aria-label="Event types"
      data-testid="event-type-picker"
    >
      {all.map((c) => {
        const checked = selected.includes(c.name);
        return (
          <li key={c.name}>
            <label className="event-choice">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`${id}-choice`}
                checked={checked}
                onChange={() =>
                  onChange(
                    multiple
                      ? checked
                        ? selected.filter((s) => s !== c.name)
                        : [...selected, c.name]
                      : [c.name],
                  )
                }
              />
              <span className="event-choice-text">
                <span className="event-choice-name">
                  <code>{c.name}</code>
                  {c.deprecated && <span className="tag tag-warning">deprecated</span>}
                  {!known.has(c.name) && <span className="tag tag-warning">unknown</span>}
                </span>
                <span className="event-choice-desc">{c.description}</span>
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** An object attribute as JSON text, applied when it parses. */
export function JsonField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const rendered = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(rendered);
  const [problem, setProblem] = useState<string | null>(null);
  // The value changed elsewhere (raw editor, a fix): show it (React's "adjust state on a prop change" pattern).
  const [shown, setShown] = useState(rendered);
  if (shown !== rendered) {
    setShown(rendered);
    setText(rendered);
  }
  return (
    <>
      <textarea
        id={id}
        className="input mono composer-json"
        rows={3}
        value={text}
        placeholder="{ }"
        aria-invalid={problem !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() === '') {
            setProblem(null);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(text));
            setProblem(null);
          } catch (e) {
            setProblem(`Not JSON: ${e instanceof Error ? e.message : String(e)}`);
          }
        }}
      />
      {problem && <span className="field-problem">{problem}</span>}
    </>
  );
}

/** The control for one documented attribute, by its type: select for enums, event picker, JSON, number, text. */
export function FieldControl({
  field,
  value,
  eventTypes,
  onChange,
}: {
  field: ComposerField;
  value: unknown;
  eventTypes: EventTypeChoice[];
  onChange: (value: unknown) => void;
}) {
  const id = `composer-${field.name}`;
  if (field.name === 'event_types' || field.name === 'event_type' || field.name === 'eventTypes') {
    const multiple = field.type === 'array';
    const selected = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'string' && value
        ? [value]
        : [];
    return (
      <EventTypePicker
        id={id}
        choices={eventTypes}
        selected={selected}
        multiple={multiple}
        onChange={(next) => onChange(multiple ? (next.length ? next : undefined) : next[0])}
      />
    );
  }
  if (field.enum)
    return (
      <select
        id={id}
        className="select"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">(not set)</option>
        {field.enum.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  if (field.type === 'object' || field.type === 'array')
    return <JsonField id={id} value={value} onChange={onChange} />;
  if (field.type === 'boolean')
    return (
      <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
    );
  if (field.type === 'integer' || field.type === 'number')
    return (
      <input
        id={id}
        className="input narrow"
        type="number"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  return (
    <input
      id={id}
      className="input mono"
      value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { DocText } from './doc-text';
import { schemaOutline, type SchemaField } from './schema-outline';

/** One field with its facts; objects open and close with the button (open to two levels at first). */
function FieldRow({ field, level }: { field: SchemaField; level: number }) {
  const [open, setOpen] = useState(level < 2);
  const hasChildren = field.children.length > 0;
  return (
    <li className="schema-field" data-testid="schema-field" data-field={field.name ?? ''}>
      <div className="schema-line">
        {hasChildren ? (
          <button
            type="button"
            className="schema-toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${field.name ?? 'payload'}`}
            onClick={() => setOpen(!open)}
          >
            {open ? (
              <ChevronDown size={12} aria-hidden="true" />
            ) : (
              <ChevronRight size={12} aria-hidden="true" />
            )}
          </button>
        ) : (
          <span className="schema-toggle-space" aria-hidden="true" />
        )}
        <code className="schema-name">{field.name}</code>
        <span className="schema-type">{field.type}</span>
        {field.format && <span className="tag schema-format">format: {field.format}</span>}
        {field.required && <span className="tag schema-required">required</span>}
        {field.deprecated && <span className="tag tag-warning">deprecated</span>}
      </div>
      {(field.description || field.values.length > 0 || field.pattern || field.examples.length > 0) && (
        <div className="schema-facts">
          {field.description && (
            <p className="schema-description">
              <DocText text={field.description} />
            </p>
          )}
          {field.values.length > 0 && (
            <p className="schema-values">
              <span className="muted">{field.values.length === 1 ? 'Always ' : 'One of '}</span>
              {field.values.map((v) => (
                <code key={v} className="inline-code">
                  {v}
                </code>
              ))}
            </p>
          )}
          {field.pattern && (
            <p className="schema-values">
              <span className="muted">Pattern </span>
              <code className="inline-code">{field.pattern}</code>
            </p>
          )}
          {field.examples.length > 0 && (
            <p className="schema-values">
              <span className="muted">Example </span>
              <code className="inline-code">{field.examples[0]}</code>
            </p>
          )}
        </div>
      )}
      {hasChildren && open && (
        <ul className="schema-children">
          {field.children.map((child) => (
            <FieldRow key={child.name ?? ''} field={child} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A payload schema as a readable, collapsible tree: name, type, format, required, description, allowed values. */
export function SchemaTree({ schema }: { schema: unknown }) {
  const root = schemaOutline(schema);
  if (!root) return <p className="muted">The documents do not describe this payload's fields.</p>;
  if (root.children.length === 0)
    return (
      <p className="muted">
        The payload is {root.type === 'any' ? 'not described further' : `of type ${root.type}`}.
      </p>
    );
  return (
    <ul className="schema-tree" aria-label="Payload schema" data-testid="schema-tree">
      {root.children.map((field) => (
        <FieldRow key={field.name ?? ''} field={field} level={0} />
      ))}
    </ul>
  );
}

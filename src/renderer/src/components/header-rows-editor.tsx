import { Plus, Trash2 } from 'lucide-react';
import type { HeaderPair } from '../../../shared/models';

export interface HeaderRowsEditorProps {
  rows: HeaderPair[];
  onChange: (rows: HeaderPair[]) => void;
  /** Accessible name of the group, e.g. "Response headers". */
  label: string;
  testId?: string;
}

/** Editable name/value rows for HTTP headers: order kept, duplicates allowed, rows added and removed in place. */
export function HeaderRowsEditor({ rows, onChange, label, testId }: HeaderRowsEditorProps) {
  const update = (index: number, pair: HeaderPair): void => {
    onChange(rows.map((row, i) => (i === index ? pair : row)));
  };
  return (
    <div className="header-rows" role="group" aria-label={label} data-testid={testId}>
      {rows.map(([name, value], index) => (
        // Rows have no identity but their position; duplicates are legitimate.
        <div className="header-row" key={index}>
          <input
            className="input mono"
            aria-label={`${label} ${index + 1} name`}
            placeholder="Name"
            value={name}
            onChange={(e) => update(index, [e.target.value, value])}
          />
          <input
            className="input mono"
            aria-label={`${label} ${index + 1} value`}
            placeholder="Value"
            value={value}
            onChange={(e) => update(index, [name, e.target.value])}
          />
          <button
            type="button"
            className="button button-ghost icon-button"
            aria-label={`Remove ${label.toLowerCase()} ${index + 1}${name ? ` (${name})` : ''}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <Trash2 size={14} aria-hidden="true" />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-ghost add-row"
        onClick={() => onChange([...rows, ['', '']])}
      >
        <Plus size={14} aria-hidden="true" />
        Add header
      </button>
    </div>
  );
}

/** The rows worth sending: those with a name (empty trailing rows are a form convenience, not headers). */
export function filledHeaderRows(rows: readonly HeaderPair[]): HeaderPair[] {
  return rows.filter(([name]) => name.trim() !== '').map(([name, value]) => [name.trim(), value]);
}

/** A problem with the header rows a server would refuse (names are tokens), or null. */
export function headerRowsProblem(rows: readonly HeaderPair[]): string | null {
  for (const [name, value] of filledHeaderRows(rows)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      return `Header name "${name}" may only contain letters, digits and !#$%&'*+.^_\`|~-`;
    if (/[\r\n]/.test(value)) return `Header "${name}" has a line break in its value`;
  }
  return null;
}

import { DocText } from './doc-text';
import type { CatalogNote, CatalogSource } from '../../../../shared/catalog-models';

/** A source document as a short reference: its title (or file) and section. */
export function sourceLabel(source: CatalogSource): string {
  const name = source.title ?? source.document;
  return source.section ? `${name}, ${source.section}` : name;
}

/** The documents' notes: where they disagree or leave something out, each with the documents it comes from. */
export function NotesList({ notes, label }: { notes: readonly CatalogNote[]; label: string }) {
  if (notes.length === 0) return null;
  return (
    <ul className="doc-notes" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id} className="doc-note">
          <p>
            <DocText text={note.text} />
          </p>
          {note.sources.length > 0 && (
            <p className="doc-note-sources">Source: {note.sources.map(sourceLabel).join('; ')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

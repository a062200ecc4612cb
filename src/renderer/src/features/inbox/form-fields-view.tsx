import type { BodyAnalysis } from '../../lib/body-analysis';
import { formatBytes } from '../../lib/format';

/** A form body as a table: URL-encoded fields decoded, or multipart parts with their names, files and types. */
export function FormFieldsView({ analysis, testId }: { analysis: BodyAnalysis; testId: string }) {
  if (analysis.formFields) {
    if (analysis.formFields.length === 0) {
      return (
        <p className="muted panel-note" data-testid={testId}>
          The form has no fields.
        </p>
      );
    }
    return (
      <table className="headers-table" data-testid={testId} data-body-kind="form">
        <caption className="visually-hidden">Form fields</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {analysis.formFields.map((field, index) => (
            <tr key={index}>
              <td className="mono header-name">{field.name}</td>
              <td className="mono header-value">{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const parts = analysis.multipart ?? [];
  return (
    <table className="headers-table" data-testid={testId} data-body-kind="form">
      <caption className="visually-hidden">Multipart form parts</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part, index) => (
          <tr key={index}>
            <td className="mono header-name">{part.name ?? '(no name)'}</td>
            <td className="mono header-value">
              {part.text !== null ? (
                part.text
              ) : (
                <span className="muted">
                  {part.filename !== null ? `file "${part.filename}"` : 'binary'}
                  {part.contentType ? ` · ${part.contentType}` : ''} · {formatBytes(part.size)}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { HeaderPair } from '../../../../shared/models';

export interface HeadersTableProps {
  headers: readonly HeaderPair[];
  /** Accessible caption, e.g. "Request headers". */
  caption: string;
  testId: string;
}

/** Headers exactly as received: original order and name case, duplicates kept (one row each). */
export function HeadersTable({ headers, caption, testId }: HeadersTableProps) {
  if (headers.length === 0) {
    return (
      <p className="muted panel-note" data-testid={testId}>
        No headers.
      </p>
    );
  }
  return (
    <table className="headers-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          // Duplicated names are legitimate (e.g. two Set-Cookie), so the position is the stable key.
          <tr key={index}>
            <td className="mono header-name">{name}</td>
            <td className="mono header-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

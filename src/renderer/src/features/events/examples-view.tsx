import { useId, useState } from 'react';
import type { CatalogExample } from '../../../../shared/catalog-models';
import { CodeViewer } from '../../components/code-viewer';
import { TabPanel, Tabs } from '../../components/tabs';
import { formatTimestamp } from '../../lib/format';
import { sourceLabel } from './notes-list';

/** True when the example was promoted from a real capture (or its name says it was seen) rather than documented. */
export function isObserved(example: CatalogExample): boolean {
  return example.observedAt !== undefined || /observed/i.test(example.name);
}

function ExampleBody({ example }: { example: CatalogExample }) {
  return (
    <div className="example" data-testid="event-example">
      <p className="example-meta">
        {isObserved(example) && (
          <span className="tag tag-observed" title="Seen in a real delivery, not taken from the documents">
            observed{example.observedAt !== undefined ? ` ${formatTimestamp(example.observedAt)}` : ''}
          </span>
        )}
        {example.summary && <span>{example.summary}</span>}
        {example.source && <span className="muted">Source: {sourceLabel(example.source)}</span>}
      </p>
      <CodeViewer
        value={JSON.stringify(example.value, null, 2)}
        language="json"
        label={`Example ${example.name}`}
        maxHeight="360px"
      />
    </div>
  );
}

/** The documented examples of an event: one shown plainly, several as tabs. */
export function ExamplesView({ examples }: { examples: readonly CatalogExample[] }) {
  const idPrefix = useId();
  const [selected, setSelected] = useState(0);
  const shown = examples[Math.min(selected, examples.length - 1)];
  if (!shown)
    return (
      <p className="muted" data-testid="no-example">
        The documents give no example of this payload. The field examples above show what values look like;
        New sample in the Fire panel builds a whole payload.
      </p>
    );
  if (examples.length === 1) return <ExampleBody example={shown} />;
  const tabs = examples.map((e, i) => ({ id: String(i), label: e.name }));
  return (
    <div>
      <Tabs
        label="Examples"
        idPrefix={idPrefix}
        tabs={tabs}
        selected={String(Math.min(selected, examples.length - 1))}
        onSelect={(id) => setSelected(Number(id))}
      />
      <TabPanel idPrefix={idPrefix} id={String(selected)}>
        <ExampleBody example={shown} />
      </TabPanel>
    </div>
  );
}

import { FileUp, LoaderCircle, X } from 'lucide-react';
import { useRef } from 'react';
import { useCatalogStore } from '../../stores/catalog';

/** "Import OpenAPI…": a file picker for a user's OpenAPI 3.1 file with `webhooks`, and what came of the import. */
export function ImportOpenApiButton() {
  const input = useRef<HTMLInputElement>(null);
  const importing = useCatalogStore((s) => s.importing);
  const outcome = useCatalogStore((s) => s.importOutcome);
  const { openApiChosen, importOutcomeDismissed } = useCatalogStore.getState();

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    await openApiChosen(file.name, await file.text());
    if (input.current) input.current.value = '';
  };

  return (
    <div className="import-openapi">
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml,application/json,application/yaml"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="openapi-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <button
        type="button"
        className="button"
        disabled={importing}
        onClick={() => input.current?.click()}
        title="Add your own OpenAPI 3.1 file with webhooks to the catalogue"
      >
        {importing ? (
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
        ) : (
          <FileUp size={14} aria-hidden="true" />
        )}
        Import OpenAPI…
      </button>
      {outcome && (
        <div
          className={`import-outcome ${outcome.kind === 'failed' ? 'import-failed' : ''}`}
          role={outcome.kind === 'failed' ? 'alert' : 'status'}
        >
          <div className="import-outcome-text">
            {outcome.kind === 'imported' ? (
              <>
                <strong>Imported {outcome.provider}.</strong>
                {outcome.warnings.map((w) => (
                  <span key={w}>{w}</span>
                ))}
              </>
            ) : (
              <>
                <strong>Could not import {outcome.filename}</strong>
                <span>{outcome.message}</span>
              </>
            )}
          </div>
          <button
            type="button"
            className="button button-ghost icon-button"
            aria-label="Dismiss"
            onClick={importOutcomeDismissed}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      )}
    </div>
  );
}

import { json } from '@codemirror/lang-json';
import CodeMirror, { EditorView, type BasicSetupOptions } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { hookbenchCodeTheme } from './code-theme';

export interface CodeViewerProps {
  value: string;
  /** `json` adds syntax colours and folding of objects and arrays. */
  language: 'json' | 'text';
  /** Accessible name of the text area, e.g. "Request body". */
  label: string;
  testId?: string;
  /** When given the text is editable and every change is reported. */
  onChange?: (value: string) => void;
  /** Extra attributes for tests and styling. */
  kind?: string;
  maxHeight?: string;
}

const READ_ONLY_SETUP: BasicSetupOptions = {
  lineNumbers: true,
  foldGutter: true,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  highlightSelectionMatches: false,
  autocompletion: false,
  closeBrackets: false,
  bracketMatching: true,
  indentOnInput: false,
  dropCursor: false,
  searchKeymap: true,
  foldKeymap: true,
};

const EDIT_SETUP: BasicSetupOptions = {
  ...READ_ONLY_SETUP,
  highlightActiveLine: true,
  closeBrackets: true,
  indentOnInput: true,
  autocompletion: false,
};

/**
 * A CodeMirror 6 view of a body: read-only by default (select, search with Ctrl+F, fold with the gutter), or an
 * editor when `onChange` is given. Long lines wrap, since webhook bodies are often one long line.
 */
export function CodeViewer({ value, language, label, testId, onChange, kind, maxHeight }: CodeViewerProps) {
  const editable = onChange !== undefined;
  const extensions = useMemo(
    () => [
      ...(language === 'json' ? [json()] : []),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      hookbenchCodeTheme,
    ],
    [language, label],
  );
  return (
    <div className="code-viewer" data-testid={testId} data-body-kind={kind}>
      <CodeMirror
        value={value}
        theme="none"
        editable={editable}
        readOnly={!editable}
        basicSetup={editable ? EDIT_SETUP : READ_ONLY_SETUP}
        extensions={extensions}
        indentWithTab={false}
        {...(maxHeight ? { maxHeight } : {})}
        {...(onChange ? { onChange } : {})}
      />
    </div>
  );
}

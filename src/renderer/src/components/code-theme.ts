import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';

/**
 * CodeMirror styled with the design tokens. Colours are CSS variables, so the one theme follows the light and dark
 * token sets (and any later change to them) without a second theme or a re-render.
 */
const baseTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--bg-code)',
    fontSize: 'var(--text-sm)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus-ring)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--text)', padding: '6px 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--bg-code)',
    color: 'var(--text-faint)',
    border: 'none',
    borderRight: '1px solid var(--border)',
    borderTopLeftRadius: 'var(--radius)',
    borderBottomLeftRadius: 'var(--radius)',
  },
  '.cm-foldGutter .cm-gutterElement': { cursor: 'pointer', color: 'var(--text-faint)' },
  '.cm-foldGutter .cm-gutterElement:hover': { color: 'var(--text)' },
  '.cm-foldPlaceholder': {
    backgroundColor: 'var(--bg-hover)',
    border: '1px solid var(--border)',
    color: 'var(--text-muted)',
    padding: '0 4px',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'transparent' },
  '&.cm-focused .cm-activeLine': { backgroundColor: 'var(--bg-hover)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--bg-selected-focus) !important',
  },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--bg-selected)', outline: 'none' },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--warning) 30%, transparent)' },
  '.cm-panels': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-textfield, .cm-button': { fontSize: 'var(--text-sm)' },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--json-key)' },
  { tag: tags.string, color: 'var(--json-string)' },
  { tag: tags.number, color: 'var(--json-number)' },
  { tag: [tags.bool, tags.null, tags.keyword], color: 'var(--json-literal)' },
  {
    tag: [tags.separator, tags.punctuation, tags.brace, tags.squareBracket],
    color: 'var(--json-punctuation)',
  },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

/** The editor theme and syntax colours, in one extension. */
export const hookbenchCodeTheme: Extension = [baseTheme, syntaxHighlighting(highlight)];

/**
 * True when a key press belongs to what the user is typing into (an input, a textarea, a select, a CodeMirror
 * editor or anything content-editable) or to an open dialog, so single-key shortcuts must leave it alone.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .cm-editor')) {
    return true;
  }
  return target.closest('[role="dialog"], [role="menu"]') !== null;
}

/** True when a key event carries a modifier that makes it someone else's shortcut (Ctrl+C, Cmd+R, …). */
export function hasCommandModifier(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

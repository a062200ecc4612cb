/**
 * Copies text to the clipboard with the async Clipboard API (available in Electron and on the 127.0.0.1 page of
 * `hookbench serve`, both secure contexts). Rejects when the browser refuses, so the button can say "Copy failed"
 * instead of pretending.
 */
export async function copyText(text: string): Promise<void> {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (!clipboard) throw new Error('This browser offers no clipboard access to the page.');
  await clipboard.writeText(text);
}

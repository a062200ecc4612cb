/**
 * Saves text as a file through the browser's download mechanism (a Blob behind an `<a download>`), which works the
 * same in Electron and in browser mode. The object URL is released once the click has been handled.
 */
export function downloadText(
  filename: string,
  mimeType: string,
  content: string,
  doc: Document = document,
): void {
  const blob = new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

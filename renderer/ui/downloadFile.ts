/** Hands a file to the browser as a download (browser mode's save; also works in Electron). */
export function downloadFile(
  data: Uint8Array<ArrayBuffer> | string,
  mimeType: string,
  fileName: string,
): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked late rather than at once: a slow disk can still be reading the blob (FileSaver.js
  // learned this the hard way), and holding one document's bytes a while longer costs little.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

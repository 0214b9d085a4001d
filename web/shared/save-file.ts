/** Hand a file to the browser's download (a temporary object URL on a clicked link). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file the API answers as base64 in JSON (reports, receipt PDFs). */
export function saveBase64File(file: { filename: string; mediaType: string; base64: string }): void {
  saveBlob(new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mediaType }), file.filename);
}

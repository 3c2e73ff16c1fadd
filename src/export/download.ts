// Saves text or bytes as a file: a Blob, an object URL, a temporary <a download> clicked, and the
// URL revoked once the browser has started the download.
export type FileData = string | Uint8Array | ArrayBuffer | Blob;

export function downloadFile(data: FileData, name: string, type = 'application/octet-stream'): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/**
 * File names and downloads. Names are built from their parts and made safe for every operating
 * system: no path separators, reserved characters or control characters, no trailing dots or
 * spaces, and at most 120 characters.
 */
export function safeFileName(parts: readonly string[], extension: string): string {
  const base = parts
    .map((part) =>
      part
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[<>:"/\\|?*&'`]+/g, ' ')
        .replace(/[^\p{L}\p{N}._ -]+/gu, ' ')
        .trim()
        .replace(/\s+/g, '-')
        .toLocaleLowerCase('en-GB'),
    )
    .filter(Boolean)
    .join('-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120);
  return `${base || 'ics-maturity'}.${extension}`;
}

/**
 * Saves `content` (one part, or the parts it was made in, joined only by the Blob) as a file
 * through the browser's download, without any network request.
 */
export function downloadFile(
  content: BlobPart | readonly BlobPart[],
  fileName: string,
  type: string,
): void {
  const parts = Array.isArray(content) ? (content as readonly BlobPart[]) : [content as BlobPart];
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

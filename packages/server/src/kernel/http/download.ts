/**
 * The Content-Disposition of a download, for a file name in any script: an ASCII stand-in for
 * old clients and the real name as RFC 5987 `filename*` (UTF-8, percent-encoded), which every
 * current browser prefers. A raw non-Latin-1 name in a header is refused by Node, so both are needed.
 */
export function attachment(fileName: string): string {
  // A plain ASCII name needs nothing more.
  if (/^[\x20-\x7e]+$/.test(fileName) && !/["\\%]/.test(fileName)) return `attachment; filename="${fileName}"`;
  const fallback = fileName.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/g, '_') || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

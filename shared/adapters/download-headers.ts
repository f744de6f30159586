/**
 * How a stored file a complainant sent is handed to staff: always as a download (never shown in the console's
 * own origin), under its own name made safe for the header, with a type the browser will not try to run.
 */
export function downloadDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The type a download is sent with: the one it came with when that is a plain media type, else bytes. */
export function downloadType(contentType: string): string {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  // HTML and SVG could run script if a browser ever displayed them: they go as bytes.
  if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) || /html|svg|xml|javascript/.test(type)) return 'application/octet-stream';
  return type;
}

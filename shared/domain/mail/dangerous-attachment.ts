/**
 * Attachment types that can run code when opened. They are kept (evidence must not be lost) but flagged
 * so that staff open them with care.
 */
const DANGEROUS_EXTENSIONS = new Set([
  'exe', 'com', 'scr', 'pif', 'bat', 'cmd', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'msi', 'msp',
  'cpl', 'jar', 'ps1', 'psm1', 'lnk', 'reg', 'dll', 'iso', 'img', 'vhd', 'docm', 'xlsm', 'pptm', 'dotm',
  'xlam', 'one', 'html', 'htm', 'svg', 'sh', 'apk', 'app', 'dmg',
]);

const DANGEROUS_TYPES = [
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-dosexec',
  'application/x-sh',
  'application/java-archive',
  'application/javascript',
  'application/hta',
  'application/x-ms-shortcut',
  'application/vnd.ms-word.document.macroenabled.12',
  'application/vnd.ms-excel.sheet.macroenabled.12',
];

export function isDangerousAttachment(filename: string, contentType: string): boolean {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  return DANGEROUS_EXTENSIONS.has(extension) || DANGEROUS_TYPES.includes(contentType.toLowerCase());
}

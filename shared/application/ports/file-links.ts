import type { AttachmentRecord } from '#domain/case/case';

/**
 * Links to a case's stored files, made only for someone allowed to read the case, when they open it. A link names
 * one file, soon expires, and opens only for its holder: the console session that asked (an opaque id), so a link
 * copied out of the page, a log or a browser's history opens nothing on its own nor in anyone else's session.
 */
export interface FileLinks {
  linkTo(file: AttachmentRecord, holder: string): Promise<string>;
}

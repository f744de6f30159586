import type { FC } from 'hono/jsx';
import type { CaseFile } from '#application/console/view-case';
import { sizeInWords } from './size-in-words.js';

/** The files the complainant sent, each behind a link that lasts minutes; a file that could run code is held back. */
export const CaseFiles: FC<{ files: readonly CaseFile[] }> = ({ files }) =>
  files.length === 0 ? null : (
    <>
      <h2>Files</h2>
      <ul>
        {files.map(({ file, link }) => (
          <li>
            {link ? <a href={link}>{file.filename}</a> : file.filename} <span class="hint">({sizeInWords(file.size)}{file.contentType ? `, ${file.contentType}` : ''})</span>
            {link ? null : ' Not offered for download: a file of this kind can run code on your computer. An operator can take it from the raw mail store if it is needed.'}
          </li>
        ))}
      </ul>
      <p class="hint">Each link works for a few minutes; open the case again for a new one.</p>
    </>
  );

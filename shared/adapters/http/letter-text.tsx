import type { FC } from 'hono/jsx';
import { bodyBlocks } from '#domain/letters/printed-letter';

/**
 * A letter's plain text on a page: its underlined lines ("What happens next\n-----------------") as headings, its
 * paragraphs as paragraphs (line breaks kept), so that no row of dashes shows on screen. Escaped, as all JSX text.
 */
export const LetterText: FC<{ text: string }> = ({ text }) => (
  <div class="letter">
    {bodyBlocks(text).map((b) => (b.kind === 'heading' ? <h3>{b.text}</h3> : <p>{b.text}</p>))}
  </div>
);

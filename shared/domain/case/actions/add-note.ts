import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { change, event, type ActionContext } from './action-kit.js';

/** `case note REF TEXT`: an internal note on the timeline, never sent to anyone. */
export function addNote(c: Case, text: string, ctx: ActionContext): CaseChange {
  const words = text.trim();
  if (!words) throw new ActionRefusedError('a note needs some words');
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed; nothing more can be added`);
  return change(c, [event(ctx.at, 'note', ctx.actor, boundText(words, TEXT_BOUNDS.summary / 8))], false);
}

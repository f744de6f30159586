import type { FormValues } from './console-actions.js';

/** A posted form's answers, files left out (no console form takes one). */
export function formValues(body: Record<string, unknown>): FormValues {
  const out: Record<string, string | string[]> = {};
  for (const [name, v] of Object.entries(body)) {
    if (typeof v === 'string') out[name] = v;
    else if (Array.isArray(v)) out[name] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

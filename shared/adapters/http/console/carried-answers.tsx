import type { FC } from 'hono/jsx';
import type { FormValues } from '../console-actions.js';

/** Every answer of the form again, hidden: what the confirmation sends is what was previewed. */
export const Carried: FC<{ values: FormValues }> = ({ values }) => (
  <>
    {Object.entries(values).flatMap(([name, v]) => (name === 'csrf' ? [] : (Array.isArray(v) ? v : [v]).map((one) => <input type="hidden" name={name} value={String(one ?? '')} />)))}
  </>
);

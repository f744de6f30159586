import type { FC } from 'hono/jsx';
import type { ActionField, FormValues } from '../console-actions.js';

const value = (values: FormValues, name: string): string => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : typeof v === 'string' ? v : '';
};
const chosen = (values: FormValues, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? [...v] : typeof v === 'string' ? [v] : [];
};

/** One question of an action's form, answered as last sent (after a refusal, the answers come back). */
export const Field: FC<{ field: ActionField; values: FormValues }> = ({ field, values }) => {
  const id = `f-${field.name}`;
  if (field.kind === 'checkbox') {
    return (
      <div class="field">
        <div class="checkbox">
          <input type="checkbox" id={id} name={field.name} value="yes" checked={value(values, field.name) === 'yes'} />
          <label for={id}>{field.label}</label>
        </div>
      </div>
    );
  }
  if (field.kind === 'checkboxes') {
    // Its id is where a refusal's "Go to the answer to change" link lands.
    return (
      <fieldset class="field" id={id}>
        <legend>{field.label}</legend>
        {(field.options ?? []).map((o, i) => (
          <div class="checkbox">
            <input type="checkbox" id={`${id}-${i}`} name={field.name} value={o.value} checked={chosen(values, field.name).includes(o.value)} />
            <label for={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  const hint = field.hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      {field.hint ? (
        <p class="hint" id={hint}>
          {field.hint}
        </p>
      ) : null}
      {field.kind === 'textarea' ? (
        <textarea id={id} name={field.name} rows={5} aria-describedby={hint}>
          {value(values, field.name)}
        </textarea>
      ) : field.kind === 'select' ? (
        <select id={id} name={field.name} aria-describedby={hint}>
          {(field.options ?? []).map((o) => (
            <option value={o.value} selected={value(values, field.name) === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={field.kind} id={id} name={field.name} value={value(values, field.name)} aria-describedby={hint} />
      )}
    </div>
  );
};

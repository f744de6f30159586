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

/** Beside a field, what is wrong with its answer (read out with the field, as its description). */
const ErrorMessage: FC<{ id: string; error?: string | undefined }> = ({ id, error }) =>
  error ? (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">Error:</span> {error}
    </p>
  ) : null;

/** "(required)" after a label: said, not only shown in a colour or a sign. */
const Required: FC<{ required?: boolean | undefined }> = ({ required }) => (required ? <span class="required"> (required)</span> : null);

/**
 * One question of an action's form, answered as last sent (after a refusal, the answers come back). With `error`,
 * the message is beside it and it is marked invalid; `required` says so in its label.
 */
export const Field: FC<{ field: ActionField; values: FormValues; error?: string | undefined; required?: boolean | undefined }> = ({ field, values, error, required }) => {
  const id = `f-${field.name}`;
  const invalid = error ? 'true' : undefined;
  const fieldClass = error ? 'field field--error' : 'field';
  if (field.kind === 'checkbox') {
    return (
      <div class={fieldClass}>
        <ErrorMessage id={id} error={error} />
        <div class="checkbox">
          <input type="checkbox" id={id} name={field.name} value="yes" checked={value(values, field.name) === 'yes'} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={invalid} />
          <label for={id}>{field.label}</label>
        </div>
      </div>
    );
  }
  if (field.kind === 'checkboxes') {
    // Its id is where a refusal's "Go to the answer to change" link lands.
    return (
      <fieldset class={fieldClass} id={id}>
        <legend>{field.label}</legend>
        <ErrorMessage id={id} error={error} />
        {(field.options ?? []).map((o, i) => (
          <div class="checkbox">
            <input type="checkbox" id={`${id}-${i}`} name={field.name} value={o.value} checked={chosen(values, field.name).includes(o.value)} />
            <label for={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  const described = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const req = required ? 'true' : undefined;
  return (
    <div class={fieldClass}>
      <label for={id}>
        {field.label}
        <Required required={required} />
      </label>
      {field.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {field.hint}
        </p>
      ) : null}
      <ErrorMessage id={id} error={error} />
      {field.kind === 'textarea' ? (
        <textarea id={id} name={field.name} rows={5} aria-describedby={described} aria-invalid={invalid} aria-required={req}>
          {value(values, field.name)}
        </textarea>
      ) : field.kind === 'select' ? (
        <select id={id} name={field.name} aria-describedby={described} aria-invalid={invalid} aria-required={req}>
          {(field.options ?? []).map((o) => (
            <option value={o.value} selected={value(values, field.name) === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={field.kind} id={id} name={field.name} value={value(values, field.name)} aria-describedby={described} aria-invalid={invalid} aria-required={req} />
      )}
    </div>
  );
};

import type { FC } from 'hono/jsx';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import type { ConsoleAction, FormContext, FormValues } from '../console-actions.js';
import { Problem, type ProblemLink } from '../house-document.js';
import { Field } from './action-field.js';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

export const ActionFormPage: FC<{ signed: Signed; c: Case; policy: Policy; action: ConsoleAction; values: FormValues; context?: FormContext; problem?: string | undefined; problemLink?: ProblemLink | undefined }> = ({ signed, c, policy, action, values, context, problem, problemLink }) => (
  <Layout title={`${action.label}: ${c.reference}`} signed={signed}>
    <p>
      <a href={`/console/cases/${c.reference}`}>Back to {c.reference}</a>
    </p>
    <h1>{action.label}</h1>
    <p>
      {c.reference}, {policy.organisation.name}
    </p>
    <Problem message={problem} link={problemLink} />
    <form method="post" action={`/console/cases/${c.reference}/actions/${action.verb}/preview`} novalidate>
      <input type="hidden" name="csrf" value={signed.csrf} />
      {action.fields(c, policy, context).map((f) => (
        <Field field={f} values={values} />
      ))}
      <button type="submit">Preview</button>
    </form>
  </Layout>
);

import type { FC } from 'hono/jsx';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import { Problem } from '../house-document.js';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

/** Adding a file to a case: a scanned letter, notes of a call, uploaded with the person's words for what it is. */
export const AttachPage: FC<{ signed: Signed; c: Case; policy: Policy; maxMb: number; description?: string; problem?: string | undefined }> = ({ signed, c, policy, maxMb, description, problem }) => (
  <Layout title={`Add a file: ${c.reference}`} signed={signed}>
    <p>
      <a href={`/console/cases/${c.reference}`}>Back to {c.reference}</a>
    </p>
    <h1>Add a file</h1>
    <p>
      {c.reference}, {policy.organisation.name}
    </p>
    <Problem message={problem} link={problem ? { href: '#f-file', text: 'Go to: The file' } : undefined} />
    <form method="post" action={`/console/cases/${c.reference}/attach`} enctype="multipart/form-data" novalidate>
      <input type="hidden" name="csrf" value={signed.csrf} />
      <div class="field">
        <label for="f-file">The file</label>
        <p class="hint" id="f-file-hint">
          A scanned letter, notes of a call: at most {maxMb} MB. It is kept with the case’s other files, for staff only, and destroyed with them.
        </p>
        <input type="file" id="f-file" name="file" aria-describedby="f-file-hint" />
      </div>
      <div class="field">
        <label for="f-description">What it is (optional)</label>
        <input type="text" id="f-description" name="description" value={description ?? ''} />
      </div>
      <button type="submit">Add the file</button>
    </form>
  </Layout>
);

import type { FC } from 'hono/jsx';
import type { HeldMessage } from '#domain/mail/held-message';
import { Problem } from '../house-document.js';
import { HeldMessageShown } from './held-message-shown.js';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

export const HeldPage: FC<{ signed: Signed; groups: readonly { scope: string; name: string; messages: readonly HeldMessage[] }[]; policies: readonly { id: string; name: string }[]; done?: string | undefined; problem?: string | undefined }> = ({ signed, groups, policies, done, problem }) => (
  <Layout title="Held messages" signed={signed}>
    <p>
      <a href="/console">Back to this morning</a>
    </p>
    <h1>Held messages</h1>
    {done ? (
      <div class="success" role="status">
        <p>{done}</p>
      </div>
    ) : null}
    <Problem message={problem} />
    <p>Messages that did not become a case. Release one to open its case (the sender is acknowledged as usual), or discard it with a reason; the raw message is kept either way.</p>
    {groups.map((g) => (
      <section aria-labelledby={`held-${g.scope}`}>
        <h2 id={`held-${g.scope}`}>
          {g.name} ({g.messages.length})
        </h2>
        {g.messages.length === 0 ? <p>None waiting.</p> : null}
        {g.messages.map((m) => (
          <div class="field">
            <HeldMessageShown m={m} />
            <form method="post" action={`/console/held/${encodeURIComponent(m.id)}/release`}>
              <input type="hidden" name="csrf" value={signed.csrf} />
              {m.scope === 'operator' ? (
                <div class="field">
                  <label for={`p-${m.id}`}>Whose complaint it is</label>
                  {/* No organisation is chosen for the person releasing it: a complaint put in the wrong one reaches the wrong staff. */}
                  <select id={`p-${m.id}`} name="policy" required>
                    <option value="" selected>
                      Choose the organisation
                    </option>
                    {policies.map((p) => (
                      <option value={p.id}>{p.name}</option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit">Release into a case</button>
            </form>
            <form method="post" action={`/console/held/${encodeURIComponent(m.id)}/discard`}>
              <input type="hidden" name="csrf" value={signed.csrf} />
              <div class="field">
                <label for={`r-${m.id}`}>Why it is not a complaint</label>
                <input type="text" id={`r-${m.id}`} name="reason" />
              </div>
              <button type="submit" class="secondary">
                Discard
              </button>
            </form>
          </div>
        ))}
      </section>
    ))}
  </Layout>
);

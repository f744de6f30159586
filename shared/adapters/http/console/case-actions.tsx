import type { FC } from 'hono/jsx';
import type { CaseView } from '#application/console/view-case';
import type { ConsoleAction } from '../console-actions.js';

type Permission = Extract<CaseView, { level: 'full' }>['permission'];

/**
 * What the person can do on the case now, then, briefly, what others do: each action they cannot take is one
 * sentence naming who can, said once however many actions it covers.
 */
export const CaseActions: FC<{ reference: string; actions: readonly ConsoleAction[]; permission: Permission; mayAttach: boolean }> = ({ reference, actions, permission, mayAttach }) => {
  const mine = actions.filter((a) => permission(a.verb).may);
  const others = [...new Set(actions.flatMap((a) => { const p = permission(a.verb); return p.may ? [] : [p.whoCan]; }))];
  return (
    <>
      <h2>What you can do</h2>
      {mine.length === 0 && !mayAttach ? <p>Nothing on this case: you can read it.</p> : null}
      {mine.length > 0 || mayAttach ? (
        <ul>
          {mine.map((a) => (
            <li>
              <a href={`/console/cases/${reference}/actions/${a.verb}`}>{a.label}</a>
            </li>
          ))}
          {/* A file is uploaded on a page of its own: a generic form post may never name a stored file. */}
          {mayAttach ? (
            <li>
              <a href={`/console/cases/${reference}/attach`}>Add a file (a scanned letter, notes of a call)</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3>What others do</h3>
          <ul class="hint">
            {others.map((sentence) => (
              <li>{sentence}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
};

import type { FC, PropsWithChildren } from 'hono/jsx';
import { HouseDocument } from '../house-document.js';
import type { Signed } from './signed.js';

/** Every console page: the house document under a header naming who is signed in, with their sign-out form. */
export const Layout: FC<PropsWithChildren<{ title: string; signed?: Signed | undefined }>> = ({ title, signed, children }) => (
  <HouseDocument
    title={`${title}: Redress`}
    header={
      <header class="console-header">
        <p>
          <a href="/console">Redress</a>
          {signed && signed.cases !== false ? (
            <>
              {' '}
              <a href="/console/cases?handler=mine">My cases</a> <a href="/console/cases">All cases</a>
            </>
          ) : null}
        </p>
        {signed ? (
          <form method="post" action="/console/sign-out">
            <span>{signed.name}</span> <input type="hidden" name="csrf" value={signed.csrf} />
            <button type="submit" class="secondary">
              Sign out
            </button>
          </form>
        ) : null}
      </header>
    }
  >
    {children}
  </HouseDocument>
);

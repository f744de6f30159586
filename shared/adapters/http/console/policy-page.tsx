import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';
import type { Signed } from './signed.js';

/** `policy show` as a page: its blocks become headed lists, its indented lines nested ones. */
export const PolicyPage: FC<{ signed: Signed; text: string }> = ({ signed, text }) => {
  const [head = '', ...blocks] = text.trimEnd().split('\n\n');
  const [title = '', ...about] = head.split('\n');
  return (
    <Layout title={title} signed={signed}>
      <p>
        <a href="/console">Back to this morning</a>
      </p>
      <h1>{title}</h1>
      {about.map((line) => (
        <p>{line}</p>
      ))}
      {blocks.map((block) => {
        const [heading = '', ...lines] = block.split('\n');
        const items: { line: string; details: string[] }[] = [];
        for (const line of lines) {
          if (/^ {4,}/.test(line) && items.length > 0) items[items.length - 1]?.details.push(line.trim().replace(/^- /, ''));
          else items.push({ line: line.trim().replace(/^- /, ''), details: [] });
        }
        return (
          <>
            <h2>{heading}</h2>
            <ul>
              {items.map((item) => (
                <li>
                  {item.line}
                  {item.details.length ? (
                    <ul>
                      {item.details.map((d) => (
                        <li>{d}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </Layout>
  );
};

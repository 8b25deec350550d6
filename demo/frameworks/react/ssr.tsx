// Server-rendered React, hydrated on the client (for test/app-react-ssr.test.ts):
// `renderOnServer()` gives the markup a server would send (react-dom/server,
// run in the browser here), `hydrate()` hydrates it as the client bundle would.
import { useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server.browser';
import type {} from 'pyscript-elements/react';

const code = `import js
from pyscript import display
js.window.__ssrRuns = (js.window.__ssrRuns or 0) + 1
display("rendered on the server, run once")`;

function Page() {
  const [clicks, setClicks] = useState(0);
  return (
    <section className="ssr">
      {/* The code has run and its text is gone by the time React hydrates: React accepts the element as it is. */}
      <mpy-script className="ssr-script" suppressHydrationWarning>{code}</mpy-script>
      <button onClick={() => setClicks((n) => n + 1)}>clicked {clicks}</button>
    </section>
  );
}

/** The server's HTML of the page. */
export const renderOnServer = (): string => renderToString(<Page />);

/** Hydrates the server's HTML in `container`; resolves once React has; rejects on a recoverable (mismatch) error. */
export function hydrate(container: Element): { unmount(): void; errors: unknown[] } {
  const errors: unknown[] = [];
  const root = hydrateRoot(container, <Page />, { onRecoverableError: (error) => errors.push(error) });
  return { unmount: () => root.unmount(), errors };
}

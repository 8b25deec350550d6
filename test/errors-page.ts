// A page in an iframe for error tests: console errors recorded, `py:all-done`
// counted (each test asserts it fired exactly once: nothing hangs).

export interface ErrorFrame {
  window: Window & { __errors: string[]; __allDone: number; [key: string]: unknown };
  document: Document;
  iframe: HTMLIFrameElement;
}

/** Loads a page whose body is `body` (core.js in its head) and waits for `py:all-done`. */
export async function errorPage(body: string, { timeout = 60_000, head = '', src = '' } = {}): Promise<ErrorFrame> {
  const iframe = document.createElement('iframe');
  if (src) iframe.src = src;
  else {
    iframe.srcdoc = `<!doctype html><html><head>
    <script>
      window.__errors = [];
      const error = console.error.bind(console);
      console.error = (...args) => { window.__errors.push(args.join(' ')); error(...args); };
      window.__allDone = 0;
      addEventListener('py:all-done', () => { window.__allDone++; });
    </script>${head}
    <script type="module" src="/dist/core.js"></script></head><body>
    ${body}
    </body></html>`;
  }
  document.body.append(iframe);
  const frame = { iframe, get window() { return iframe.contentWindow as ErrorFrame['window']; }, get document() { return iframe.contentDocument!; } };
  await until(() => frame.window?.__allDone, timeout, 'py:all-done');
  return frame;
}

/** Resolves once `check()` is truthy; rejects after `ms`, naming `what`. */
export async function until(check: () => unknown, ms = 30_000, what = String(check)): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The texts of the `.py-error` boxes inside `root` (the whole page by default). */
export const boxes = (frame: ErrorFrame, selector = 'body'): string[] =>
  [...frame.document.querySelectorAll(`${selector} .py-error`)].map((box) => box.textContent ?? '');

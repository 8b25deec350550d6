/**
 * `<script type="py">` and `<script type="mpy">`: the browser never runs
 * them, so each gets a `<script-py>`/`<script-mpy>` host (as PyScript names
 * it), which runs its code, is its output place and dispatches the events
 * on the `<script>` itself. A main-thread script's host is inserted right
 * after it at once (so start-up scripts connect, and queue, in document
 * order) and moved to the end of `<body>` before it runs when the script is
 * in `<head>`, as PyScript does. A `worker` script's host runs out of the
 * page and is placed ({@link ScriptTags.show}) only when its worker first
 * displays something without a target or fails. Tags added later (by a
 * framework, by `innerHTML`) are found by a MutationObserver; removing a tag
 * removes its host and stops its worker. `<script type="py-editor">` and
 * `<script type="mpy-editor">` get a `<py-editor>`/`<mpy-editor>` the same way.
 */

const hostTags: Record<string, string> = { py: 'script-py', mpy: 'script-mpy', 'py-editor': 'py-editor', 'mpy-editor': 'mpy-editor' };

/** What a script-tag host does beyond being an element (see `PythonScriptElement`). */
interface Host extends Element {
  /** Starts the lifecycle of a host that is not in the page. */
  start?(): void;
  /** Its `<script>` left the page: stops its worker. */
  sourceRemoved?(): void;
}
const selector = Object.keys(hostTags).map((type) => `script[type="${type}"]`).join(',');
const copied = ['src', 'target', 'async', 'worker', 'name', 'config', 'service-worker', 'terminal', 'env', 'setup'];

/** The `<script>` tags of one document and the hosts made for them. */
export class ScriptTags {
  readonly #document: Document;
  readonly #scripts = new WeakMap<Element, HTMLScriptElement>();
  readonly #hosts = new WeakMap<HTMLScriptElement, Host>();
  /** Worker scripts' hosts made before the tags were defined: started by {@link startDetached}. */
  #detached: Host[] = [];

  constructor(document: Document) {
    this.#document = document;
  }

  /** The `<script>` a host stands for, if it was made for one. */
  sourceOf(host: Element): HTMLScriptElement | null {
    return this.#scripts.get(host) ?? null;
  }

  /** Gives every not yet handled `<script type="py|mpy">` under `root` its host. */
  upgrade(root: ParentNode): void {
    const found = root instanceof Element && root.matches(selector) ? [root] : [];
    for (const script of [...found, ...root.querySelectorAll(selector)] as HTMLScriptElement[]) {
      if (this.#hosts.has(script) || !script.isConnected) continue;
      const tag = hostTags[script.type];
      const host: Host = this.#document.createElement(tag);
      for (const name of copied) {
        const value = script.getAttribute(name);
        if (value !== null) host.setAttribute(name, value);
      }
      this.#scripts.set(host, script);
      this.#hosts.set(script, host);
      // (A terminal lives in the host: a worker script with one is placed at once.)
      if (!tag.startsWith('script-') || !script.hasAttribute('worker') || script.hasAttribute('terminal')) script.after(host);
      else if (host.start) host.start();
      else this.#detached.push(host);
    }
  }

  /** Starts the worker scripts' hosts made before the tags were defined (call right after defining them). */
  startDetached(): void {
    const registry = (this.#document.defaultView ?? globalThis).customElements;
    for (const host of this.#detached) {
      registry.upgrade(host);
      host.start?.();
    }
    this.#detached = [];
  }

  /**
   * Puts a `<script>`'s host where PyScript shows a script's output: right
   * after the `<script>`, or at the end of `<body>` when the `<script>` is in
   * `<head>`. Does nothing for a host already there, for other elements and
   * once the `<script>` has left the page.
   */
  show(host: Element): void {
    const script = this.#scripts.get(host);
    if (!script?.isConnected) return;
    const { head, body } = this.#document;
    if (head?.contains(script)) {
      if (body && host.parentNode !== body) body.append(host);
    } else if (!host.isConnected) {
      script.after(host);
    }
  }

  /** Watches the document for scripts added or removed later. */
  observe(): MutationObserver {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) this.upgrade(node);
        for (const node of record.removedNodes) {
          if (!(node instanceof Element)) continue;
          const removed = node.matches(selector) ? [node] : [...node.querySelectorAll(selector)];
          for (const script of removed as HTMLScriptElement[]) {
            const host = this.#hosts.get(script);
            if (!host || script.isConnected) continue;
            if (host.isConnected) host.remove();
            else host.sourceRemoved?.();
          }
        }
      }
    });
    observer.observe(this.#document, { childList: true, subtree: true });
    return observer;
  }
}

/**
 * The code inside a `<py-script>` or `<py-editor>`. The HTML parser has
 * already turned `display("<b>x</b>")` into elements and `&lt;` into `<`,
 * so serialize the children back and decode entities: what comes out is
 * what the author typed.
 */
export function elementCode(host: HTMLElement): string {
  const decoder = host.ownerDocument.createElement('textarea');
  // Comments a template engine leaves inside the element (lit's part markers) are not code.
  decoder.innerHTML = [...host.childNodes]
    .map((node) => (node instanceof Element ? node.outerHTML : node instanceof Text ? escapeText(node.data) : isMarker(node) ? '' : `<!--${(node as Comment).data}-->`))
    .join('');
  return decoder.value;
}

/**
 * Clears a script or editor of its code, or of the output of its previous
 * run. Template engines keep references to the nodes they made inside the
 * element: their marker comments stay and their text nodes are emptied, not
 * removed, so a later re-render does not throw (lit writes to the text node
 * after its marker).
 */
export function clearContent(host: HTMLElement): void {
  for (const node of [...host.childNodes]) {
    if (node instanceof Text) node.data = '';
    else if (!isMarker(node)) node.remove();
  }
}

/**
 * A comment that a template engine put there, not the author: lit's part
 * markers (`<!--?lit$123$-->`, `<!---->`, SSR's `<!--lit-part …-->`), and
 * the empty or bracket comments of React, Vue and Svelte hydration.
 */
const isMarker = (node: Node): boolean =>
  node instanceof Comment && /^(\s*|\?lit\$\d+\$|\/?lit-part[^]*|lit-node \d+|[[\]]!?|v-if)$/.test(node.data);

/** `text` as HTML source: what the parser would turn back into the same text. */
const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `<script type="py">` and `<script type="mpy">`: the browser never runs
 * them, so each gets a `<py-script>`/`<mpy-script>` host inserted right
 * after it, which runs its code, is its output place and dispatches the
 * events on the `<script>` itself. Tags added later (by a framework, by
 * `innerHTML`) are found by a MutationObserver; removing a tag removes its
 * host, which stops its worker. `<script type="py-editor">` and
 * `<script type="mpy-editor">` get a `<py-editor>`/`<mpy-editor>` the same way.
 */

const hostTags: Record<string, string> = { py: 'py-script', mpy: 'mpy-script', 'py-editor': 'py-editor', 'mpy-editor': 'mpy-editor' };
const selector = Object.keys(hostTags).map((type) => `script[type="${type}"]`).join(',');
const copied = ['src', 'target', 'async', 'worker', 'name', 'config', 'service-worker', 'terminal', 'env', 'setup'];

/** The `<script>` tags of one document and the hosts made for them. */
export class ScriptTags {
  readonly #document: Document;
  readonly #scripts = new WeakMap<Element, HTMLScriptElement>();
  readonly #hosts = new WeakMap<HTMLScriptElement, Element>();

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
      const host = this.#document.createElement(hostTags[script.type]);
      for (const name of copied) {
        const value = script.getAttribute(name);
        if (value !== null) host.setAttribute(name, value);
      }
      this.#scripts.set(host, script);
      this.#hosts.set(script, host);
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
            if (host?.isConnected && !script.isConnected) host.remove();
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
  decoder.innerHTML = host.innerHTML;
  return decoder.value;
}

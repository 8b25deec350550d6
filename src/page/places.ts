/**
 * Finding output places by id across shadow roots. `display()`, `print` in
 * an editor and the `target` attribute name elements by id, but
 * `document.getElementById` does not look inside shadow roots, where
 * frameworks (lit, Shoelace, …) render their templates. So each script or
 * editor that connects inside a shadow root registers that root here, and a
 * lookup tries the document first, then those roots. Roots are held weakly:
 * a framework's discarded component is not kept alive by it.
 * @packageDocumentation
 */

/** The output places of one document. */
export class Places {
  readonly #document: Document;
  readonly #roots = new Set<WeakRef<ShadowRoot>>();
  readonly #known = new WeakSet<ShadowRoot>();

  constructor(document: Document) {
    this.#document = document;
  }

  /** Makes ids inside `node`'s shadow root (if it is in one) findable by {@link find}. */
  register(node: Node): void {
    const root = node.getRootNode();
    if (!(root instanceof ShadowRoot) || this.#known.has(root)) return;
    this.#known.add(root);
    this.#roots.add(new WeakRef(root));
  }

  /** The element with this id: in the document, else in a registered shadow root; null when there is none. */
  find(id: string): HTMLElement | null {
    const found = this.#document.getElementById(id);
    if (found) return found;
    for (const ref of this.#roots) {
      const root = ref.deref();
      if (!root) {
        this.#roots.delete(ref);
        continue;
      }
      const inRoot = root.host.isConnected ? root.getElementById(id) : null;
      if (inRoot) return inRoot;
    }
    return null;
  }
}

/**
 * Finding output places by id across shadow roots. `display()`, `print` in
 * an editor and the `target` attribute name elements by id, but
 * `document.getElementById` does not look inside shadow roots, where
 * frameworks (lit, Shoelace, …) render their templates. A lookup made for
 * an element (its `scope`) tries that element's own root first, then the
 * roots around it out to the document, so two instances of one component,
 * each with its own `<div id="out">`, keep their output apart. Then, for
 * lookups made without a scope or ids that are nowhere around it, each
 * script or editor that connects inside a shadow root registers that root
 * here, and those roots are tried last. Roots are held weakly: a
 * framework's discarded component is not kept alive by it.
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

  /**
   * The element with this id: in `scope`'s shadow root and the roots
   * around it, else in the document, else in a registered shadow root;
   * null when there is none.
   * @param scope the element the lookup is made for (a script, an editor)
   */
  find(id: string, scope?: Node): HTMLElement | null {
    for (let root = scope?.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
      const inRoot = root.getElementById(id);
      if (inRoot) return inRoot;
    }
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

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

const roots = new Set<WeakRef<ShadowRoot>>();
const known = new WeakSet<ShadowRoot>();

/** Makes ids inside `node`'s shadow root (if it is in one) findable by {@link findPlace}. */
export function registerRoot(node: Node): void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot) || known.has(root)) return;
  known.add(root);
  roots.add(new WeakRef(root));
}

/** The element with this id: in the document, else in a registered shadow root; null when there is none. */
export function findPlace(id: string): HTMLElement | null {
  const found = document.getElementById(id);
  if (found) return found;
  for (const ref of roots) {
    const root = ref.deref();
    if (!root) {
      roots.delete(ref);
      continue;
    }
    const inRoot = root.host.isConnected ? root.getElementById(id) : null;
    if (inRoot) return inRoot;
  }
  return null;
}

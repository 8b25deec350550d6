// Mounts the Svelte demo; `unmount()` takes it out again.
import { mount as mountComponent, unmount } from 'svelte';
import type {} from 'pyscript-elements/svelte'; // <py-script> & co. in markup
import App from './App.svelte';

/** What the page (or a test) passes to the app. */
export interface DemoOptions {
  /** Config (TOML/JSON text or a URL) for each card's worker script. */
  config?: string;
}

/** Renders the app into `container`. */
export function mount(container: Element, options: DemoOptions = {}): { unmount(): void } {
  const app = mountComponent(App, { target: container, props: { ...options } });
  return { unmount: () => void unmount(app) };
}

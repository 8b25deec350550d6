// Mounts the Vue demo; `unmount()` takes it out again.
import { createApp } from 'vue';
import type {} from 'pyscript-elements/vue'; // <py-script> & co. in templates
import App from './App.vue';

/** What the page (or a test) passes to the app. */
export interface DemoOptions {
  /** Config (TOML/JSON text or a URL) for each card's worker script. */
  config?: string;
}

/** Renders the app into `container`. */
export function mount(container: Element, options: DemoOptions = {}): { unmount(): void } {
  const app = createApp(App, { ...options });
  app.mount(container);
  return { unmount: () => app.unmount() };
}

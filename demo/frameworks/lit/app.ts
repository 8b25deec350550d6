// A small lit 3 app with Python in it: a Pyodide script in the header, and
// cards (each a lit element with its own shadow root) holding a MicroPython
// script on the main thread, one in a worker and an editor. Cards can be
// added, removed, unmounted and mounted again; each counts the `mpy:done`
// events of its scripts.
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PyDoneEvent } from 'pyscript-elements';

/** What the page (or a test) passes to the app. */
export interface DemoOptions {
  /** Config (TOML/JSON text or a URL) for each card's worker script. */
  config?: string;
}

const cardStyles = css`
  :host { display: block; }
  section { border: 1px solid #8886; border-radius: 6px; padding: 0 1rem 1rem; }
  h2 { font-size: 1.1rem; }
  .status { color: #666; font-size: 0.9em; }
  .py-error { color: #b00; white-space: pre-wrap; font-family: monospace; }
`;

@customElement('lit-demo-card')
export class LitDemoCard extends LitElement {
  static override styles = cardStyles;
  @property() label = '';
  @property({ attribute: false }) config?: string;
  @state() private done: string[] = [];

  #record(what: string, event: PyDoneEvent): void {
    this.done = [...this.done, event.detail.error ? `${what} failed` : what];
  }

  // The code is literal template text: lit keeps it as written.
  protected override render() {
    return html`
      <section class="card" data-card=${this.label}>
        <h2>Card ${this.label}</h2>
        <mpy-script class="main" @mpy:done=${(event: PyDoneEvent) => this.#record('main', event)}>
          import sys
          from pyscript import display
          display(f"{sys.implementation.name} on the main thread")
        </mpy-script>
        <mpy-script class="worker" worker .config=${this.config} @mpy:done=${(event: PyDoneEvent) => this.#record('worker', event)}>
          from pyscript import config, display, RUNNING_IN_WORKER
          display(f"in a worker: {RUNNING_IN_WORKER}")
          if config.get("files"):
              import greeting
              display(greeting.greet("the worker"))
        </mpy-script>
        <mpy-editor>print("hello from the editor of a lit card")</mpy-editor>
        <p class="status">done: ${this.done.join(', ') || 'nothing yet'}</p>
      </section>
    `;
  }
}

@customElement('lit-demo-app')
export class LitDemoApp extends LitElement {
  static override styles = css`
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; margin-top: 1rem; }
    .status { color: #666; font-size: 0.9em; }
  `;
  @property({ attribute: false }) config?: string;
  @state() private cards = ['1', '2'];
  @state() private shown = true;
  @state() private python = 'loading Pyodide…';
  #next = 3;

  protected override render() {
    return html`
      <h1>lit 3 + pyscript-elements</h1>
      <py-script class="version" @py:done=${(event: PyDoneEvent) => (this.python = event.detail.error ? 'failed' : 'done')}>
        import sys
        from pyscript import display
        display(f"Pyodide runs Python {sys.version.split()[0]}")
      </py-script>
      <p class="status python-status">Pyodide: ${this.python}</p>
      <p class="controls">
        <button data-action="add" @click=${() => (this.cards = [...this.cards, String(this.#next++)])}>Add a card</button>
        <button data-action="remove" ?disabled=${!this.cards.length} @click=${() => (this.cards = this.cards.slice(0, -1))}>
          Remove the last card
        </button>
        <button data-action="toggle" @click=${() => (this.shown = !this.shown)}>
          ${this.shown ? 'Unmount the cards' : 'Mount the cards'}
        </button>
      </p>
      ${this.shown
        ? html`<div class="cards">
            ${repeat(this.cards, (label) => label, (label) => html`<lit-demo-card .label=${label} .config=${this.config}></lit-demo-card>`)}
          </div>`
        : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lit-demo-card': LitDemoCard;
    'lit-demo-app': LitDemoApp;
  }
}

/** Renders the app into `container`; `unmount()` takes it out again. */
export function mount(container: Element, options: DemoOptions = {}): { unmount(): void } {
  const app = document.createElement('lit-demo-app');
  app.config = options.config;
  container.append(app);
  return { unmount: () => app.remove() };
}

// A small React 19 app with Python in it: a Pyodide script in the header,
// and cards that each hold a MicroPython script on the main thread, one in a
// worker and an editor. Cards can be added, removed, unmounted and mounted
// again; each counts the `mpy:done` events of its scripts.
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { PyDoneEvent } from 'pyscript-elements';
import type {} from 'pyscript-elements/react'; // <py-script> & co. in JSX

// Code goes in as one string child: JSX would fold the lines of literal text.
const versionCode = `import sys
from pyscript import display
display(f"Pyodide runs Python {sys.version.split()[0]}")`;

const mainCode = `import sys
from pyscript import display
display(f"{sys.implementation.name} on the main thread")`;

const workerCode = `from pyscript import config, display, RUNNING_IN_WORKER
display(f"in a worker: {RUNNING_IN_WORKER}")
if config.get("files"):
    import greeting
    display(greeting.greet("the worker"))`;

/** What the page (or a test) passes to the app. */
export interface DemoOptions {
  /** Config (TOML/JSON text or a URL) for each card's worker script. */
  config?: string;
}

function Card({ label, config }: { label: string; config?: string }) {
  const [done, setDone] = useState<string[]>([]);
  const record = (what: string) => (event: PyDoneEvent) =>
    setDone((seen) => [...seen, event.detail.error ? `${what} failed` : what]);
  return (
    <section className="card" data-card={label}>
      <h2>Card {label}</h2>
      <mpy-script className="main" onmpy:done={record('main')}>{mainCode}</mpy-script>
      <mpy-script className="worker" worker config={config} onmpy:done={record('worker')}>{workerCode}</mpy-script>
      <mpy-editor>{`print("hello from the editor of card ${label}")`}</mpy-editor>
      <p className="status">done: {done.join(', ') || 'nothing yet'}</p>
    </section>
  );
}

function App({ config }: DemoOptions) {
  const [cards, setCards] = useState(['1', '2']);
  const [shown, setShown] = useState(true);
  const [python, setPython] = useState('loading Pyodide…');
  const next = useRef(3);
  return (
    <>
      <h1>React 19 + pyscript-elements</h1>
      <py-script className="version" onpy:done={(event) => setPython(event.detail.error ? 'failed' : 'done')}>
        {versionCode}
      </py-script>
      <p className="status python-status">Pyodide: {python}</p>
      <p className="controls">
        <button data-action="add" onClick={() => setCards((list) => [...list, String(next.current++)])}>Add a card</button>
        <button data-action="remove" disabled={!cards.length} onClick={() => setCards((list) => list.slice(0, -1))}>
          Remove the last card
        </button>
        <button data-action="toggle" onClick={() => setShown((value) => !value)}>
          {shown ? 'Unmount the cards' : 'Mount the cards'}
        </button>
      </p>
      {shown && (
        <div className="cards">
          {cards.map((label) => <Card key={label} label={label} config={config} />)}
        </div>
      )}
    </>
  );
}

/** Renders the app into `container`; `unmount()` takes it out again. */
export function mount(container: Element, options: DemoOptions = {}): { unmount(): void } {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App {...options} />
    </StrictMode>,
  );
  return { unmount: () => root.unmount() };
}

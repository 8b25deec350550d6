/**
 * The one owner of a document's state: its main-thread interpreters (one
 * per kind), its main configs, its named workers and their hooks, its
 * editor envs, the shadow roots its scripts run in, the `<script>` tags and
 * their hosts, and `py:all-done`. The entry (`src/index.ts`) creates one
 * per document and attaches it; elements and editors find it through their
 * document ({@link pageOf}). Nothing of it lives at module level, so two
 * documents, or a test that makes its own `Page`, share nothing.
 * @packageDocumentation
 */
import { createPageHooks, type PageHooks } from '../runtime/hooks.js';
import { createWorkerContext, type WorkerContext } from '../runtime/worker-context.js';
import type { InterpreterKind } from '../runtime/types.js';
import { AllDoneTracker } from './all-done.js';
import { EditorEnvs } from './editor-env.js';
import { MainInterpreter } from './main-interpreters.js';
import { PageConfigs } from './page-config.js';
import { Places } from './places.js';
import { Plugins } from './plugins.js';
import { reportError } from './report.js';
import { ScriptTags } from './script-tags.js';
import { watchUncaughtPythonErrors } from './uncaught.js';

const PAGE = Symbol('pyscript-elements page');
/** The tags whose elements run code when they connect. */
const SCRIPT_ELEMENTS = 'py-script, mpy-script, script-py, script-mpy';

/** The state of one document's Python scripts and editors. */
export class Page {
  readonly document: Document;
  /** The `hooks` export: callbacks and code around every script and worker of this page. */
  readonly hooks: PageHooks = createPageHooks();
  /** `<script type="py|mpy|…-editor">` tags and the hosts made for them. */
  readonly scripts: ScriptTags;
  /** Ids of output places, also in the shadow roots scripts and editors run in. */
  readonly places: Places;
  /** The main configs (the `config` export is `configs.config`). */
  readonly configs: PageConfigs;
  /** `py:all-done`, once every start-up script has finished. */
  readonly allDone: AllDoneTracker;
  /** What every worker of the page shares: `hooks.worker`, the named workers (the `workers` export is `named.proxy`), service-worker registrations. */
  readonly workerContext: WorkerContext;
  /** The workers behind the editors, by env. */
  readonly editorEnvs: EditorEnvs;
  /** The `plugins` of the main configs: built-ins turned off, plugin modules imported. */
  readonly plugins: Plugins;
  /** While the tags are being defined: the script elements that connected, started by {@link define} in document order. */
  #held?: { element: Element; start(): void }[];
  readonly #interpreters = new Map<InterpreterKind, MainInterpreter>();
  readonly #ids = new Map<string, number>();
  #defined?: Promise<void>;

  constructor(document: Document) {
    this.document = document;
    this.scripts = new ScriptTags(document);
    this.places = new Places(document);
    this.configs = new PageConfigs(document, this.scripts);
    this.allDone = new AllDoneTracker(document.defaultView ?? globalThis);
    this.workerContext = createWorkerContext(this.hooks.worker, this.hooks.main.onWorker);
    this.editorEnvs = new EditorEnvs(this.places, this.workerContext);
    this.plugins = new Plugins(document, this.hooks);
    const window = document.defaultView;
    if (window) {
      watchUncaughtPythonErrors(window, (error, raised) => {
        const owner = [...this.#interpreters.values()].find((main) => main.raised(raised));
        if (owner) owner.reportAt('', error);
        else reportError(document.body, error);
      });
    }
  }

  /**
   * Starts a script element that connected: at once, or, while the tags are
   * being defined, once {@link define} has them all, in document order.
   */
  startScript(element: Element, start: () => void): void {
    if (this.#held) this.#held.push({ element, start });
    else start();
  }

  /** The page's shared main-thread interpreter of `kind` (created, not booted). */
  interpreter(kind: InterpreterKind): MainInterpreter {
    let main = this.#interpreters.get(kind);
    if (!main) this.#interpreters.set(kind, (main = new MainInterpreter(kind, this)));
    return main;
  }

  /** The next number of the `family` of generated ids (`py-3`, `mpy-editor-2`): 1, 2, 3, … */
  nextId(family: 'script' | 'editor'): number {
    const next = (this.#ids.get(family) ?? 0) + 1;
    this.#ids.set(family, next);
    return next;
  }

  /**
   * Defines `elements` once the document is parsed (once per page; resolves
   * when done). The `<script>` tags already there get their hosts first, so
   * start-up scripts of every form are upgraded, and so queued, in document
   * order. When another copy of `core.js` defined the tags first, it
   * defines nothing.
   */
  define(elements: Record<string, CustomElementConstructor>): Promise<void> {
    this.#defined ??= (async () => {
      const document = this.document;
      if (document.readyState === 'loading') {
        await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      }
      const registry = (document.defaultView ?? globalThis).customElements;
      if (registry.get('py-script')) return; // another copy of core.js got here first
      this.scripts.upgrade(document);
      // Each define() upgrades its own tag only: hold the starts, then start every
      // script element (hand-written or a host) in document order, so they queue in that order.
      // (Those in shadow roots, which the query does not see, start after them, as they connected.)
      const scripts = [...document.querySelectorAll(SCRIPT_ELEMENTS)] as Element[];
      this.#held = [];
      try {
        for (const [tag, element] of Object.entries(elements)) registry.define(tag, element);
      } finally {
        const held = this.#held;
        this.#held = undefined;
        for (const start of [...scripts.map((script) => held.find((item) => item.element === script)), ...held]) start?.start();
      }
      this.scripts.startDetached();
      this.scripts.observe();
      // Every start-up element has connected (upgrades are synchronous).
      this.allDone.close();
    })();
    return this.#defined;
  }

  /** Makes this the page of its document, for {@link pageOf}. */
  attach(): this {
    Object.defineProperty(this.document, PAGE, { value: this, configurable: true });
    return this;
  }
}

/**
 * The page of `node`'s document (of `node` itself for a document).
 * @throws Error when no page was attached there (the elements were defined without `core.js`)
 */
export function pageOf(node: Node): Page {
  const document = (node.ownerDocument ?? node) as Document & { [PAGE]?: Page };
  const page = document[PAGE];
  if (!page) throw new Error('pyscript-elements: this document has no page state; import core.js, which defines the elements, into it');
  return page;
}

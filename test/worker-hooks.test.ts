// hooks.worker callbacks: sent to the worker as source text and run there
// around each worker script and PyWorker()/MPWorker(), in the contract's
// order, with (interpreter, context). Method shorthand, async hooks, native
// functions (a clear error, no hang) and hooks that throw.
// Every hook here is self-contained: it runs in the worker and sees only the
// worker's globals and its two arguments. It records what happened on the
// main thread's `window.__wh` through `context.window` (this page is
// cross-origin isolated, so that proxy is synchronous).
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';

type Handle = { sync: Record<string, any>; ready: Promise<void>; done: Promise<Error | undefined> };
type Ctx = { self: typeof globalThis; targetId: string; sync: Record<string, any>; window: any; document: any };
type Callback = (interpreter: any, context: Ctx) => void | Promise<void>;
type Side = Record<'onReady' | 'onBeforeRun' | 'onBeforeRunAsync' | 'onAfterRun' | 'onAfterRunAsync', Set<Callback>> &
  Record<'codeBeforeRun' | 'codeBeforeRunAsync' | 'codeAfterRun' | 'codeAfterRunAsync', Set<string>>;
type Core = { MPWorker(url: string, options?: object): Promise<Handle>; hooks: { worker: Side } };
const core = (await import(/* @vite-ignore */ '/dist/core.js' as string)) as Core;
type ScriptEl = HTMLElement & { ready: Promise<void>; done: Promise<void> };
const win = window as unknown as { __wh: string[] };
const FIXTURES = '/test/fixtures/worker';

/** Adds hooks for the duration of `body`, then removes exactly those. */
async function withHooks(added: Partial<Record<keyof Side, (Callback | string)[]>>, body: () => Promise<void>): Promise<void> {
  const side = core.hooks.worker as unknown as Record<string, Set<unknown>>;
  for (const [name, items] of Object.entries(added)) for (const item of items!) side[name].add(item);
  try {
    await body();
  } finally {
    for (const [name, items] of Object.entries(added)) for (const item of items!) side[name].delete(item);
  }
}

/** A worker script element of `tag` running `code`, with `:ready`/`:done` recorded; resolves once done. */
async function workerScript(tag: 'mpy-script' | 'py-script', code: string, attrs: Record<string, string> = {}) {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const el = document.createElement(tag) as ScriptEl;
  el.setAttribute('worker', '');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const prefix = tag === 'mpy-script' ? 'mpy' : 'py';
  let doneEvent: CustomEvent | undefined;
  el.addEventListener(`${prefix}:ready`, () => win.__wh.push(':ready'));
  el.addEventListener(`${prefix}:done`, (event) => (doneEvent = event as CustomEvent));
  el.textContent = code;
  container.append(el);
  await el.done;
  return { el, doneEvent };
}

const push = (name: string) => `from pyscript import window\nwindow.__wh.push("${name}")`;

describe('hooks.worker callbacks', () => {
  beforeEach(() => {
    win.__wh = [];
  });

  it('run in the worker in order around a sync script, with the interpreter and a context', async function () {
    this.timeout(60_000);
    const onReady: Callback = (interpreter, context) => {
      // Runs in the worker: `context.self` is the worker's global scope.
      const where = typeof (context.self as any).importScripts === 'function' && typeof (globalThis as any).document === 'undefined' ? 'worker' : 'main';
      interpreter.runPython('from_on_ready = 41');
      context.window.__wh.push(`onReady ${where} ${context.targetId ? 'target' : 'no-target'}`);
    };
    const onBeforeRun: Callback = (_, context) => void context.window.__wh.push('onBeforeRun');
    const onAfterRun: Callback = (_, context) => void context.window.__wh.push('onAfterRun');
    const notAsync: Callback = (_, context) => void context.window.__wh.push('WRONG: async hook');
    await withHooks(
      {
        onReady: [onReady],
        onBeforeRun: [onBeforeRun],
        onBeforeRunAsync: [notAsync],
        codeBeforeRun: [push('codeBeforeRun')],
        codeAfterRun: [push('codeAfterRun')],
        onAfterRun: [onAfterRun],
        onAfterRunAsync: [notAsync],
      },
      async () => {
        const { el, doneEvent } = await workerScript('mpy-script', `${push('code')}\nwindow.__wh.push(str(from_on_ready + 1))`);
        expect(el.querySelector('.py-error')).to.equal(null);
        expect(doneEvent?.detail.error).to.equal(undefined);
        expect(win.__wh).to.deep.equal([
          'onReady worker target',
          ':ready',
          'onBeforeRun',
          'codeBeforeRun',
          'code',
          '42',
          'codeAfterRun',
          'onAfterRun',
        ]);
      },
    );
  });

  it('awaits the async hooks around an async script; method shorthand and function expressions evaluate', async function () {
    this.timeout(60_000);
    const plugin = {
      async onReady(_: any, context: Ctx) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        context.window.__wh.push('onReady (async method)');
      },
      onBeforeRunAsync(_: any, context: Ctx) {
        context.window.__wh.push('onBeforeRunAsync (method)');
      },
    };
    const onAfterRunAsync = async function (_: any, context: Ctx) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      context.window.__wh.push('onAfterRunAsync (async function)');
    };
    const second = async (_: any, context: Ctx) => void context.window.__wh.push('onAfterRunAsync (async arrow)');
    const notSync: Callback = (_, context) => void context.window.__wh.push('WRONG: sync hook');
    expect(String(plugin.onReady)).to.match(/^async onReady\(/); // what crosses really is method shorthand
    await withHooks(
      {
        onReady: [plugin.onReady as Callback],
        onBeforeRun: [notSync],
        onBeforeRunAsync: [plugin.onBeforeRunAsync as Callback],
        codeBeforeRunAsync: [push('codeBeforeRunAsync')],
        codeAfterRunAsync: [push('codeAfterRunAsync')],
        onAfterRun: [notSync],
        onAfterRunAsync: [onAfterRunAsync as Callback, second as Callback],
      },
      async () => {
        const { el } = await workerScript('mpy-script', `import asyncio\nawait asyncio.sleep(0.01)\n${push('code')}`);
        expect(el.querySelector('.py-error')).to.equal(null);
        expect(win.__wh).to.deep.equal([
          'onReady (async method)',
          ':ready',
          'onBeforeRunAsync (method)',
          'codeBeforeRunAsync',
          'code',
          'codeAfterRunAsync',
          'onAfterRunAsync (async function)',
          'onAfterRunAsync (async arrow)',
        ]);
      },
    );
  });

  it('cannot see main-thread closures (the source is evaluated in the worker)', async function () {
    this.timeout(60_000);
    const secret = { value: 'main only' };
    const onBeforeRun: Callback = (_, context) => void context.window.__wh.push(secret.value);
    await withHooks({ onBeforeRun: [onBeforeRun] }, async () => {
      const { el } = await workerScript('mpy-script', 'x = 1');
      // `secret` is not defined in the worker: the hook throws a ReferenceError there.
      expect(el.querySelector('.py-error')?.textContent).to.contain('hooks.worker.onBeforeRun failed');
      expect(el.querySelector('.py-error')?.textContent).to.contain('ReferenceError');
    });
  });

  it('a native or bound function gives a clear error naming the hook, and :done fires', async function () {
    this.timeout(60_000);
    const bound = function (this: unknown) {}.bind(null);
    await withHooks({ onAfterRun: [bound as Callback] }, async () => {
      const { el, doneEvent } = await workerScript('mpy-script', push('code'));
      const text = el.querySelector('.py-error')?.textContent ?? '';
      expect(text).to.contain('hooks.worker.onAfterRun');
      expect(text).to.contain('native or bound function');
      expect(doneEvent?.detail.error?.message).to.contain('hooks.worker.onAfterRun');
      expect(win.__wh).to.deep.equal([]); // the worker never ran the code
    });
    // (Not console.log: the test runner replaces it with a JS function.)
    await withHooks({ onReady: [Math.max as Callback] }, async () => {
      let error: Error | undefined;
      await core.MPWorker(`${FIXTURES}/micro.py`).catch((e: Error) => (error = e));
      expect(error?.message).to.contain('hooks.worker.onReady: a native or bound function (function max() { [native code] })');
      expect(error?.message).to.contain('native or bound function');
    });
  });

  it('a hook that throws fails the script like a Python error: shown on the page, :done fires', async function () {
    this.timeout(60_000);
    const onBeforeRun: Callback = () => {
      throw new TypeError('hook boom');
    };
    await withHooks({ onBeforeRun: [onBeforeRun] }, async () => {
      const { el, doneEvent } = await workerScript('mpy-script', push('code'));
      const box = el.querySelector('.py-error');
      expect(box?.textContent).to.contain('hooks.worker.onBeforeRun failed');
      expect(box?.querySelector('strong')?.textContent).to.equal('TypeError: hook boom');
      expect(doneEvent?.detail.error?.message).to.contain('hook boom');
      expect(win.__wh).to.deep.equal([':ready']); // the code did not run
    });
  });

  it('an async hook that rejects also fails the script', async function () {
    this.timeout(60_000);
    const onAfterRunAsync: Callback = async () => {
      await Promise.resolve();
      throw new Error('late boom');
    };
    await withHooks({ onAfterRunAsync: [onAfterRunAsync] }, async () => {
      const { el, doneEvent } = await workerScript('mpy-script', `import asyncio\nawait asyncio.sleep(0)\n${push('code')}`);
      expect(el.querySelector('.py-error strong')?.textContent).to.equal('Error: late boom');
      expect(doneEvent?.detail.error?.message).to.contain('hooks.worker.onAfterRunAsync failed');
      expect(win.__wh).to.deep.equal([':ready', 'code']);
    });
  });

  it('apply to MPWorker() from JavaScript', async function () {
    this.timeout(60_000);
    const onReady: Callback = (interpreter, context) => {
      interpreter.runPython('hooked = 6 * 7');
      context.sync.fromHook = () => 'set by a worker hook';
      context.window.__wh.push(`onReady ${JSON.stringify(context.targetId)}`);
    };
    const onBeforeRun: Callback = (_, context) => void context.window.__wh.push('onBeforeRun');
    const onAfterRun: Callback = (interpreter, context) => void context.window.__wh.push(`onAfterRun ${interpreter.globals.get('hooked')}`);
    await withHooks({ onReady: [onReady], onBeforeRun: [onBeforeRun], onAfterRun: [onAfterRun] }, async () => {
      const worker = await core.MPWorker(`${FIXTURES}/micro.py`);
      expect(await worker.done).to.equal(undefined);
      expect(win.__wh).to.deep.equal(['onReady ""', 'onBeforeRun', 'onAfterRun 42']);
      expect(await worker.sync.fromHook()).to.equal('set by a worker hook');
    });
  });

  it('run in a Pyodide worker script with the pyodide API', async function () {
    this.timeout(120_000);
    const onReady: Callback = (pyodide, context) => {
      pyodide.runPython('from_hook = 41');
      context.window.__wh.push(`onReady ${typeof pyodide.loadPackage} ${pyodide.version ? 'pyodide' : '?'}`);
    };
    const plugin = {
      async onAfterRun(pyodide: any, context: Ctx) {
        context.window.__wh.push(`onAfterRun ${pyodide.globals.get('result')}`);
      },
    };
    await withHooks({ onReady: [onReady], onAfterRun: [plugin.onAfterRun as Callback] }, async () => {
      const { el } = await workerScript('py-script', 'result = from_hook + 1');
      expect(el.querySelector('.py-error')).to.equal(null);
      expect(win.__wh).to.deep.equal(['onReady function pyodide', ':ready', 'onAfterRun 42']);
    });
  });
});

describe('hooks.main.onWorker', () => {
  type Start = (interpreter: unknown, worker: Handle & { worker: Worker }, element?: Element) => void;
  const onWorker = (core.hooks as unknown as { main: { onWorker: Set<Start> } }).main.onWorker;

  it("is called on main as every worker starts, as PyScript's (wrap, xworker): worker elements, MPWorker(), <script worker> tags", async function () {
    this.timeout(120_000);
    win.__wh = [];
    const seen: string[] = [];
    const start: Start = (interpreter, worker, element) => {
      seen.push(`${interpreter === undefined ? 'no interpreter' : 'interpreter?'} ${worker.worker instanceof Worker ? 'handle' : '?'} ${element?.localName ?? 'no element'}`);
      // What a plugin does there: give the worker functions before its code runs.
      worker.sync.fromOnWorker = () => 'set on main by onWorker';
    };
    onWorker.add(start);
    try {
      const { el } = await workerScript('mpy-script', 'from pyscript import sync, window\nwindow.__wh.push(sync.fromOnWorker())');
      expect(el.querySelector('.py-error')).to.equal(null);
      const worker = await core.MPWorker(`${FIXTURES}/micro.py`);
      expect(await worker.done).to.equal(undefined);
      // A <script type="mpy" worker> tag: its element is the <script>.
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const done = new Promise((resolve) => container.addEventListener('mpy:done', resolve, { once: true }));
      container.innerHTML = '<script type="mpy" worker>x = 1</script>';
      await done;
      expect(seen).to.deep.equal(['no interpreter handle mpy-script', 'no interpreter handle no element', 'no interpreter handle script']);
      expect(win.__wh).to.deep.equal([':ready', 'set on main by onWorker']);
    } finally {
      onWorker.delete(start);
    }
  });
});

// Workers with SharedArrayBuffer (this page is cross-origin isolated): the
// `worker` attribute, window/document from worker Python on both
// interpreters, PyWorker/MPWorker, named workers, sync both ways, deadlock
// warning, crash, terminate, removal, input(), hooks.worker.
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';

type Handle = {
  sync: Record<string, any>;
  ready: Promise<void>;
  done: Promise<Error | undefined>;
  terminate(): void;
  worker: Worker;
};
type Core = {
  PyWorker(url: string, options?: object): Promise<Handle>;
  MPWorker(url: string, options?: object): Promise<Handle>;
  workers: Record<string, Promise<Record<string, any>>>;
  hooks: { worker: { codeBeforeRun: Set<string> } };
};
const core = (await import(/* @vite-ignore */ '/dist/core.js' as string)) as Core;
type ScriptEl = HTMLElement & { ready: Promise<void>; done: Promise<void>; interpreter: unknown };
const FIXTURES = '/test/fixtures/worker';
const win = window as unknown as Record<string, any>;

/** Resolves with the first console.warn message that contains `text`, or null after `ms`. */
function watchWarnings(text: string, ms: number): Promise<string | null> {
  const original = console.warn;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.warn = original;
      resolve(null);
    }, ms);
    console.warn = (...args: unknown[]) => {
      original.apply(console, args);
      const message = args.map(String).join(' ');
      if (message.includes(text)) {
        clearTimeout(timer);
        console.warn = original;
        resolve(message);
      }
    };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with what the worker passes to `sync.report()`; rejects if its code ends first. */
function reported(worker: Handle): Promise<unknown> {
  return Promise.race([
    new Promise((resolve) => (worker.sync.report = resolve)),
    worker.done.then((error) => {
      throw error ?? new Error('the worker finished without calling sync.report()');
    }),
  ]);
}

/** A `<mpy-script worker>` (with these attributes) running `code`, once done. */
async function workerScript(code: string, attributes: Record<string, string> = {}, tag = 'mpy-script'): Promise<ScriptEl> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const el = document.createElement(tag) as ScriptEl;
  el.setAttribute('worker', '');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.textContent = code;
  container.append(el);
  await el.done;
  return el;
}

/** A main-thread `<mpy-script>` running `code`, once done. */
async function mainScript(code: string): Promise<ScriptEl> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const el = document.createElement('mpy-script') as ScriptEl;
  el.textContent = code;
  container.append(el);
  await el.done;
  expect(el.querySelector('.py-error')).to.equal(null);
  return el;
}

// The same Python on both interpreters: every kind of access to main-thread objects.
const FEATURES = `
from pyscript import window, document, RUNNING_IN_WORKER, current_target
import js
r = {}
r["worker"] = RUNNING_IN_WORKER
r["title"] = document.title
el = document.createElement("p")
el.id = "made-in-worker-" + KIND
document.body.append(el)
r["appended"] = document.getElementById("made-in-worker-" + KIND).id
window.tmpValue = 5
r["has_before"] = window.Reflect.has(window, "tmpValue")
try:
    del window.tmpValue
except AttributeError:  # MicroPython's JsProxy cannot delete attributes at all
    window.Reflect.deleteProperty(window, "tmpValue")
r["has_after"] = window.Reflect.has(window, "tmpValue")
r["construct"] = window.Date.new(0).getTime()
r["iterate"] = [item.id for item in document.querySelectorAll(".item")]
r["length"] = document.querySelectorAll(".item").length
r["typeof"] = js.Function.new("f", "return typeof f")(window.alert)
r["target"] = current_target()
r["awaited"] = await window.Promise.resolve(42)
r["await_proxy"] = (await js.Promise.resolve(document)).title
r["input"] = input("Name? ")
r["bytes"] = window.Uint8Array.new([1, 2, 3]).length
window.setTimeout(lambda x: print(x), 10, "OK")
setattr(window, "results_" + KIND, r)
`;

describe('worker scripts with SharedArrayBuffer', () => {
  before(() => {
    document.title = 'worker tests';
    win.prompt = (text: string) => `Ada (${text})`;
  });

  for (const tag of ['mpy-script', 'py-script']) {
    it(`${tag} worker: well-known and registered symbols cross to main as the same symbols (a library's brand check)`, async function () {
      this.timeout(120_000);
      const page = window as unknown as Record<string, unknown>;
      page.__symbolSeen = [];
      page.__seeSymbol = (symbol: unknown, ref: object) => (page.__symbolSeen as unknown[]).push(symbol === Symbol.iterator, symbol === Symbol.for('app.brand'), (symbol as symbol) in ref);
      const el = await workerScript(
        'import js\nfrom pyscript import window\nwindow.__seeSymbol(js.Symbol.iterator, [])\nwindow.__seeSymbol(getattr(js.Symbol, "for")("app.brand"), [])',
        {},
        tag,
      );
      expect(el.querySelector('.py-error')).to.equal(null);
      expect(page.__symbolSeen).to.deep.equal([true, false, true, false, true, false]);
    });
  }

  for (const [tag, kind] of [['mpy-script', 'mpy'], ['py-script', 'py']] as const) {
    it(`${tag} worker: window/document proxies support get, set, has, delete, apply, construct, iteration, typeof, promises and input()`, async function () {
      this.timeout(240_000);
      const original = window.setTimeout;
      const callbacks: Promise<unknown>[] = [];
      // Records what the worker's callback returns: a rejection would mean a destroyed (borrowed) proxy.
      win.setTimeout = (fn: (...args: unknown[]) => unknown, ms: number, ...args: unknown[]) =>
        args[0] === 'OK' ? original(() => callbacks.push(Promise.resolve(fn(...args))), ms) : original(fn, ms, ...args);
      try {
        const code = `KIND = "${kind}"\n${FEATURES}`;
        const container = await fixture<HTMLElement>(html`<div><span class="item" id="i1"></span><span class="item" id="i2"></span></div>`);
        const el = document.createElement(tag) as ScriptEl;
        el.setAttribute('worker', '');
        el.id = `features-${kind}`;
        el.textContent = code;
        let readyWorker: unknown;
        el.addEventListener(`${kind}:ready`, (event) => (readyWorker = (event as CustomEvent).detail.worker));
        container.append(el);
        await el.done;
        expect(el.querySelector('.py-error')?.textContent ?? '').to.equal('');
        expect(readyWorker).to.be.instanceOf(Worker);
        const r = win[`results_${kind}`];
        expect(r.worker).to.equal(true);
        expect(r.title).to.equal('worker tests');
        expect(r.appended).to.equal(`made-in-worker-${kind}`);
        expect(document.getElementById(`made-in-worker-${kind}`)).to.exist;
        expect([r.has_before, r.has_after]).to.deep.equal([true, false]);
        expect(r.construct).to.equal(0);
        expect(r.iterate).to.deep.equal(['i1', 'i2']);
        expect(r.length).to.equal(2);
        expect(r.typeof).to.equal('function');
        expect(r.target).to.equal(`features-${kind}`);
        expect(r.awaited).to.equal(42);
        expect(r.await_proxy).to.equal('worker tests');
        expect(r.input).to.equal('Ada (Name? )');
        expect(r.bytes).to.equal(3);
        for (let i = 0; i < 100 && !callbacks.length; i++) await new Promise((resolve) => original(resolve, 20));
        expect(callbacks.length).to.equal(1);
        // The bare lambda ran in the worker and returned None (null from MicroPython, undefined from Pyodide): no borrowed-proxy error.
        expect(await callbacks[0]).to.equal(kind === 'mpy' ? null : undefined);
      } finally {
        win.setTimeout = original;
      }
    });
  }

  it('runs the FAQ "PyScript events" example: py:ready then a synchronous write from a Pyodide worker', async function () {
    this.timeout(240_000);
    const seen: string[] = [];
    // As the FAQ writes it (plus a record of what the status said).
    const onReady = () => {
      // show running for an instance
      const status = document.getElementById('status')!;
      seen.push(status.textContent!);
      status.textContent = 'running';
    };
    addEventListener('py:ready', onReady);
    try {
      const container = await fixture<HTMLElement>(html`<div><div id="status">bootstrapping</div></div>`);
      const script = document.createElement('script');
      script.type = 'py';
      script.setAttribute('worker', '');
      script.textContent = `
    from pyscript import document

    # show done after running
    status = document.getElementById("status")
    status.textContent = "done"
`;
      const done = new Promise((resolve) => script.addEventListener('py:done', resolve));
      container.append(script);
      await done;
      expect(seen).to.deep.equal(['bootstrapping']);
      expect(document.getElementById('status')!.textContent).to.equal('done');
    } finally {
      removeEventListener('py:ready', onReady);
    }
  });

  it('runs the FAQ "Workers via JavaScript" example (MPWorker, sync_main_only, await worker.sync.doStuff())', async function () {
    this.timeout(60_000);
    const worker = await core.MPWorker(`${FIXTURES}/micro.py`, { config: { sync_main_only: true } });
    expect(await worker.sync.doStuff()).to.equal(null);
    worker.terminate();
  });

  for (const start of ['MPWorker', 'PyWorker'] as const) {
    it(`${start} with sync_main_only: no blocking lane; main's calls work, window/document raise a clear error`, async function () {
      this.timeout(120_000);
      const worker = await core[start](`${FIXTURES}/main-only.py`, { config: { sync_main_only: true } });
      expect((worker as Handle & { mode: string }).mode).to.equal('none');
      expect(await worker.sync.double(21)).to.equal(42);
      let error: Error | undefined;
      await worker.sync.title().catch((caught: Error) => (error = caught));
      expect(error?.message).to.contain('Unable to use `window` or `document` in this worker: its config says sync_main_only = true');
      worker.terminate();
    });
  }

  it('awaits MPWorker from a module script as the page loads, then worker.sync.doStuff() at once', async function () {
    this.timeout(60_000);
    const frame = await fixture<HTMLIFrameElement>(html`<iframe src="${FIXTURES}/module-page.html"></iframe>`);
    let result: string | undefined;
    for (let i = 0; i < 600 && !result; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = frame.contentDocument?.body?.dataset.result;
    }
    expect(result).to.equal('ok');
  });

  it('lets a worker call a function main put on worker.sync while its top-level code still runs', async function () {
    this.timeout(60_000);
    const worker = await core.MPWorker(`${FIXTURES}/uses-main.py`);
    const reported = new Promise((resolve) => (worker.sync.report = resolve));
    worker.sync.add = (a: number, b: number) => a + b;
    expect(await reported).to.equal(5);
    expect(await worker.done).to.equal(undefined);
    worker.terminate();
  });

  it('names workers: workers["calc"] from main-thread Python and workers.calc from JS', async function () {
    this.timeout(60_000);
    const container = await fixture<HTMLElement>(html`<div><div id="sum"></div></div>`);
    const calc = document.createElement('mpy-script') as ScriptEl;
    calc.setAttribute('worker', '');
    calc.setAttribute('name', 'calc');
    calc.textContent = 'def add(a, b):\n    return a + b\n\n__export__ = ["add"]\n';
    const user = document.createElement('mpy-script') as ScriptEl;
    user.textContent = `
from pyscript import workers, document
calc = await workers["calc"]
document.getElementById("sum").textContent = str(await calc.add(5, 3))
`;
    container.append(calc, user);
    await user.done;
    expect(user.querySelector('.py-error')).to.equal(null);
    expect(document.getElementById('sum')!.textContent).to.equal('8');
    const sync = await core.workers.calc;
    expect(await sync.add(1, 2)).to.equal(3);
  });

  for (const [tag, kind] of [['mpy-script', 'mpy'], ['py-script', 'py']] as const) {
    it(`${tag} worker: fires ${kind}:progress for the worker's interpreter and files, before ${kind}:ready`, async function () {
      this.timeout(120_000);
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const el = document.createElement(tag) as ScriptEl;
      el.setAttribute('worker', '');
      el.setAttribute('config', '{"files": {"/test/fixtures/config/single.py": "./single.py"}}');
      el.textContent = 'import single';
      const seen: { stage: string; loaded: number; total: number; ready: boolean }[] = [];
      let ready = false;
      el.addEventListener(`${kind}:ready`, () => (ready = true));
      el.addEventListener(`${kind}:progress`, (event) => seen.push({ ...(event as CustomEvent).detail, ready }));
      container.append(el);
      await el.done;
      expect(el.querySelector('.py-error')).to.equal(null);
      const interpreter = seen.filter((p) => p.stage === 'interpreter');
      expect(interpreter.length).to.be.greaterThan(1);
      const last = interpreter.at(-1)!;
      expect(last.total).to.be.greaterThan(kind === 'py' ? 5_000_000 : 100_000);
      expect(last.loaded).to.equal(last.total);
      // Counted as it arrives, not only at the boot: MicroPython's wasm comes from main, without a request of the worker.
      if (kind === 'mpy') expect(interpreter.slice(0, -1).some((p) => p.loaded > last.total / 2), JSON.stringify(interpreter)).to.equal(true);
      const files = seen.filter((p) => p.stage === 'files').at(-1);
      expect(files?.loaded).to.be.greaterThan(0);
      expect(files?.loaded).to.equal(files?.total);
      expect(seen.every((p) => !p.ready)).to.equal(true);
    });
  }

  it('applies the worker script\'s own config attribute (files) inside the worker', async function () {
    this.timeout(60_000);
    const el = await workerScript('from pyscript import window\nimport single\nwindow.workerConfigAnswer = single.answer()\n', {
      config: '{"files": {"/test/fixtures/config/single.py": "./single.py"}}',
    });
    expect(el.querySelector('.py-error')).to.equal(null);
    expect(win.workerConfigAnswer).to.equal(42);
  });

  it('resolves relative URLs of a worker script\'s inline config against the page, not worker.js', async function () {
    this.timeout(60_000);
    // The same file as above, named relative to this page's folder.
    const folder = new URL('.', document.baseURI).pathname;
    const relative = new URL('/test/fixtures/config/single.py', document.baseURI).pathname.slice(folder.length);
    expect(relative).to.not.match(/^\//);
    const el = await workerScript('from pyscript import window\nimport single\nwindow.workerRelativeAnswer = single.answer()\n', {
      config: JSON.stringify({ files: { [`./${relative}`]: './single.py' } }),
    });
    expect(el.querySelector('.py-error')?.textContent ?? '').to.equal('');
    expect(win.workerRelativeAnswer).to.equal(42);
  });

  it('gives each worker script its own worker: a global of one is undefined in the next', async function () {
    this.timeout(60_000);
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const workers: unknown[] = [];
    const start = async (code: string) => {
      const el = document.createElement('mpy-script') as ScriptEl;
      el.setAttribute('worker', '');
      el.textContent = code;
      el.addEventListener('mpy:ready', (event) => workers.push((event as CustomEvent).detail.worker));
      container.append(el);
      await el.done;
      return el;
    };
    const first = await start('x = 1');
    expect(first.querySelector('.py-error')).to.equal(null);
    const second = await start('print(x)');
    expect(second.querySelector('.py-error')?.textContent).to.contain("NameError: name 'x' isn't defined");
    expect(workers).to.have.length(2);
    expect(workers[0]).to.be.instanceOf(Worker);
    expect(workers[1]).to.be.instanceOf(Worker);
    expect(workers[0]).to.not.equal(workers[1]);
  });

  it('MPWorker(url, { config }) from JavaScript applies the config (files) inside the worker', async function () {
    this.timeout(60_000);
    const worker = await core.MPWorker(`${FIXTURES}/uses-config.py`, { config: { files: { '/test/fixtures/config/single.py': './single.py' } } });
    expect(await reported(worker)).to.equal(42);
    worker.terminate();
  });

  it('PyWorker(url, {"type": "micropython", "config": ...}) from main-thread Python applies the config inside the worker', async function () {
    this.timeout(60_000);
    const el = await mainScript(`
from pyscript import PyWorker
config_worker = PyWorker("${FIXTURES}/uses-config.py", {
    "type": "micropython",
    "config": {"files": {"/test/fixtures/config/single.py": "./single.py"}},
})
`);
    const handle = (el.interpreter as { globals: { get(name: string): Handle } }).globals.get('config_worker');
    expect(await reported(handle)).to.equal(42);
    handle.terminate();
  });

  it('imports js_modules.worker of a worker script\'s config in the worker: from pyscript.js_modules import name', async function () {
    this.timeout(60_000);
    const el = await workerScript('from pyscript import window\nfrom pyscript.js_modules import d3\nwindow.workerD3Version = d3.version\n', {
      config: '{"js_modules": {"worker": {"/test/fixtures/config/lib/d3-like.mjs": "d3"}}}',
    });
    expect(el.querySelector('.py-error')?.textContent ?? '').to.equal('');
    expect(win.workerD3Version).to.equal('d3-like 1.0');
  });

  for (const tag of ['mpy-script', 'py-script']) {
    it(`imports js_modules.main of a ${tag} worker's config on the main thread, used through proxies`, async function () {
      this.timeout(60_000);
      const el = await workerScript(
        'from pyscript import window\nfrom pyscript.js_modules import whereabouts\nwindow.whereMainModuleRan = whereabouts.where()\n' +
          'from pyscript.js_modules.whereabouts import where\nwindow.whereImportedName = where()\n' +
          'try:\n    whereabouts.missing\nexcept AttributeError as error:\n    window.whereMissing = str(error)\n',
        { config: '{"js_modules": {"main": {"/test/fixtures/config/lib/where.mjs": "whereabouts"}}}' },
        tag,
      );
      expect(el.querySelector('.py-error')?.textContent ?? '').to.equal('');
      expect(win.whereMainModuleRan).to.equal('main');
      expect(win.whereImportedName).to.equal('main');
      expect(win.whereMissing).to.contain("does not provide an export named 'missing'");
    });
  }

  it('gives a worker its own file system: a file written by main-thread Python is absent there', async function () {
    this.timeout(60_000);
    await mainScript(`
import js
with open("/written-by-main.txt", "w") as f:
    f.write("main")
with open("/written-by-main.txt") as f:
    js.window.mainFileOnMain = f.read()
`);
    expect(win.mainFileOnMain).to.equal('main');
    const el = await workerScript(`
from pyscript import window
try:
    open("/written-by-main.txt").close()
    window.mainFileInWorker = "present"
except OSError:
    window.mainFileInWorker = "absent"
`);
    expect(el.querySelector('.py-error')).to.equal(null);
    expect(win.mainFileInWorker).to.equal('absent');
  });

  it('runs hooks.worker code strings before the worker code', async function () {
    this.timeout(60_000);
    core.hooks.worker.codeBeforeRun.add('from_hook = 41');
    try {
      await fixture(html`<div id="hooked"></div>`);
      const el = document.createElement('mpy-script') as ScriptEl;
      el.setAttribute('worker', '');
      el.textContent = 'from pyscript import document\ndocument.getElementById("hooked").textContent = str(from_hook + 1)\n';
      document.getElementById('hooked')!.append(el);
      await el.done;
      expect(document.getElementById('hooked')!.textContent).to.equal('42');
    } finally {
      core.hooks.worker.codeBeforeRun.clear();
    }
  });

  it('shows a Python exception of a worker on the page and still fires :done', async function () {
    this.timeout(60_000);
    let done: CustomEvent | undefined;
    const el = await fixture<ScriptEl>(html`<mpy-script worker @mpy:done=${(event: CustomEvent) => (done = event)}>raise ValueError("boom in worker")</mpy-script>`);
    await el.done;
    expect(el.querySelector('.py-error')?.textContent).to.contain('ValueError: boom in worker');
    expect(done?.detail.error?.message).to.contain('boom in worker');
  });

  it('shows an out-of-memory error of a worker on the page and still fires :done', async function () {
    this.timeout(60_000);
    // 4 GiB in 1 MiB blocks: more than the wasm heap can ever hold.
    const el = await fixture<ScriptEl>(html`<mpy-script worker>x = [bytearray(2 ** 20) for _ in range(4096)]</mpy-script>`);
    await el.done;
    expect(el.querySelector('.py-error')?.textContent).to.contain('MemoryError: memory allocation failed');
  });

  it('terminate() stops a running worker and settles done with an error', async function () {
    this.timeout(60_000);
    const worker = await core.MPWorker(`${FIXTURES}/forever.py`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    worker.terminate();
    const error = await worker.done;
    expect(error?.message).to.contain('terminated');
  });

  it('removing a worker element terminates its worker and fires :done', async function () {
    this.timeout(60_000);
    // The worker ticks over a BroadcastChannel, not through `window`: main
    // stops answering a finished worker's sync calls, which would stop a
    // worker that is still running just as well.
    const channel = new BroadcastChannel('removal-ticks');
    let ticks = 0;
    channel.onmessage = () => ticks++;
    try {
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const el = document.createElement('mpy-script') as ScriptEl;
      el.setAttribute('worker', '');
      el.textContent = 'import js, time\nchannel = js.BroadcastChannel.new("removal-ticks")\nwhile True:\n    channel.postMessage(1)\n    time.sleep(0.005)\n';
      let done = false;
      el.addEventListener('mpy:done', () => (done = true));
      container.append(el);
      await el.ready;
      for (let i = 0; i < 500 && ticks < 10; i++) await sleep(20);
      expect(ticks, 'the loop ran').to.be.at.least(10);
      el.remove();
      await el.done;
      expect(done).to.equal(true);
      // Chromium stops a worker that is busy in a loop only after a grace
      // period (about 2 s, measured) once terminate() was called; one that
      // was not terminated keeps ticking.
      let stopped = false;
      for (const end = performance.now() + 6000; !stopped && performance.now() < end; ) {
        const before = ticks;
        await sleep(500);
        stopped = ticks === before;
      }
      expect(stopped, `the worker still ticks (${ticks} ticks)`).to.equal(true);
    } finally {
      channel.close();
    }
  });

  it('warns "💀🔒 - Possible deadlock" for the FAQ deadlock example, naming the call', async function () {
    this.timeout(240_000);
    const warned = watchWarnings('💀🔒 - Possible deadlock', 200_000);
    // The FAQ writes `def async main_task()`, a syntax error; `async def` is what it means.
    const el = await mainScript(`
from pyscript import PyWorker

async def main_task():
    # deadlock 💀🔒
    await pw.sync.worker_task()

pw = PyWorker("${FIXTURES}/worker.py", {"type": "pyodide"})
pw.sync.main_task = main_task
`);
    const handle = (el.interpreter as { globals: { get(name: string): Handle } }).globals.get('pw');
    await handle.ready;
    const started = performance.now();
    const message = await warned;
    expect(message).to.contain('💀🔒 - Possible deadlock if proxy.worker_task(...args) is awaited');
    // Counted from the moment the worker's code runs (it blocks right away).
    expect(performance.now() - started).to.be.below(3000 + 2000);
    handle.terminate();
  });

  it('runs the FAQ non-blocking pattern without deadlock: window.Promise.resolve(pw.sync.worker_task())', async function () {
    this.timeout(240_000);
    const warned = watchWarnings('💀🔒', 200_000);
    const el = await mainScript(`
from pyscript import window, PyWorker

async def main_task():
    # do not await the worker,
    # just schedule it for later (as resolved)
    window.Promise.resolve(pw.sync.worker_task())

pw = PyWorker("${FIXTURES}/worker.py", {"type": "pyodide"})
pw.sync.main_task = main_task
`);
    const handle = (el.interpreter as { globals: { get(name: string): Handle } }).globals.get('pw');
    expect(await handle.done).to.equal(undefined); // sync.main_task() returned: the worker was not stuck
    expect(await handle.sync.worker_task()).to.equal(undefined); // Pyodide's None
    const warning = await Promise.race([warned, new Promise((resolve) => setTimeout(() => resolve(null), 1500))]);
    expect(warning).to.equal(null);
    handle.terminate();
  });
});

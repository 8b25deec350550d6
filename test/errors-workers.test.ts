// Workers started from JavaScript report what fails (a bad URL, an error at
// start, a config entry that cannot load) on the console and through their
// promises, nothing hangs; and relative URLs of every config (files,
// js_modules.worker, src, config files) resolve against the page, or the
// config file, in workers and PyWorker/MPWorker as on the main thread,
// from a page in a subfolder.
import { expect } from '@open-wc/testing';
import { until } from './errors-page.js';

type Handle = { done: Promise<Error | undefined>; configErrors: Error[] };
type Core = {
  PyWorker(url: string, options?: object): Promise<Handle>;
  MPWorker(url: string, options?: object): Promise<Handle>;
};
const core = (await import(/* @vite-ignore */ '/dist/core.js' as string)) as Core;

/** Runs `action` with console.error recorded; returns what was logged. */
async function logged(action: () => Promise<unknown>): Promise<string> {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  try {
    await action();
  } finally {
    console.error = original;
  }
  return lines.join('\n');
}

describe('workers started from JavaScript: errors', function () {
  this.timeout(120_000);

  for (const start of ['MPWorker', 'PyWorker'] as const) {
    it(`${start} of a missing file rejects with PY0404 naming the URL, and logs it`, async () => {
      let error: Error | undefined;
      const log = await logged(() => core[start]('/test/fixtures/errors/missing.py').catch((caught: Error) => (error = caught)));
      expect(error?.message).to.match(/^\(PY0404\): .*\/test\/fixtures\/errors\/missing\.py/);
      expect(log).to.match(/PY0404/);
    });

    it(`${start} code that raises: done has the traceback, the console too`, async () => {
      const blob = '/test/fixtures/errors/raises.py';
      let error: Error | undefined;
      const log = await logged(async () => {
        const worker = await core[start](blob);
        error = await worker.done;
      });
      expect(error?.message).to.match(/ValueError: raised at start/);
      expect(log).to.match(/ValueError: raised at start/);
    });

    it(`${start} whose config names a missing file: configErrors has the PY0404, the console too`, async () => {
      let worker: Handle | undefined;
      const log = await logged(async () => {
        worker = await core[start]('/test/fixtures/errors/ok.py', { config: { files: { './no-such-file.txt': '/x.txt' } } });
        await worker.done;
      });
      expect(worker!.configErrors.map((e) => e.message).join('\n')).to.match(/^\(PY0404\): .*\/no-such-file\.txt/);
      expect(log).to.match(/PY0404.*no-such-file\.txt/);
    });
  }
});

describe('relative URLs from a page in a subfolder', function () {
  this.timeout(180_000);

  it('resolve against the page, or the config file, on main, in worker scripts and in PyWorker/MPWorker', async () => {
    const iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/errors/sub/relative.html';
    document.body.append(iframe);
    const win = () => iframe.contentWindow as unknown as Record<string, any>;
    await until(() => win()?.__allDone, 120_000, 'py:all-done');
    const errors = [...iframe.contentDocument!.querySelectorAll('.py-error')].map((box) => box.textContent);
    expect(errors, JSON.stringify(errors)).to.deep.equal([]);
    expect(win().mainThread).to.equal('A');
    expect(win().inlineWorker, 'mpy worker, inline config').to.equal('AM');
    expect(win().pyInlineWorker, 'py worker, inline config').to.equal('AM');
    expect(win().fileWorker, 'worker, config file: relative to the file').to.equal('BM');
    expect(win().srcWorker, 'worker src and its config').to.equal('AM');
    const failures = (await win().pyWorkers) as (Error | undefined)[];
    expect(failures.map((e) => e?.message)).to.deep.equal([undefined, undefined, undefined]);
    expect(win().js_micropython_a, 'MPWorker, object config').to.equal('AM');
    expect(win().js_micropython_b, 'MPWorker, config file').to.equal('BM');
    expect(win().js_cpython_a, 'PyWorker, object config').to.equal('AM');
    expect(win().__allDone).to.equal(1);
    expect(win().__errors.join('\n')).to.equal('');
  });
});

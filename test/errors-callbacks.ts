// The tests of errors-callbacks*.test.ts. Errors raised by Python callbacks (when handlers, sync and async; timer
// and promise callbacks given through create_proxy) and by display() of a
// value whose repr raises show as `.py-error` boxes at the script, with the
// traceback, and on the console; the page keeps working. Both interpreters,
// main thread and worker; one page per case.
import { expect } from '@open-wc/testing';
import { boxes, errorPage, until, type ErrorFrame } from './errors-page.js';

/** A page with a button, an output div and one script (with `target="out"`), then a later script. */
const page = (type: string, worker: boolean, code: string) =>
  errorPage(`<button id="b">b</button><div id="out"></div>
    <script type="${type}" ${worker ? 'worker' : ''} target="out">
${code}
    </script>
    <script type="${type}">import js; js.window.laterRan = True</script>`);

/** Expects one more box in #out after `action`, matching `pattern`; returns its text. */
async function expectBox(frame: ErrorFrame, count: number, pattern: RegExp): Promise<string> {
  await until(() => boxes(frame, '#out').length >= count, 10_000, `${count} error box(es) in #out`);
  const texts = boxes(frame, '#out');
  expect(texts, JSON.stringify(texts)).to.have.length(count);
  expect(texts[count - 1]).to.match(pattern);
  return texts[count - 1];
}

function expectPageWent(frame: ErrorFrame) {
  expect(frame.window.__allDone, 'py:all-done fired once').to.equal(1);
  expect(frame.window.laterRan, 'the later script ran').to.equal(true);
}

/** The cases, for each interpreter type on one thread (two test files, to stay within a file's time limit). */
export function callbackErrorTests(worker: boolean): void {
 for (const type of ['mpy', 'py']) {
  describe(`callback errors: ${type}${worker ? ' worker' : ''}`, function () {
    this.timeout(110_000);

    it('a when handler that raises shows the traceback at its script, each time, and keeps working', async () => {
      const frame = await page(type, worker, `
from pyscript import when, window

clicks = [0]

@when("click", "#b")
def clicked(event):
    clicks[0] += 1
    window.clicks = clicks[0]
    raise ValueError("boom " + str(clicks[0]))
`);
      expectPageWent(frame);
      expect(boxes(frame), 'no box before the click').to.have.length(0);
      const button = frame.document.getElementById('b')!;
      button.click();
      const first = await expectBox(frame, 1, /ValueError: boom 1/);
      expect(first).to.match(/Traceback/);
      expect(first).to.match(/line \d+/);
      button.click();
      await expectBox(frame, 2, /ValueError: boom 2/);
      expect(frame.window.clicks).to.equal(2);
      expect(frame.window.__errors.join('\n')).to.match(/boom 1/);
    });

    it('an async when handler that raises shows the traceback at its script', async () => {
      const frame = await page(type, worker, `
import asyncio
from pyscript import when

@when("click", "#b")
async def clicked():
    await asyncio.sleep(0)
    raise KeyError("async boom")
`);
      expectPageWent(frame);
      frame.document.getElementById('b')!.click();
      await expectBox(frame, 1, /KeyError: .*async boom/);
    });

    it('a timer callback (create_proxy + setTimeout) that raises shows on the page', async () => {
      const frame = await page(type, worker, `
import js
from pyscript.ffi import create_proxy

def tick():
    raise RuntimeError("tick failed")

js.setTimeout(create_proxy(tick), 0)
`);
      expectPageWent(frame);
      await until(() => boxes(frame).length >= 1, 10_000, 'an error box');
      const texts = boxes(frame);
      expect(texts, JSON.stringify(texts)).to.have.length(1);
      expect(texts[0]).to.match(/RuntimeError: tick failed/);
      expect(frame.window.__errors.join('\n')).to.match(/tick failed/);
    });

    it('a promise callback that raises shows on the page', async () => {
      const frame = await page(type, worker, `
import js
from pyscript.ffi import create_proxy

def then(value):
    raise ArithmeticError("then failed " + str(value))

js.Promise.resolve(7).then(create_proxy(then))
`);
      expectPageWent(frame);
      await until(() => boxes(frame).length >= 1, 10_000, 'an error box');
      const texts = boxes(frame);
      expect(texts, JSON.stringify(texts)).to.have.length(1);
      expect(texts[0]).to.match(/ArithmeticError: then failed 7/);
    });

    it('display() of a value whose repr raises shows the error', async () => {
      const frame = await page(type, worker, `
from pyscript import display

class Broken:
    def __repr__(self):
        raise ValueError("no repr for you")

display(Broken())
`);
      expectPageWent(frame);
      await expectBox(frame, 1, /ValueError: no repr for you/);
    });
  });
}
}

// sys.exit() ends a script as Python ends a program (no box, the exit code
// in `:done`'s detail, later scripts run); RecursionError and MemoryError
// show like any error and leave the interpreter usable. Both interpreters,
// main thread and worker.
import { expect } from '@open-wc/testing';
import { boxes, errorPage, type ErrorFrame } from './errors-page.js';

// Each script's `:done` detail, by the id of the element it fired on.
const recordDone = `<script>
  window.__done = {};
  for (const type of ['py:done', 'mpy:done']) addEventListener(type, (event) => { window.__done[event.target.id] = event.detail; });
</script>`;

const page = (type: string, worker: boolean, code: string) =>
  errorPage(`<script type="${type}" ${worker ? 'worker' : ''} id="first">
${code}
    </script>
    <script type="${type}" id="later">import js; js.window.laterRan = True</script>`, { head: recordDone });

const done = (frame: ErrorFrame, id: string) => (frame.window.__done as Record<string, { error?: Error; exitCode?: number }>)[id];

for (const type of ['mpy', 'py']) {
  for (const worker of [false, true]) {
    describe(`exit and fatal errors: ${type}${worker ? ' worker' : ''}`, function () {
      this.timeout(120_000);

      it('sys.exit(3) ends the script without an error box; :done has exitCode 3; later scripts run', async () => {
        const frame = await page(type, worker, 'import sys\nfrom pyscript import window\nwindow.before = True\nsys.exit(3)\nwindow.after = True');
        expect(boxes(frame), JSON.stringify(boxes(frame))).to.have.length(0);
        expect(frame.window.before).to.equal(true);
        expect(frame.window.after).to.equal(undefined);
        expect(done(frame, 'first').exitCode).to.equal(3);
        expect(done(frame, 'first').error).to.equal(undefined);
        expect(frame.window.laterRan).to.equal(true);
        expect(frame.window.__allDone).to.equal(1);
      });

      it('sys.exit() has exit code 0', async () => {
        const frame = await page(type, worker, 'import sys\nsys.exit()');
        expect(boxes(frame), JSON.stringify(boxes(frame))).to.have.length(0);
        expect(done(frame, 'first').exitCode).to.equal(0);
        expect(frame.window.__allDone).to.equal(1);
      });

      it('unbounded recursion shows a recursion error and the interpreter stays usable', async () => {
        const frame = await page(type, worker, 'def down(n):\n    return down(n + 1)\n\ndown(0)');
        const texts = boxes(frame);
        expect(texts, JSON.stringify(texts)).to.have.length(1);
        expect(texts[0]).to.match(/(RecursionError|RuntimeError): maximum recursion depth exceeded/);
        expect(done(frame, 'first').error?.message).to.match(/maximum recursion depth/);
        expect(frame.window.laterRan).to.equal(true);
        expect(frame.window.__allDone).to.equal(1);
      });

      it('an allocation past the memory limit shows MemoryError and the interpreter stays usable', async () => {
        const code = type === 'mpy' ? 'data = bytearray(2 ** 30)' : 'data = [0] * (2 ** 30)';
        const frame = await page(type, worker, code);
        const texts = boxes(frame);
        expect(texts, JSON.stringify(texts)).to.have.length(1);
        expect(texts[0]).to.match(/MemoryError/);
        expect(frame.window.laterRan).to.equal(true);
        expect(frame.window.__allDone).to.equal(1);
      });
    });
  }
}

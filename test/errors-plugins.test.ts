// The `plugins` config key: "!error" turns the error boxes off (console
// only), plugin modules listed by URL add hooks before the scripts run,
// unknown names and missing modules are config errors; the demo plugin.
import { expect } from '@open-wc/testing';
import { boxes, errorPage, until } from './errors-page.js';

const F = '/test/fixtures/errors';

describe('plugins', function () {
  this.timeout(120_000);

  for (const type of ['mpy', 'py']) {
    it(`"!error" in <${type}-config>: no error box, the console and :done still get the error (${type})`, async () => {
      const frame = await errorPage(`<${type}-config>plugins = ["!error"]</${type}-config>
        <script type="${type}" id="bad">raise ValueError("quiet please")</script>
        <script type="${type}">import js; js.window.laterRan = True</script>`);
      expect(boxes(frame)).to.deep.equal([]);
      expect(frame.window.__errors.join('\n')).to.match(/ValueError: quiet please/);
      expect(frame.window.laterRan).to.equal(true);
      expect(frame.window.__allDone).to.equal(1);
    });

    it(`a plugin module listed by URL adds its hooks before the first script (${type})`, async () => {
      const frame = await errorPage(`<${type}-config>plugins = ["${F}/plugin.js", "${F}/self-registering.js"]</${type}-config>
        <script type="${type}" id="one">import js; js.window.got = plugin_value; js.window.self = self_registered</script>
        <script type="${type}" id="two">pass</script>`);
      expect(boxes(frame), JSON.stringify(boxes(frame))).to.deep.equal([]);
      expect(frame.window.got).to.equal(42);
      expect(frame.window.self).to.equal('yes');
      expect(frame.window.pluginSaw).to.deep.equal(['one', 'two']);
      expect(frame.window.pluginConfigs, 'imported and started once').to.equal(1);
      expect(frame.window.__allDone).to.equal(1);
    });
  }

  it('"!error" in the main config also covers worker scripts, on a page without main-thread scripts', async () => {
    const frame = await errorPage(`<mpy-config>plugins = ["!error"]</mpy-config>
      <script type="mpy" worker>raise ValueError("worker, quietly")</script>`);
    expect(boxes(frame)).to.deep.equal([]);
    expect(frame.window.__errors.join('\n')).to.match(/ValueError: worker, quietly/);
    expect(frame.window.__allDone).to.equal(1);
  });

  it('an unknown plugin name is PY1000 and a missing module PY0404; the scripts still run', async () => {
    const frame = await errorPage(`<mpy-config>plugins = ["no-such-plugin", "./missing-plugin.js", "!py-terminal"]</mpy-config>
      <script type="mpy">import js; js.window.ran = True</script>`);
    const codes = [...frame.document.querySelectorAll<HTMLElement>('.py-error')].map((box) => `${box.dataset.code} ${box.textContent}`);
    expect(codes.length, JSON.stringify(codes)).to.equal(2);
    expect(codes.find((text) => text.startsWith('PY1000'))).to.match(/Unknown plugin "no-such-plugin"/);
    expect(codes.find((text) => text.startsWith('PY0404'))).to.match(/missing-plugin\.js/);
    expect(frame.window.ran).to.equal(true);
    expect(frame.window.__allDone).to.equal(1);
  });

  it('the demo plugin (demo/plugins/timer.js) shows how long each script took, main thread and worker', async () => {
    const iframe = document.createElement('iframe');
    iframe.src = '/demo/plugins/index.html';
    document.body.append(iframe);
    const badges = () => [...(iframe.contentDocument?.querySelectorAll('.plugin-timer') ?? [])].map((badge) => badge.textContent ?? '');
    await until(() => badges().length >= 2, 60_000, 'two badges');
    expect(badges()).to.have.length(2);
    expect(badges()[0]).to.match(/^ran in \d+\.\d ms$/);
    expect(badges()[1]).to.match(/^ran in a worker, \d+ ms with start-up$/);
    expect(iframe.contentDocument!.querySelectorAll('.py-error')).to.have.length(0);
  });
});

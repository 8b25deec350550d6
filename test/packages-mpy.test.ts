// MicroPython packages by name, as mip finds them: the config's index_urls
// in micropython-lib's layout (the fixture index test/fixtures/build/mip/),
// dependencies by name, and an error naming the index for a name it lacks.
import { expect } from '@open-wc/testing';
import type { PyScriptElement } from '../src/elements/py-script.js';

const MIP = '/test/fixtures/build/mip';
const w = window as unknown as { __mip: string };

describe('MicroPython packages by name from a mip index', () => {
  let el: PyScriptElement;

  before(async function () {
    this.timeout(60_000);
    await import('/dist/core.js');
    const script = document.createElement('script');
    script.type = 'mpy';
    script.setAttribute('config', JSON.stringify({ packages: ['mip-hello', 'nosuch-mpy'], index_urls: [MIP] }));
    script.textContent = 'import js, mip_hello\njs.window.__mip = mip_hello.GREETING';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve));
    el = script.nextElementSibling as PyScriptElement;
    await el.done;
  });

  it('installs a name and its dependencies (by name) into /lib', () => {
    expect(w.__mip).to.equal('hello from mip !!');
  });

  it('shows PY0404 for a name the index lacks, naming the URL asked', () => {
    const boxes = [...el.querySelectorAll<HTMLElement>('.py-error')];
    expect(boxes.map((box) => box.textContent)).to.have.length(1);
    expect(boxes[0].dataset.code).to.equal('PY0404');
    expect(boxes[0].textContent).to.contain(`Unable to install MicroPython package 'nosuch-mpy': it is not in ${location.origin}${MIP}/package/py/nosuch-mpy/latest.json (HTTP 404)`);
  });
});

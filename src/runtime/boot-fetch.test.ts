import { expect } from '@open-wc/testing';
import { answerFromBytes, duringBoot } from './boot-fetch.js';

// A file of the test server: its bytes, or a stand-in's, tell which answer a fetch got.
const url = new URL('/test/fixtures/worker/micro.py', location.href).href;

describe('answerFromBytes', () => {
  it('answers the next boot-time fetch of the URL with the bytes given, once', async () => {
    const bytes = new TextEncoder().encode('from main').buffer;
    answerFromBytes(url, Promise.resolve(bytes), 'application/wasm');
    const [first, second] = await duringBoot(async () => [await fetch(url), await fetch(url)]);
    expect(first.headers.get('Content-Type')).to.equal('application/wasm');
    expect(await first.text()).to.equal('from main');
    expect(await second.text()).to.not.equal('from main'); // the server's file
  });

  it('fetches the file itself when main has no bytes for it', async () => {
    const served = await (await fetch(url)).text();
    answerFromBytes(url, Promise.resolve(null), 'application/wasm');
    const response = await duringBoot(() => fetch(url));
    expect(await response.text()).to.equal(served);
  });

  it('waits for the bytes when asked before they arrive', async () => {
    let arrive!: (bytes: ArrayBuffer) => void;
    answerFromBytes(url, new Promise((resolve) => (arrive = resolve)), 'application/wasm');
    const response = duringBoot(() => fetch(url));
    setTimeout(() => arrive(new TextEncoder().encode('late').buffer), 20);
    expect(await (await response).text()).to.equal('late');
  });
});

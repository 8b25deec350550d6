// pyscript.storage survives a page reload: an iframe counts its loads in
// IndexedDB, and is reloaded.
import { expect } from '@open-wc/testing';

const titleOf = (frame: HTMLIFrameElement, wanted: string) =>
  new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const title = frame.contentDocument?.title ?? '';
      if (title === wanted) resolve(title);
      else if (Date.now() - started > 30_000) reject(new Error(`iframe title is "${title}", expected "${wanted}"`));
      else setTimeout(poll, 50);
    };
    poll();
  });

describe('pyscript.storage', () => {
  it('keeps its entries across a reload', async () => {
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase('@pyscript/reload-test');
      request.onsuccess = request.onblocked = resolve;
      request.onerror = () => reject(request.error);
    });
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/module/storage-reload.html';
    document.body.append(frame);
    expect(await titleOf(frame, 'loads=1')).to.equal('loads=1');
    frame.contentWindow!.location.reload();
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    expect(await titleOf(frame, 'loads=2')).to.equal('loads=2');
    frame.remove();
  });
});

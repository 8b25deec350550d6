// Nothing but localhost is reachable from a test page, in every engine: a
// server on another address (test/other-host.mjs, on 127.0.0.2) and a named
// host both fail, while the test server on localhost answers.
import { expect } from '@open-wc/testing';

/** The error of a fetch that must fail, or null when it got an answer. */
async function failure(url: string): Promise<Error | null> {
  try {
    const response = await fetch(url, { cache: 'no-store', mode: 'cors' });
    await response.text();
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('the network in a test page', () => {
  it('reaches the test server on localhost', async () => {
    const response = await fetch('/test/other-host', { cache: 'no-store' });
    expect(response.ok).to.equal(true);
  });

  it('does not reach a server on another address', async () => {
    const { url } = await (await fetch('/test/other-host', { cache: 'no-store' })).json();
    expect(url).to.match(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    expect(await failure(url), `${url} answered`).to.be.an('error');
  });

  it('does not reach a named host', async () => {
    expect(await failure('http://example.com/'), 'example.com answered').to.be.an('error');
    expect(await failure('https://example.com/'), 'https://example.com answered').to.be.an('error');
  });
});

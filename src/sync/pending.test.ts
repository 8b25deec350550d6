// Calls waiting for an answer by id.
import { expect } from '@open-wc/testing';
import { PendingCalls } from './pending.js';

describe('PendingCalls', () => {
  it('numbers calls 1, 2, … and settles each by its id', async () => {
    const calls = new PendingCalls();
    const first = calls.add();
    const second = calls.add();
    expect([first.id, second.id]).to.deep.equal([1, 2]);
    calls.take(second.id)?.resolve('b');
    calls.take(first.id)?.reject(new Error('a failed'));
    expect(await second.promise).to.equal('b');
    let error: Error | undefined;
    await first.promise.catch((caught: Error) => (error = caught));
    expect(error?.message).to.equal('a failed');
  });

  it('forgets a call once taken: a second answer finds nothing', () => {
    const calls = new PendingCalls();
    const { id } = calls.add();
    expect(calls.has(id)).to.equal(true);
    expect(calls.take(id)).to.exist;
    expect(calls.has(id)).to.equal(false);
    expect(calls.take(id)).to.equal(undefined);
  });

  it('waits for an id the other side chose', async () => {
    const calls = new PendingCalls();
    const promise = calls.expect(7);
    calls.take(7)?.resolve(42);
    expect(await promise).to.equal(42);
  });

  it('rejects every waiting call when the other side is gone', async () => {
    const calls = new PendingCalls();
    const reason = new Error('terminated');
    const promises = [calls.add().promise, calls.expect(9)];
    calls.rejectAll(reason);
    const results = await Promise.allSettled(promises);
    expect(results.map((result) => (result as PromiseRejectedResult).reason)).to.deep.equal([reason, reason]);
    expect(calls.has(9)).to.equal(false);
  });
});

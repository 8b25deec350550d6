// One side's `sync`: exported names, calls of the other side's, waiting for names.
import { expect } from '@open-wc/testing';
import { Exports } from './exports.js';

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('Exports', () => {
  it('reads a defined name as its value and any other as a call of the other side', () => {
    const exports = new Exports();
    const remote: [string, unknown[]][] = [];
    const sync = exports.proxy((name, args) => remote.push([name, args]), ['then']);
    const fn = () => 1;
    sync.mine = fn;
    expect(sync.mine).to.equal(fn);
    expect('mine' in sync).to.equal(true);
    expect('theirs' in sync).to.equal(false);
    sync.theirs(1, 'two');
    expect(remote).to.deep.equal([['theirs', [1, 'two']]]);
    expect(delete sync.mine).to.equal(true);
    expect(exports.has('mine')).to.equal(false);
  });

  it('hides `then` and the other hidden keys, so awaiting sync is not a call', async () => {
    const exports = new Exports();
    const sync = exports.proxy(() => {
      throw new Error('no call expected');
    }, ['then', '_ref']);
    expect(sync.then).to.equal(undefined);
    expect(sync._ref).to.equal(undefined);
    expect('_ref' in sync).to.equal(false);
    expect(await sync).to.equal(sync);
  });

  it('lets a call wait for a name until it is defined', async () => {
    const exports = new Exports();
    const defined = exports.defined('later');
    expect(await settled(defined)).to.equal(false);
    exports.set('later', () => 'ok');
    expect(await settled(defined)).to.equal(true);
    expect(await settled(exports.defined('later'))).to.equal(true);
  });

  it('ends every wait once closed, for names that never came', async () => {
    const exports = new Exports();
    const waits = [exports.defined('a'), exports.defined('b')];
    exports.close();
    expect(await settled(Promise.all(waits))).to.equal(true);
    expect(await settled(exports.defined('c'))).to.equal(true);
    expect(exports.has('a')).to.equal(false);
  });
});

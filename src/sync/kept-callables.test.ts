// The worker's table of callables main holds.
import { expect } from '@open-wc/testing';
import { KeptCallables } from './kept-callables.js';

describe('KeptCallables', () => {
  it('keeps a copy of each callable under one id, for the original and the copy', () => {
    const copies = new Map<Function, Function>();
    const callables = new KeptCallables({
      keep: (fn) => {
        const copy = () => fn();
        copies.set(fn, copy);
        return copy;
      },
      free: () => undefined,
    });
    const fn = () => 1;
    const id = callables.idOf(fn);
    expect(id).to.equal(1);
    expect(callables.idOf(fn)).to.equal(id);
    expect(callables.get(id)).to.equal(copies.get(fn));
    expect(callables.idOf(copies.get(fn)!)).to.equal(id);
    expect(callables.idOf(() => 2)).to.equal(2);
  });

  it('frees what main released, once', () => {
    const freed: Function[] = [];
    const callables = new KeptCallables({ keep: (fn) => fn, free: (fn) => freed.push(fn) });
    const fn = () => 1;
    const id = callables.idOf(fn);
    callables.release([id, id, 99]);
    expect(freed).to.deep.equal([fn]);
    expect(callables.get(id)).to.equal(undefined);
  });
});

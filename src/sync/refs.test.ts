// Main's table of objects a worker references by id.
import { expect } from '@open-wc/testing';
import { RefTable } from './refs.js';

describe('RefTable', () => {
  it('gives each object one id, after the pinned ones', () => {
    const window = {};
    const table = new RefTable([[1, window], [2, {}]]);
    const a = {};
    const b = {};
    expect(table.idOf(a)).to.equal(3);
    expect(table.idOf(b)).to.equal(4);
    expect(table.idOf(a)).to.equal(3);
    expect(table.idOf(window)).to.equal(1);
    expect(table.get(4)).to.equal(b);
  });

  it('forgets a dropped object (a new id if it comes again) but never a pinned one', () => {
    const window = {};
    const table = new RefTable([[1, window]]);
    const a = {};
    const id = table.idOf(a);
    table.drop(id);
    expect(() => table.get(id)).to.throw(ReferenceError, `#${id} was released`);
    expect(table.idOf(a)).to.not.equal(id);
    table.drop(1);
    expect(table.get(1)).to.equal(window);
  });

  it('knows nothing once cleared', () => {
    const table = new RefTable([[1, {}]]);
    table.clear();
    expect(() => table.get(1)).to.throw(ReferenceError);
  });
});

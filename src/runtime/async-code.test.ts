import { expect } from '@open-wc/testing';
import { isAsyncCode } from './async-code.js';

describe('isAsyncCode', () => {
  it('is true for code that awaits, at any depth', () => {
    expect(isAsyncCode('import asyncio\nawait asyncio.sleep(0)')).to.equal(true);
    expect(isAsyncCode('async def f():\n    await g()')).to.equal(true);
  });

  it('is false for code without the word await', () => {
    expect(isAsyncCode('print("hi")')).to.equal(false);
    expect(isAsyncCode('awaited = 1\nprint(awaiting)')).to.equal(false);
  });
});

import { expect } from '@open-wc/testing';
import { dedent } from './dedent.js';

describe('dedent', () => {
  it('removes the common indentation and keeps every line', () => {
    expect(dedent('\n    a = 1\n    if a:\n        b = 2\n  ')).to.equal('\na = 1\nif a:\n    b = 2\n');
  });

  it('leaves code that starts at column 0 as it is', () => {
    expect(dedent('print(1)\n  x')).to.equal('print(1)\n  x');
  });

  it('ignores blank lines when measuring indentation', () => {
    expect(dedent('  a\n\n      \n  b')).to.equal('a\n\n\nb');
  });

  it('normalizes Windows line endings', () => {
    expect(dedent('  a\r\n  b')).to.equal('a\nb');
  });
});

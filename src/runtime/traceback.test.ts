import { expect } from '@open-wc/testing';
import { PyScriptError } from '../errors.js';
import { exitCodeOf } from './traceback.js';

const python = (message: string) => Object.assign(new Error(message), { name: 'PythonError' });
const tb = (last: string) => `Traceback (most recent call last):\n  File "<exec>", line 2, in <module>\n${last}\n`;

describe('exitCodeOf', () => {
  it('reads the code of sys.exit(n)', () => expect(exitCodeOf(python(tb('SystemExit: 3')))).to.deep.equal({ code: 3 }));
  it('is 0 for sys.exit() and sys.exit(None)', () => {
    expect(exitCodeOf(python(tb('SystemExit')))).to.deep.equal({ code: 0 });
    expect(exitCodeOf(python(tb('SystemExit: None')))).to.deep.equal({ code: 0 });
    expect(exitCodeOf(python(tb('SystemExit:')))).to.deep.equal({ code: 0 });
  });
  it('is 1 with the message for sys.exit("text")', () => expect(exitCodeOf(python(tb('SystemExit: bye')))).to.deep.equal({ code: 1, message: 'bye' }));
  it('reads a wrapped Python error', () => expect(exitCodeOf(new PyScriptError('PYTHON', tb('SystemExit: 2'), { cause: python('') }))).to.deep.equal({ code: 2 }));
  it('is undefined for other errors', () => {
    expect(exitCodeOf(python(tb('ValueError: SystemExit: 3')))).to.equal(undefined);
    expect(exitCodeOf(new PyScriptError('PY0404', 'SystemExit'))).to.equal(undefined);
    expect(exitCodeOf('SystemExit')).to.equal(undefined);
  });
});

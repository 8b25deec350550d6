import { expect } from '@open-wc/testing';
import { ErrorCode, PyScriptError, fromErrorData, toErrorData } from './errors.js';

describe('PyScriptError', () => {
  it('starts the message with its PY code', () => {
    const error = new PyScriptError(ErrorCode.BAD_CONFIG, 'Invalid TOML');
    expect(error.message).to.equal('(PY1000): Invalid TOML');
    expect(error.code).to.equal('PY1000');
  });

  it('leaves Python tracebacks as they are', () => {
    expect(new PyScriptError(ErrorCode.PYTHON, 'NameError: x').message).to.equal('NameError: x');
  });

  it('survives a trip across a worker boundary as data', () => {
    const data = structuredClone(toErrorData(new PyScriptError(ErrorCode.FETCH_ERROR, 'gone')));
    const back = fromErrorData(data);
    expect(back).to.be.instanceOf(PyScriptError);
    expect(back.code).to.equal('PY0404');
    expect(back.message).to.equal('(PY0404): gone');
  });
});

import { expect } from '@open-wc/testing';
import { LineEditor } from './line-editor.js';

describe('LineEditor', () => {
  it('echoes what is typed and answers the line on Enter', () => {
    const editor = new LineEditor([]);
    expect(editor.feed('ab')).to.deep.equal({ echo: 'ab', rest: '' });
    expect(editor.feed('c\r')).to.deep.equal({ echo: 'c\r\n', answer: 'abc', rest: '' });
  });

  it('keeps the keys after the end of a line for the next read', () => {
    expect(new LineEditor([]).feed('one\r\ntwo\r')).to.deep.equal({ echo: 'one\r\n', answer: 'one', rest: 'two\r' });
  });

  it('erases with Backspace, also in the middle of the line', () => {
    const editor = new LineEditor([]);
    editor.feed('abc');
    expect(editor.feed('\x7f').echo).to.equal('\b \x1b[1D');
    editor.feed('\x1b[D');
    expect(editor.feed('\x7f').echo).to.equal('\bb \x1b[2D');
    expect(editor.line).to.equal('b');
    expect(editor.feed('\x7f\x7f').echo).to.equal('');
  });

  it('inserts at the cursor after ← and goes to the ends with Home and End', () => {
    const editor = new LineEditor([]);
    editor.feed('ac\x1b[Db');
    expect(editor.line).to.equal('abc');
    expect(editor.feed('\x1b[H').echo).to.equal('\x1b[2D');
    expect(editor.feed('>').echo).to.equal('>abc\x1b[3D');
    expect(editor.feed('\x1b[F').echo).to.equal('\x1b[3C');
    expect(editor.feed('\r').answer).to.equal('>abc');
  });

  it('answers false for Ctrl-C and null for Ctrl-D on an empty line', () => {
    expect(new LineEditor([]).feed('ab\x03')).to.deep.equal({ echo: 'ab^C\r\n', answer: false, rest: '' });
    expect(new LineEditor([]).feed('\x04')).to.deep.equal({ echo: '', answer: null, rest: '' });
    const editor = new LineEditor([]);
    editor.feed('ab\x1b[D\x04');
    expect(editor.line).to.equal('a');
  });

  it('walks the history with ↑ and ↓, back to the line being typed', () => {
    const history: string[] = [];
    new LineEditor(history).feed('first\r');
    new LineEditor(history).feed('second\r');
    expect(history).to.deep.equal(['first', 'second']);
    const editor = new LineEditor(history);
    editor.feed('dra');
    expect(editor.feed('\x1b[A').echo).to.equal('\x1b[3D\x1b[Ksecond');
    editor.feed('\x1b[A\x1b[A');
    expect(editor.line).to.equal('first');
    editor.feed('\x1b[B\x1b[B');
    expect(editor.line).to.equal('dra');
  });

  it('ignores other control keys and unknown escape sequences', () => {
    const editor = new LineEditor([]);
    expect(editor.feed('a\x07\x1b[15~b').echo).to.equal('ab');
    expect(editor.line).to.equal('ab');
  });
});

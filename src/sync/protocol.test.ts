// Pure pieces of the worker bridge: keys, numbers, binary data, shapes.
import { expect } from '@open-wc/testing';
import { shapeOf } from './shape.js';
import { decodeBinary, decodeKey, decodeWire, encodeBinary, encodeKey, encodeNumber, encodePrimitive, isPlainObject } from './protocol.js';

describe('sync protocol', () => {
  it('encodes string keys as themselves and well-known symbols by name', () => {
    expect(encodeKey('title')).to.equal('title');
    expect(encodeKey(Symbol.iterator)).to.deep.equal({ $: 's', v: 'iterator' });
    expect(decodeKey({ $: 's', v: 'iterator' })).to.equal(Symbol.iterator);
    expect(encodeKey(Symbol('mine'))).to.equal(undefined);
  });

  it('encodes numbers JSON cannot carry', () => {
    expect(encodeNumber(1.5)).to.equal(1.5);
    expect(encodeNumber(NaN)).to.deep.equal({ $: 'n', v: 'NaN' });
    expect(encodeNumber(-Infinity)).to.deep.equal({ $: 'n', v: '-Infinity' });
    expect(encodeNumber(-0)).to.deep.equal({ $: 'n', v: '-0' });
  });

  it('encodes primitives alike on both sides, and leaves objects and functions to each side', () => {
    const side = () => 'side';
    for (const value of ['x', true, 0, -0, 2.5, NaN, 10n, null, undefined]) {
      const decoded = decodeWire(encodePrimitive(value)!, side);
      expect(Object.is(decoded, value), String(value)).to.equal(true);
    }
    expect(decodeWire(encodePrimitive(Symbol('s'))!, side)).to.equal(undefined);
    expect(decodeWire(encodePrimitive(Symbol.iterator)!, side)).to.equal(Symbol.iterator);
    expect(decodeWire(encodePrimitive(Symbol.for('app.brand'))!, side)).to.equal(Symbol.for('app.brand'));
    expect(encodePrimitive({})).to.equal(undefined);
    expect(encodePrimitive([])).to.equal(undefined);
    expect(encodePrimitive(() => 1)).to.equal(undefined);
  });

  it('round-trips binary data with its type', () => {
    const bytes = decodeBinary('Uint8Array', (encodeBinary(new Uint8Array([0, 1, 255])) as { v: string }).v);
    expect(bytes).to.be.instanceOf(Uint8Array);
    expect([...(bytes as Uint8Array)]).to.deep.equal([0, 1, 255]);
    const floats = encodeBinary(new Float64Array([1.25, -2]));
    expect(floats).to.include({ $: 'b', k: 'Float64Array' });
    expect([...(decodeBinary('Float64Array', (floats as { v: string }).v) as Float64Array)]).to.deep.equal([1.25, -2]);
    expect(decodeBinary('ArrayBuffer', (encodeBinary(new ArrayBuffer(4)) as { v: string }).v)).to.be.instanceOf(ArrayBuffer);
  });

  it('treats only object literals as plain data', () => {
    expect(isPlainObject({ a: 1 })).to.equal(true);
    expect(isPlainObject(Object.create(null))).to.equal(true);
    expect(isPlainObject(new Date())).to.equal(false);
  });

  it('describes what the interpreters probe, so wrapping a remote object needs no round trip', () => {
    expect(shapeOf(document.body)).to.deep.include({ t: 'HTMLBodyElement', c: 'HTMLBodyElement' });
    const list = shapeOf(document.querySelectorAll('div'));
    expect(list.m).to.include('@@iterator');
    expect(list.p).to.include('length');
    const map = shapeOf(new Map());
    expect(map.m).to.include.members(['get', 'set', 'has', '@@iterator']);
    expect(shapeOf(() => 1)).to.include({ f: 1 });
    expect(shapeOf([])).to.include({ a: 1 });
  });
});

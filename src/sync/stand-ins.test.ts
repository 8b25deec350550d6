// Stand-ins for the other side's objects, held weakly and reported once collected.
import { expect } from '@open-wc/testing';
import { fakeTimers } from '../../test/fake-timers.js';
import { StandIns } from './stand-ins.js';

describe('StandIns', () => {
  it('keeps one stand-in per id and knows the id of each, pinned ones included', () => {
    const standIns = new StandIns<object>(0, () => undefined);
    const proxy = standIns.add(5, {});
    expect(standIns.get(5)).to.equal(proxy);
    expect(standIns.idOf(proxy)).to.equal(5);
    const window = {};
    standIns.pin(1, window);
    expect(standIns.idOf(window)).to.equal(1);
    expect(standIns.idOf({})).to.equal(undefined);
  });

  it('reports collected ids in one batch, after the delay', () => {
    const timers = fakeTimers();
    const flushed: number[][] = [];
    const standIns = new StandIns<object>(1000, (ids) => flushed.push(ids), timers.schedule);
    standIns.collected(3);
    standIns.collected(4);
    expect(timers.delays()).to.deep.equal([1000]);
    expect(flushed).to.deep.equal([]);
    timers.runAll();
    expect(flushed).to.deep.equal([[3, 4]]);
  });

  it('leaves ids a request already carried out of the batch, and flushes nothing then', () => {
    const timers = fakeTimers();
    const flushed: number[][] = [];
    const standIns = new StandIns<object>(1000, (ids) => flushed.push(ids), timers.schedule);
    standIns.collected(3);
    expect(standIns.hasCollected).to.equal(true);
    expect(standIns.takeCollected()).to.deep.equal([3]);
    expect(standIns.hasCollected).to.equal(false);
    timers.runAll();
    expect(flushed).to.deep.equal([]);
  });

  it('does not report an id a newer stand-in holds', () => {
    const timers = fakeTimers();
    const flushed: number[][] = [];
    const standIns = new StandIns<object>(0, (ids) => flushed.push(ids), timers.schedule);
    const newer = standIns.add(8, {});
    standIns.collected(8); // an older stand-in of 8 was collected
    timers.runAll();
    expect(flushed).to.deep.equal([]);
    expect(standIns.get(8)).to.equal(newer);
  });
});

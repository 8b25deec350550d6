// The atomics transport's spin-then-park policy, on a fake clock.
import { expect } from '@open-wc/testing';
import { MISSES_TO_BACK_OFF, PROBE_EVERY, Spinner } from './spin.js';

/** A clock that moves 1 µs each time it is read. */
function fakeClock(): () => number {
  let now = 0;
  return () => (now += 0.001);
}

/** `isDone` that turns true on its `n`th call (never, for Infinity), counting its calls. */
function doneAfter(n: number): { check: () => boolean; calls: number } {
  const probe = { calls: 0, check: () => ++probe.calls >= n };
  return probe;
}

describe('Spinner', () => {
  it('returns at once, without polling, when the answer is already there', () => {
    const spinner = new Spinner(0.05, fakeClock());
    const answer = doneAfter(1);
    expect(spinner.spin(answer.check)).to.equal(true);
    expect(answer.calls).to.equal(1);
  });

  it('catches an answer that comes within the budget', () => {
    const spinner = new Spinner(0.05, fakeClock());
    const answer = doneAfter(10);
    expect(spinner.spin(answer.check)).to.equal(true);
    expect(answer.calls).to.equal(10);
  });

  it('gives up once the budget is spent, so the caller sleeps', () => {
    const spinner = new Spinner(0.05, fakeClock());
    const never = doneAfter(Infinity);
    expect(spinner.spin(never.check)).to.equal(false);
    // The fake clock moves 1 µs a read: about 50 polls fit in 50 µs, and no more.
    expect(never.calls).to.be.within(20, 60);
  });

  it('stops polling after misses in a row, but for one probe every so often', () => {
    const spinner = new Spinner(0.05, fakeClock());
    for (let miss = 0; miss < MISSES_TO_BACK_OFF; miss++) spinner.spin(doneAfter(Infinity).check);
    expect(spinner.polling).to.equal(false);
    let polled = 0;
    for (let wait = 0; wait < PROBE_EVERY * 3; wait++) {
      const never = doneAfter(Infinity);
      spinner.spin(never.check);
      if (never.calls > 1) polled++;
    }
    expect(polled).to.equal(3);
  });

  it('polls again once a probe catches an answer', () => {
    const spinner = new Spinner(0.05, fakeClock());
    for (let miss = 0; miss < MISSES_TO_BACK_OFF; miss++) spinner.spin(doneAfter(Infinity).check);
    let caught = false;
    for (let wait = 0; wait < PROBE_EVERY && !caught; wait++) caught = spinner.spin(doneAfter(5).check);
    expect(caught).to.equal(true);
    expect(spinner.polling).to.equal(true);
  });

  it('keeps polling when only some spins miss', () => {
    const spinner = new Spinner(0.05, fakeClock());
    for (let round = 0; round < 20; round++) {
      for (let miss = 0; miss < MISSES_TO_BACK_OFF - 1; miss++) spinner.spin(doneAfter(Infinity).check);
      expect(spinner.spin(doneAfter(3).check)).to.equal(true);
    }
    expect(spinner.polling).to.equal(true);
  });
});

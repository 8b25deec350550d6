// The deadlock warning, on a fake timer.
import { expect } from '@open-wc/testing';
import { fakeTimers } from '../../test/fake-timers.js';
import { DEADLOCK_MS, DeadlockWatch } from './deadlock.js';

describe('DeadlockWatch', () => {
  it('warns when a call made while the worker is blocked still waits after DEADLOCK_MS', () => {
    const timers = fakeTimers();
    const warnings: string[] = [];
    const watch = new DeadlockWatch(timers.schedule, (message) => warnings.push(message));
    watch.block('sync.main_task');
    watch.watch('worker_task', () => true);
    expect(timers.delays()).to.deep.equal([DEADLOCK_MS]);
    timers.runAll();
    expect(warnings).to.deep.equal([
      '💀🔒 - Possible deadlock if proxy.worker_task(...args) is awaited: the worker is blocked waiting for sync.main_task(...) on the main thread, so it cannot run worker_task until that returns.',
    ]);
  });

  it('says nothing when the worker is not blocked, when the call was answered, or when the worker was unblocked meanwhile', () => {
    const timers = fakeTimers();
    const warnings: string[] = [];
    const watch = new DeadlockWatch(timers.schedule, (message) => warnings.push(message));
    watch.watch('free', () => true); // not blocked: no timer at all
    expect(timers.delays()).to.deep.equal([]);
    watch.block('input');
    watch.watch('answered', () => false);
    watch.watch('unblocked', () => true);
    watch.unblock();
    timers.runAll();
    expect(warnings).to.deep.equal([]);
    expect(watch.blockedOn).to.equal('');
  });
});

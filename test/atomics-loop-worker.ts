// A worker for src/sync/atomics.test.ts: on its first message (an atomics
// transport's init), it sends blocking requests back to back for the given
// time (or `pause` ms apart, or `count` times), with no Python in between, and posts how many it sent.
import { createAtomicsTransport } from '../src/sync/atomics.js';

addEventListener('message', (event: MessageEvent<{ init: unknown; ms: number; pause?: number; count?: number }>) => {
  const transport = createAtomicsTransport(event.data.init);
  const end = performance.now() + event.data.ms;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let calls = 0;
  const count = event.data.count ?? 0;
  while (count ? calls < count : performance.now() < end) {
    if (transport.request('ping') !== 'pong') throw new Error('wrong answer');
    calls++;
    if (event.data.pause) Atomics.wait(pause, 0, 0, event.data.pause); // a blocking sleep
  }
  postMessage(calls);
});

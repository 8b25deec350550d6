// Keeps one core busy while a row runs (the `-busy` rows): a child process
// spinning in a loop, as another tab or build would. Started and stopped by
// bench/run.mjs around the row; `node bench/busy.mjs` alone spins until killed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts the spinner; returns a function that stops it (by its pid, its own child). */
export function startBusy() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--spin'], { stdio: 'ignore' });
  return () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
}

if (process.argv.includes('--spin')) {
  let x = 0;
  for (;;) x = (x + 1) % 1e9;
}

// Runs every test in headless system Chromium with the real interpreters.
// Pages are cross-origin isolated, except test files whose name contains
// `noiso` (the SharedArrayBuffer-less path).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { isolation } from './scripts/headers.mjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { echoRequest, echoWebSocket, packageIndex, rawStatic } from './test/server.mjs';
import { summaryReporter } from './test/summary-reporter.mjs';
import { ariaSnapshotPlugin } from './test/aria-snapshot-plugin.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['src/**/*.test.{ts,html}', 'test/**/*.test.{ts,html}'],
  nodeResolve: true,
  concurrency: Number(process.env.TEST_CONCURRENCY ?? 2),
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), echoWebSocket(), ariaSnapshotPlugin()],
  middleware: [
    isolation({ skip: (ctx) => /noiso/.test(ctx.url) || /noiso/.test(ctx.get('referer')) }),
    rawStatic(['/dist/', '/test/fixtures/']),
    echoRequest(),
    packageIndex(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
          // A fake camera and microphone, granted without a prompt: pyscript.media is tested for real.
          '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
        ],
      },
    }),
  ],
};

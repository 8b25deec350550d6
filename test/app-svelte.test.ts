// The Svelte demo app (demo/frameworks/svelte), in Chromium: see apps.ts.
import { describeApp, type DemoApp } from './apps.js';

describeApp('svelte', () => import('/demo/frameworks/svelte/build/app.js' as string) as Promise<DemoApp>);

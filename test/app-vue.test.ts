// The Vue demo app (demo/frameworks/vue), in Chromium: see apps.ts.
import { describeApp, type DemoApp } from './apps.js';

describeApp('vue', () => import('/demo/frameworks/vue/build/app.js' as string) as Promise<DemoApp>);

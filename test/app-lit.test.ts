// The lit demo app (demo/frameworks/lit), in Chromium: see apps.ts.
import { describeApp, type DemoApp } from './apps.js';

describeApp('lit', () => import('/demo/frameworks/lit/build/app.js' as string) as Promise<DemoApp>);

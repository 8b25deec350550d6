// The React demo app (demo/frameworks/react), in Chromium: see apps.ts.
import { describeApp, type DemoApp } from './apps.js';

describeApp('react', () => import('/demo/frameworks/react/build/app.js' as string) as Promise<DemoApp>);

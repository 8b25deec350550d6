// Builds the framework demos (demo/frameworks/{react,vue,svelte,lit}) with
// esbuild from the official packages, each into its build/app.js. The apps
// load dist/core.js from their page, as any page does, and bundle only the
// framework and their own code.
import { build } from 'esbuild';
import sveltePlugin from 'esbuild-svelte';
import { join } from 'node:path';
import { vuePlugin } from './esbuild-vue.mjs';

/** Tags the elements define: frameworks must treat them as custom elements, not components. */
const isCustomElement = (tag) => /^(m?py-(script|config|editor))$/.test(tag);

const apps = {
  react: { entry: 'app.tsx', plugins: [] },
  // The same app's server rendering and hydration (test/app-react-ssr.test.ts), into build/ssr.js.
  'react/ssr': { entry: 'ssr.tsx', plugins: [] },
  vue: { entry: 'app.ts', plugins: [vuePlugin({ isCustomElement })] },
  svelte: { entry: 'app.ts', plugins: [sveltePlugin({ compilerOptions: { css: 'injected' } })] },
  lit: { entry: 'app.ts', plugins: [] },
};

/** Builds every demo app under `root`. */
export async function buildDemos(root) {
  await Promise.all(Object.entries(apps).map(([name, { entry, plugins }]) => {
    const [app, bundle = 'app'] = name.split('/');
    const dir = join(root, 'demo/frameworks', app);
    return build({
      entryPoints: [join(dir, entry)],
      outfile: join(dir, `build/${bundle}.js`),
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      sourcemap: 'linked',
      legalComments: 'none',
      jsx: 'automatic',
      conditions: ['svelte', 'browser'],
      plugins,
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      logLevel: 'warning',
    });
  }));
}

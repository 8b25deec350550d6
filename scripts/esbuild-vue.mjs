// A minimal esbuild plugin for Vue single-file components, driving Vue's own
// compiler (vue/compiler-sfc): `<script setup>` (TypeScript or not) and the
// template, compiled inline. The framework demo uses no <style> blocks, so
// styles are refused rather than silently dropped.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { compileScript, parse } from 'vue/compiler-sfc';

/**
 * @param {{ isCustomElement?: (tag: string) => boolean }} options tags Vue must leave to the browser
 * @returns {import('esbuild').Plugin}
 */
export function vuePlugin({ isCustomElement } = {}) {
  return {
    name: 'vue-sfc',
    setup(build) {
      build.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
        const { descriptor, errors } = parse(await readFile(path, 'utf8'), { filename: path });
        if (errors.length) return { errors: errors.map((error) => ({ text: String(error.message ?? error) })) };
        if (descriptor.styles.length) return { errors: [{ text: `${path}: <style> blocks are not supported by this plugin` }] };
        const id = createHash('sha256').update(path).digest('hex').slice(0, 8);
        const script = compileScript(descriptor, {
          id,
          inlineTemplate: true,
          isProd: true,
          templateOptions: { compilerOptions: { isCustomElement } },
        });
        return { contents: script.content, loader: script.lang === 'ts' ? 'ts' : 'js', resolveDir: dirname(path) };
      });
    },
  };
}

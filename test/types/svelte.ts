// A Svelte 5 consumer of pyscript-elements/svelte: what svelte-check reads
// from SvelteHTMLElements for <py-script …> in markup, checked with plain tsc.
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'pyscript-elements/svelte';

export const script: SvelteHTMLElements['py-script'] = {
  src: './main.py', target: 'out', async: true, config: '{}', class: 'cell',
  'onpy:done': (event) => console.log(event.detail.error?.message),
  'onpy:ready': (event) => event.detail.worker?.terminate(),
};
export const worker: SvelteHTMLElements['mpy-script'] = {
  worker: true, name: 'calc', 'service-worker': '/dist/service-worker.js',
  'onmpy:progress': (event) => console.log(event.detail.stage),
};
export const editor: SvelteHTMLElements['mpy-editor'] = { env: 'shared', setup: true, 'onmpy-editor:done': (event) => event.detail.error };
export const config: SvelteHTMLElements['mpy-config'] = { type: 'toml', src: './pyscript.toml' };

// @ts-expect-error worker is a boolean
export const wrongType: SvelteHTMLElements['py-script'] = { worker: 'yes' };
// @ts-expect-error env is an editor property, not a script's
export const wrongProp: SvelteHTMLElements['py-script'] = { env: 'a' };
// @ts-expect-error the detail of :done has no worker
export const wrongDetail: SvelteHTMLElements['py-script'] = { 'onpy:done': (event) => event.detail.worker };

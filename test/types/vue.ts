// A Vue 3 consumer of pyscript-elements/vue: what a template checker
// (vue-tsc, Volar) reads from GlobalComponents, checked with plain tsc.
import type { GlobalComponents } from 'vue';
import type { PyDoneEvent } from 'pyscript-elements';
import type {} from 'pyscript-elements/vue';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
type EmitOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$emit'];

export const script: PropsOf<'py-script'> = { src: './main.py', target: 'out', async: true, config: '{}', worker: false, class: 'cell', key: 1 };
export const worker: PropsOf<'mpy-script'> = { worker: true, name: 'calc', serviceWorker: '/dist/service-worker.js' };
export const editor: PropsOf<'mpy-editor'> = { env: 'shared', setup: true, code: 'x = 1', config: '{}' };
export const config: PropsOf<'py-config'> = { type: 'json', src: './pyscript.json' };

export function listen(emit: EmitOf<'mpy-script'>, editorEmit: EmitOf<'mpy-editor'>, done: PyDoneEvent): void {
  emit('mpy:done', done);
  editorEmit('mpy-editor:done', done);
  // @ts-expect-error mpy-script fires mpy:done, not py:done
  emit('py:done', done);
}

// @ts-expect-error worker is a boolean
export const wrongType: PropsOf<'py-script'> = { worker: 'yes' };
// @ts-expect-error env is an editor property, not a script's
export const wrongProp: PropsOf<'py-script'> = { env: 'a' };
// An element is still the element: its real properties are typed.
export const element = (el: InstanceType<GlobalComponents['py-script']>): Promise<void> => el.done;

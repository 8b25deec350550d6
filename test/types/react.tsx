// A React 19 consumer of pyscript-elements/react: the tags, their props and
// their events type-check in JSX; wrong ones do not.
import { useState } from 'react';
import type { PyDoneEvent } from 'pyscript-elements';
import type {} from 'pyscript-elements/react';

export function Cell({ config }: { config: string }) {
  const [error, setError] = useState<Error | undefined>();
  const onDone = (event: PyDoneEvent) => setError(event.detail.error);
  return (
    <>
      <py-config type="toml" src="./pyscript.toml" />
      <py-script src="./main.py" target="out" async config={config} onpy:done={onDone} onpy:ready={(event) => event.detail.worker?.postMessage('hi')} />
      <mpy-script worker name="calc" service-worker="/dist/service-worker.js" serviceWorker="/dist/service-worker.js"
        onmpy:progress={(event) => console.log(event.detail.loaded / event.detail.total)} className="cell" key="a">
        {'print(1)'}
      </mpy-script>
      <mpy-editor env="shared" setup target="out" code="x = 1" onmpy-editor:done={(event) => setError(event.detail.error)} onpy-editor:done={onDone} />
      <py-editor config={config}>{'print(2)'}</py-editor>
      <p>{error?.message}</p>
    </>
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error worker is a boolean */}
      <py-script worker="yes" />
      {/* @ts-expect-error no such property */}
      <mpy-script interpreter="pyodide" />
      {/* @ts-expect-error mpy-script fires mpy:done, not py:done */}
      <mpy-script onpy:done={() => undefined} />
      {/* @ts-expect-error env is a py-editor property, not a script's */}
      <py-script env="a" />
      {/* @ts-expect-error the detail of :done has no worker */}
      <py-script onpy:done={(event) => event.detail.worker} />
    </>
  );
}

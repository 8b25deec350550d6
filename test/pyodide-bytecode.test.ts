// The bundled Pyodide imports the `pyscript` package from the .pyc files the
// build made (scripts/pyodide-bytecode.mjs): no module of it is compiled in
// the page, and its sources are still there for tracebacks.
import { expect } from '@open-wc/testing';

await import(/* @vite-ignore */ '/dist/core.js' as string);

describe('Pyodide, the pyscript package as bytecode', function () {
  this.timeout(120_000);

  it('imports every module without compiling it, and keeps the sources', async () => {
    const script = document.createElement('py-script') as HTMLElement & { done: Promise<void> };
    script.textContent = [
      'import builtins, importlib, inspect, js, sys',
      'compiled = []',
      'plain = builtins.compile',
      'def counting(source, filename, *args, **kwargs):',
      '    compiled.append(str(filename))',
      '    return plain(source, filename, *args, **kwargs)',
      'builtins.compile = counting',
      'try:',
      '    import pyscript',
      '    for name in ["web", "events", "fs", "media", "storage", "websocket", "js_modules", "_imports", "_errors", "_terminal"]:',
      '        importlib.import_module("pyscript." + name)',
      '    import micropip',
      'finally:',
      '    builtins.compile = plain',
      'js.window.__compiled = ",".join(name for name in compiled if "site-packages" in name)',
      'js.window.__source = inspect.getsource(sys.modules["pyscript.display"].display).splitlines()[0]',
    ].join('\n');
    document.body.append(script);
    await script.done;
    expect(script.querySelector('.py-error')).to.equal(null);
    const result = window as unknown as { __compiled: string; __source: string };
    expect(result.__compiled).to.equal('');
    expect(result.__source).to.match(/^def display\(/);
  });
});

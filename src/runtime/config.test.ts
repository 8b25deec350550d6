import { expect } from '@open-wc/testing';
import { PyScriptError } from '../errors.js';
import { formatOfUrl, isConfigUrl, jsonErrorOffset, parseConfig } from './config.js';
import { archiveFormat, resolveFiles } from './files.js';
import { impureWheelError } from './packages.js';
import { resolvePath } from './files.js';
import { absoluteUrl } from './fetch-progress.js';

const codeOf = async (run: () => unknown): Promise<string> => {
  try {
    await run();
  } catch (error) {
    expect(error).to.be.instanceOf(PyScriptError);
    return `${(error as PyScriptError).code} ${(error as Error).message}`;
  }
  throw new Error('expected an error');
};

describe('parseConfig', () => {
  it('reads TOML by default', async () => {
    const { config, warnings } = await parseConfig('packages = ["a.whl"]\n[files]\n"./x.py" = "./y.py"\n[js_modules.main]\n"./d3.mjs" = "d3"\n');
    expect(config).to.deep.equal({ packages: ['a.whl'], files: { './x.py': './y.py' }, js_modules: { main: { './d3.mjs': 'd3' } } });
    expect(warnings).to.deep.equal([]);
  });

  it('reads JSON when the text is a JSON object', async () => {
    expect((await parseConfig('  {"packages": ["x"]}\n')).config).to.deep.equal({ packages: ['x'] });
  });

  it('reads JSON when the hint says so', async () => {
    expect((await parseConfig('{"debug": true}', 'json')).config).to.deep.equal({ debug: true });
  });

  it('reports invalid TOML as PY1000 with line and column', async () => {
    const message = await codeOf(() => parseConfig('a = 1\nb = [1,\n', '', '<py-config>'));
    expect(message).to.match(/^PY1000 \(PY1000\): Invalid TOML in <py-config>: line 3, column \d+/);
  });

  it('reports invalid JSON as PY1000 with line and column', async () => {
    const message = await codeOf(() => parseConfig('{"a": 1,\n "b": }'));
    expect(message).to.match(/^PY1000 \(PY1000\): Invalid JSON: line 2, column 7: /);
  });

  it('warns about unknown keys and names the likely key', async () => {
    const { warnings } = await parseConfig('package = ["numpy"]\nzzz = 1');
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('"package"').and.contain('did you mean "packages"');
    expect(warnings[1]).to.contain('"zzz"');
  });

  it('rejects values of the wrong type', async () => {
    expect(await codeOf(() => parseConfig('packages = "numpy"'))).to.match(/^PY1000 .*"packages" must be a list/);
    expect(await codeOf(() => parseConfig('[files]\n"a" = 1'))).to.match(/^PY1000 .*"files" must be a table/);
    expect(await codeOf(() => parseConfig('debug = "yes"'))).to.match(/^PY1000 .*"debug" must be true or false/);
  });

  it('takes index_urls as a URL or a list of them, and packages_cache as a string, without warnings', async () => {
    const { config, warnings } = await parseConfig('index_urls = ["./simple", "PYPI"]\npackages_cache = "never"');
    expect(config).to.deep.equal({ index_urls: ['./simple', 'PYPI'], packages_cache: 'never' });
    expect(warnings).to.deep.equal([]);
    expect((await parseConfig('index_urls = "./simple"')).config.index_urls).to.equal('./simple');
    expect(await codeOf(() => parseConfig('index_urls = [1]'))).to.match(/^PY1000 .*"index_urls" must be a URL or a list of URLs/);
    expect(await codeOf(() => parseConfig('packages_cache = false'))).to.match(/^PY1000 .*"packages_cache" must be a string/);
  });

  it('rejects an interpreter key that is not a URL', async () => {
    expect(await codeOf(() => parseConfig('interpreter = "http://[oops"'))).to.match(/^PY1000 .*"interpreter" is not a valid URL/);
  });

  it('keeps runtime keys as given', async () => {
    const { config } = await parseConfig('experimental_create_proxy = "auto"\ndebug = true\nsync_main_only = true\ninterpreter = "./mp/micropython.mjs"');
    expect(config).to.deep.equal({ experimental_create_proxy: 'auto', debug: true, sync_main_only: true, interpreter: './mp/micropython.mjs' });
  });
});

describe('config URLs', () => {
  it('tells URLs from inline config', async () => {
    expect(isConfigUrl('./config.toml')).to.be.true;
    expect(isConfigUrl('https://example.test/c.json?v=1')).to.be.true;
    expect(isConfigUrl('packages = ["a.whl"]')).to.be.false;
    expect(isConfigUrl('{"packages": []}')).to.be.false;
  });

  it('takes the format from the extension, and rejects others as PY1000', async () => {
    expect(formatOfUrl('./a.toml')).to.equal('toml');
    expect(formatOfUrl('./a.json?x')).to.equal('json');
    expect(await codeOf(() => formatOfUrl('./config.yaml'))).to.match(/^PY1000 .*Invalid config URL: \.\/config\.yaml/);
  });
});

describe('resolveFiles', () => {
  it('fills {NAME} templates in URLs and paths', async () => {
    const entries = resolveFiles({ '{DOMAIN}': './data', '{TO}': './out', '{DOMAIN}/x.csv': '{TO}/x.csv', '{DOMAIN}/y.csv': '' });
    expect(entries).to.deep.equal([
      { url: './data/x.csv', path: './out/x.csv' },
      { url: './data/y.csv', path: './y.csv' },
    ]);
  });

  it('appends the file name to a folder path', async () => {
    expect(resolveFiles({ 'https://h.test/a/b.py?v=2': './lib/' })).to.deep.equal([{ url: 'https://h.test/a/b.py?v=2', path: './lib/b.py' }]);
  });

  it('rejects an unknown template and duplicated destinations', async () => {
    expect(await codeOf(() => resolveFiles({ '{NOPE}/a.py': './a.py' }))).to.match(/^PY1000 .*\{NOPE\}/);
    expect(await codeOf(() => resolveFiles({ './a.py': './x.py', './b.py': './x.py' }))).to.match(/^PY1000 .*Two files entries write to \.\/x\.py/);
  });

  it('knows archive formats', async () => {
    expect(archiveFormat('./a.zip')).to.equal('zip');
    expect(archiveFormat('./a-1-py3-none-any.whl')).to.equal('zip');
    expect(archiveFormat('./a.tar.gz?x=1')).to.equal('tgz');
    expect(archiveFormat('./a.tgz')).to.equal('tgz');
    expect(archiveFormat('./a.py')).to.equal(undefined);
  });
});

describe('helpers', () => {
  it('finds where JSON stops being valid', async () => {
    expect(jsonErrorOffset('{"a": }')).to.equal(6);
    expect(jsonErrorOffset('{"a": 1,}')).to.equal(8);
    expect(jsonErrorOffset('[1, 2')).to.equal(5);
  });

  it('reports a malformed URL as PY1000', async () => {
    expect(await codeOf(() => absoluteUrl('http://[oops/a.py', 'http://localhost/'))).to.match(/^PY1000 \(PY1000\): Invalid URL: http:\/\/\[oops\/a\.py/);
  });

  it('resolves FS paths against the working directory', async () => {
    expect(resolvePath('/home/pyodide', './a/../b/c.py')).to.equal('/home/pyodide/b/c.py');
    expect(resolvePath('/', './x.py')).to.equal('/x.py');
    expect(resolvePath('/home', '/abs/y')).to.equal('/abs/y');
  });

  it('accepts pure and Pyodide wheels, and names a native one', async () => {
    expect(impureWheelError('a-1.0-py3-none-any.whl', 'u')).to.equal(undefined);
    expect(impureWheelError('a-1.0-py2.py3-none-any.whl', 'u')).to.equal(undefined);
    expect(impureWheelError('a-1.0-cp314-cp314-pyodide_2026_0_wasm32.whl', 'u')).to.equal(undefined);
    const error = impureWheelError('fancy-1.0-cp314-cp314-manylinux_2_17_x86_64.whl', 'u');
    expect(error?.code).to.equal('PY0404');
    expect(error?.message).to.contain("Can't find a pure Python 3 wheel for: 'fancy'");
  });
});

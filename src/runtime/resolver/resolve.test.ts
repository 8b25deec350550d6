import { expect } from '@open-wc/testing';
import { environmentOfLock, platformOfLock, type LockPackage } from './environment.js';
import { parseIndexPage, projectUrl, UnsupportedIndexPage } from './index-page.js';
import { IndexFetchError, resolve, ResolveError, type ResolveOptions, type ResolverHost } from './resolve.js';

const info = { python: '3.14.0', platform: 'emscripten_5_0_3', abi_version: '2026_0' };
const INDEX = 'https://index.test/simple';

describe('index pages', () => {
  it('builds the page URL from {package_name} or <url>/<name>/', () => {
    expect(projectUrl('https://x.test/pypi/{package_name}/json', 'foo-bar')).to.equal('https://x.test/pypi/foo-bar/json');
    expect(projectUrl('https://x.test/simple/', 'foo')).to.equal('https://x.test/simple/foo/');
    expect(projectUrl('PYPI', 'foo')).to.equal('https://pypi.org/simple/foo/');
    expect(projectUrl('./index/{package_name}.json', 'foo', 'https://page.test/app/')).to.equal('https://page.test/app/index/foo.json');
  });

  it('reads PyPI JSON: versions from releases, relative URLs against the page, sdists and bad versions skipped', () => {
    const body = JSON.stringify({
      info: { name: 'Alpha' },
      releases: {
        '1.0': [{ filename: 'alpha-1.0-py3-none-any.whl', url: '../../files/alpha-1.0-py3-none-any.whl', digests: { sha256: 'aa' }, yanked: false }],
        '2.0': [{ filename: 'alpha-2.0.tar.gz', url: 'x', digests: {} }, { filename: 'alpha-2.0-py3-none-any.whl', url: 'https://cdn.test/a.whl', digests: { sha256: 'bb' }, requires_python: '>=3.9', yanked: true, yanked_reason: 'bad' }],
        'not a version': [{ filename: 'alpha-x-py3-none-any.whl', url: 'y' }],
      },
    });
    expect(parseIndexPage(body, 'application/json; charset=utf-8', 'https://x.test/repo/pypi/alpha/json', 'alpha')).to.deep.equal({
      name: 'Alpha',
      files: [
        { filename: 'alpha-1.0-py3-none-any.whl', url: 'https://x.test/repo/files/alpha-1.0-py3-none-any.whl', version: '1.0', sha256: 'aa', requiresPython: undefined, yanked: false },
        { filename: 'alpha-2.0-py3-none-any.whl', url: 'https://cdn.test/a.whl', version: '2.0', sha256: 'bb', requiresPython: '>=3.9', yanked: 'bad' },
      ],
    });
  });

  it('reads PEP 691 JSON, versions from the file names', () => {
    const body = JSON.stringify({ name: 'beta', files: [
      { filename: 'beta-1.3-py3-none-any.whl', url: 'beta-1.3-py3-none-any.whl', hashes: { sha256: 'cc' }, yanked: true },
      { filename: 'beta-1.3.tar.gz', url: 'beta-1.3.tar.gz', hashes: {} },
    ] });
    expect(parseIndexPage(body, 'application/vnd.pypi.simple.v1+json', 'https://x.test/simple/beta/', 'beta').files).to.deep.equal([
      { filename: 'beta-1.3-py3-none-any.whl', url: 'https://x.test/simple/beta/beta-1.3-py3-none-any.whl', version: '1.3', sha256: 'cc', requiresPython: undefined, yanked: '' },
    ]);
  });

  it('reads PEP 503 HTML: hash from the fragment, entities decoded, data-yanked', () => {
    const html = `<!DOCTYPE html><html><body>
      <a href="../../files/gamma-1.0-py3-none-any.whl#sha256=${'d'.repeat(64)}" data-requires-python="&gt;=3.8">gamma-1.0-py3-none-any.whl</a><br/>
      <a data-yanked="" href='gamma-0.9-py3-none-any.whl'>gamma-0.9-py3-none-any.whl</a>
      <a href="gamma-0.9.zip">gamma-0.9.zip</a>
    </body></html>`;
    expect(parseIndexPage(html, 'text/html', 'https://x.test/simple/gamma/', 'gamma').files).to.deep.equal([
      { filename: 'gamma-1.0-py3-none-any.whl', url: 'https://x.test/files/gamma-1.0-py3-none-any.whl', version: '1.0', sha256: 'd'.repeat(64), requiresPython: '>=3.8', yanked: false },
      { filename: 'gamma-0.9-py3-none-any.whl', url: 'https://x.test/simple/gamma/gamma-0.9-py3-none-any.whl', version: '0.9', sha256: undefined, requiresPython: undefined, yanked: '' },
    ]);
  });

  it('refuses an answer that is no index format, naming its Content-Type', () => {
    expect(() => parseIndexPage('{}', 'text/plain', 'https://x.test/a/', 'a')).to.throw(UnsupportedIndexPage, /Content-Type "text\/plain"/);
    expect(() => parseIndexPage('{', 'application/json', 'https://x.test/a/', 'a')).to.throw(UnsupportedIndexPage, /not a valid application\/json index page/);
  });
});

/** A project in the fake index: version → METADATA Requires-Dist lines (and options). */
type FakeProject = Record<string, { requires?: string[]; tag?: string; yanked?: boolean; requiresPython?: string }>;

function fakeHost(projects: Record<string, FakeProject>, unreachable = new Set<string>()) {
  const asked: string[] = [];
  const downloaded: string[] = [];
  const warnings: string[] = [];
  const host: ResolverHost = {
    async fetchIndexPage(url) {
      asked.push(url);
      if (unreachable.has(url)) throw new IndexFetchError('unreachable: Failed to fetch');
      const name = /\/simple\/([^/]+)\/$/.exec(url)?.[1] ?? '';
      const project = projects[name];
      if (!project) throw new IndexFetchError('HTTP 404 Not Found');
      const files = Object.entries(project).map(([version, p]) => ({
        filename: `${name.replace(/-/g, '_')}-${version}-${p.tag ?? 'py3-none-any'}.whl`,
        url: `../../files/${name}-${version}.whl`,
        hashes: { sha256: `${name}-${version}` },
        yanked: p.yanked,
        'requires-python': p.requiresPython,
      }));
      return { body: JSON.stringify({ name, files }), contentType: 'application/vnd.pypi.simple.v1+json', url };
    },
    async loadWheel(wheel) {
      downloaded.push(wheel.filename);
      const [, name, version] = /^(.+?)-([^-]+)-/.exec(wheel.filename)!;
      const project = projects[name.replace(/_/g, '-')]?.[version];
      const requires = (project?.requires ?? []).map((line) => `Requires-Dist: ${line}`);
      return { bytes: new Uint8Array(), sha256: wheel.sha256 ?? 'computed', metadata: [`Name: ${name}`, `Version: ${version}`, 'Provides-Extra: fast', ...requires, ''].join('\n') };
    },
    warn: (message) => warnings.push(message),
  };
  return { host, asked, downloaded, warnings };
}

const options = (more: Partial<ResolveOptions> = {}): ResolveOptions => ({
  indexUrls: [INDEX],
  base: 'https://page.test/',
  environment: { ...environmentOfLock(info), python_full_version: '3.14.2' },
  platform: platformOfLock(info),
  ...more,
});

const lockEntry = (name: string, version: string): LockPackage => ({ name, version, file_name: `${name}.whl`, sha256: 'ff', depends: [] });

const projects: Record<string, FakeProject> = {
  alpha: {
    '1.0': { requires: ['beta>=1.0'] },
    '2.0': { requires: ['beta>=1.1', 'gamma; extra == "fast"', 'delta; python_version < "3"', 'epsilon; sys_platform == "emscripten"'] },
    '3.0b1': {},
  },
  beta: { '1.0': {}, '1.2': {}, '1.3': { yanked: true } },
  gamma: { '1.0': {} },
  epsilon: { '0.5': {} },
  native: { '1.0': { tag: 'cp314-cp314-manylinux_2_17_x86_64' } },
  future: { '2.0': { requiresPython: '>=3.15' }, '1.0': {} },
  onlyyanked: { '1.0': { yanked: true } },
  pre: { '1.0b1': {} },
  cycle: { '1.0': { requires: ['cycle-b'] } },
  'cycle-b': { '1.0': { requires: ['cycle'] } },
  wantsnew: { '1.0': { requires: ['beta>=1.2.1'] } },
};

const installed = (plan: Awaited<ReturnType<typeof resolve>>) => plan.wheels.map((wheel) => `${wheel.name}==${wheel.version}`).sort();

describe('resolve', () => {
  it('picks the newest final version and follows Requires-Dist, markers evaluated, no extras unasked', async () => {
    const { host } = fakeHost(projects);
    const plan = await resolve(['alpha'], options(), host);
    expect(installed(plan)).to.deep.equal(['alpha==2.0', 'beta==1.2', 'epsilon==0.5']);
    expect(plan.wheels.find((wheel) => wheel.key === 'alpha')).to.include({
      url: 'https://index.test/files/alpha-2.0.whl', sha256: 'alpha-2.0', source: 'pypi',
    });
    expect(plan.wheels.find((wheel) => wheel.key === 'alpha')!.requires).to.deep.equal(['beta', 'epsilon']);
  });

  it('follows an extra only when asked for it', async () => {
    const { host } = fakeHost(projects);
    expect(installed(await resolve(['alpha[fast]'], options(), host))).to.deep.equal(['alpha==2.0', 'beta==1.2', 'epsilon==0.5', 'gamma==1.0']);
  });

  it('adds the dependencies of an extra asked for by a later requirement', async () => {
    const { host } = fakeHost(projects);
    expect(installed(await resolve(['alpha', 'alpha[fast]'], options(), host))).to.contain('gamma==1.0');
  });

  it('honours version specifiers, pre-releases only when asked or when nothing else matches', async () => {
    const { host } = fakeHost(projects);
    expect(installed(await resolve(['alpha==1.*'], options(), host))).to.deep.equal(['alpha==1.0', 'beta==1.2']);
    expect(installed(await resolve(['alpha>=2.5'], options(), host))).to.deep.equal(['alpha==3.0b1']);
    expect(installed(await resolve(['alpha'], options({ pre: true }), host))).to.deep.equal(['alpha==3.0b1']);
    expect(installed(await resolve(['pre'], options(), host))).to.deep.equal(['pre==1.0b1']);
  });

  it('skips yanked versions unless nothing else matches, and says so', async () => {
    const { host, warnings } = fakeHost(projects);
    expect(installed(await resolve(['beta'], options(), host))).to.deep.equal(['beta==1.2']);
    expect(installed(await resolve(['onlyyanked'], options(), host))).to.deep.equal(['onlyyanked==1.0']);
    expect(warnings.join('\n')).to.match(/onlyyanked 1.0 is yanked/);
  });

  it('skips wheels whose Requires-Python the interpreter does not meet', async () => {
    const { host } = fakeHost(projects);
    expect(installed(await resolve(['future'], options(), host))).to.deep.equal(['future==1.0']);
  });

  it("fails with the FAQ message for a project that has no wheel for Pyodide, naming the index page", async () => {
    const { host } = fakeHost(projects);
    const error = await resolve(['native'], options(), host).catch((e: Error) => e);
    expect(error).to.be.instanceOf(ResolveError);
    expect((error as Error).message).to.match(/^Can't find a pure Python 3 wheel for: 'native' in https:\/\/index\.test\/simple\/native\/: its wheels for 1\.0 are built for other platforms/);
  });

  it('fails for a version that matches nothing, listing the versions there', async () => {
    const { host } = fakeHost(projects);
    const error = await resolve(['alpha>=9'], options(), host).catch((e: Error) => e);
    expect((error as Error).message).to.contain("no version matches '>=9' (there: 3.0b1, 2.0, 1.0)");
  });

  it('fails for a name no index has, naming every index tried and why', async () => {
    const { host, asked } = fakeHost(projects, new Set(['https://down.test/nope/']));
    const error = await resolve(['nope'], options({ indexUrls: ['https://down.test', INDEX] }), host).catch((e: Error) => e);
    expect(asked).to.deep.equal(['https://down.test/nope/', 'https://index.test/simple/nope/']);
    expect((error as Error).message).to.equal(
      "Can't fetch metadata for 'nope' from https://down.test/nope/ (unreachable: Failed to fetch), https://index.test/simple/nope/ (HTTP 404 Not Found). " +
        'Check the package name and the "index_urls" config key.');
  });

  it('with keep_going, resolves what it can and reports each failure once', async () => {
    const { host } = fakeHost(projects);
    const plan = await resolve(['alpha', 'nope', 'native', 'x >>1'], options({ keepGoing: true }), host);
    expect(installed(plan)).to.deep.equal(['alpha==2.0', 'beta==1.2', 'epsilon==0.5']);
    expect(plan.failures.map((failure) => failure.requirement)).to.deep.equal(['x >>1', 'nope', 'native']);
  });

  it('tries a name again when a later requirement asks for it on other terms', async () => {
    const { host } = fakeHost(projects);
    const plan = await resolve(['epsilon>=9', 'alpha'], options({ keepGoing: true }), host);
    expect(installed(plan)).to.deep.equal(['alpha==2.0', 'beta==1.2', 'epsilon==0.5']);
    expect(plan.failures.map((failure) => failure.requirement)).to.deep.equal(['epsilon>=9']);
  });

  it('takes names from the lock file first when the index is PyPI, from the index first otherwise', async () => {
    const { host, asked } = fakeHost(projects);
    const lock = { beta: lockEntry('beta', '1.1'), lonely: lockEntry('lonely', '3.0') };
    const fromLock = await resolve(['alpha'], options({ indexUrls: ['https://pypi.org/simple'], lock }), { ...host, fetchIndexPage: (url, accept) => host.fetchIndexPage(url.replace('https://pypi.org/simple', INDEX), accept) });
    expect(fromLock.lock).to.deep.equal([{ key: 'beta', name: 'beta', version: '1.1' }]);
    expect(installed(fromLock)).to.deep.equal(['alpha==2.0', 'epsilon==0.5']);
    asked.length = 0;
    const fromIndex = await resolve(['alpha', 'lonely'], options({ lock }), host);
    expect(installed(fromIndex)).to.deep.equal(['alpha==2.0', 'beta==1.2', 'epsilon==0.5']);
    expect(fromIndex.lock.map((pkg) => pkg.name)).to.deep.equal(['lonely']);
    expect(asked).to.contain('https://index.test/simple/lonely/');
  });

  it('skips what is installed and meets the requirement; refuses another version unless reinstall', async () => {
    const { host, downloaded } = fakeHost(projects);
    const plan = await resolve(['alpha'], options({ installed: { beta: '1.5' } }), host);
    expect(installed(plan)).to.deep.equal(['alpha==2.0', 'epsilon==0.5']);
    expect(downloaded).to.not.contain('beta-1.2-py3-none-any.whl');
    const error = await resolve(['beta<1.1'], options({ installed: { beta: '1.5' } }), host).catch((e: Error) => e);
    expect((error as Error).message).to.match(/^Requested 'beta<1\.1', but beta==1\.5 is already installed/);
    const again = await resolve(['beta<1.1'], options({ installed: { beta: '1.5' }, reinstall: true }), host);
    expect(installed(again)).to.deep.equal(['beta==1.0']);
    expect(again.replaces).to.deep.equal(['beta']);
  });

  it('skips a wheel URL whose package is installed, as micropip does', async () => {
    const { host, downloaded } = fakeHost(projects);
    const plan = await resolve(['https://x.test/beta-1.0-py3-none-any.whl'], options({ installed: { beta: '1.2' } }), host);
    expect(plan.wheels).to.deep.equal([]);
    expect(downloaded).to.deep.equal([]);
  });

  it('reports a second requirement that the chosen version does not meet', async () => {
    const { host } = fakeHost(projects);
    const error = await resolve(['beta==1.0', 'wantsnew'], options(), host).catch((e: Error) => e);
    expect((error as Error).message).to.equal("Requested 'beta>=1.2.1', but beta==1.0 is already being installed.");
  });

  it('downloads each wheel once, also in a dependency cycle', async () => {
    const { host, downloaded } = fakeHost(projects);
    expect(installed(await resolve(['cycle', 'cycle'], options(), host))).to.deep.equal(['cycle==1.0', 'cycle_b==1.0']);
    expect(downloaded).to.deep.equal(['cycle-1.0-py3-none-any.whl', 'cycle_b-1.0-py3-none-any.whl']);
  });

  it('with deps=False, follows no Requires-Dist', async () => {
    const { host } = fakeHost(projects);
    expect(installed(await resolve(['alpha'], options({ deps: false }), host))).to.deep.equal(['alpha==2.0']);
  });

  it('narrows versions with constraints, only for names that are needed', async () => {
    const { host } = fakeHost(projects);
    expect(installed(await resolve(['alpha==1.0'], options({ constraints: ['beta<1.2', 'gamma==1.0'] }), host))).to.deep.equal(['alpha==1.0', 'beta==1.0']);
  });

  it('installs a wheel URL (relative to the page) and follows its dependencies', async () => {
    const { host } = fakeHost({ ...projects, local: { '0.1': { requires: ['beta'] } } });
    const plan = await resolve(['./wheels/local-0.1-py3-none-any.whl'], options(), host);
    expect(installed(plan)).to.deep.equal(['beta==1.2', 'local==0.1']);
    expect(plan.wheels.find((wheel) => wheel.key === 'local')).to.include({ url: 'https://page.test/wheels/local-0.1-py3-none-any.whl', source: 'https://page.test/wheels/local-0.1-py3-none-any.whl' });
  });

  it("refuses a wheel URL built for another platform with the FAQ's message", async () => {
    const { host } = fakeHost(projects);
    const error = await resolve(['https://x.test/fancy-0.1-cp314-cp314-manylinux_2_17_x86_64.whl'], options(), host).catch((e: Error) => e);
    expect((error as Error).message).to.match(/^Can't find a pure Python 3 wheel for: 'fancy' \(https:\/\/x\.test\/fancy-0\.1-cp314-cp314-manylinux_2_17_x86_64\.whl is built for cp314-cp314-manylinux_2_17_x86_64\)/);
  });

  it('records every marker it evaluated, so a plan can be checked against the running interpreter', async () => {
    const { host } = fakeHost(projects);
    const plan = await resolve(['alpha; python_version > "3"'], options(), host);
    expect(plan.evaluations.map((evaluation) => evaluation.result)).to.deep.equal([true, false, false, true]);
  });
});

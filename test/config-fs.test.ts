// The FAQ "File System" examples on MicroPython: write/read a binary file
// fetched with pyscript.fetch, upload through <input type="file">, and
// download from the virtual file system through a temporary link.
import { expect } from '@open-wc/testing';
import type { MPyScriptElement } from '../src/elements/mpy-script.js';
import '/dist/core.js';

const w = window as unknown as { __fs: Record<string, unknown>; __clicked?: { href: string; download: string } };
w.__fs = {};

async function run(code: string): Promise<MPyScriptElement> {
  const script = document.createElement('script');
  script.type = 'mpy';
  script.textContent = code;
  document.body.append(script);
  await new Promise((resolve) => setTimeout(resolve));
  const host = script.nextElementSibling as MPyScriptElement;
  await host.done;
  expect(host.querySelector('.py-error')?.textContent ?? '').to.equal('');
  return host;
}

describe('FAQ "File System" on MicroPython', function () {
  this.timeout(60_000);

  it('writes a fetched binary file and reads it back ("Writing a binary file")', async () => {
    await run(`
from pyscript import fetch, window
import js

href = window.location.href

with open("./page.html", "wb") as dest:
    dest.write(await fetch(href).bytearray())

with open("./page.html", "r") as source:
    js.window.__fs.page = source.read()
`);
    expect(w.__fs.page).to.be.a('string').and.contain('<html');
  });

  it('stores an uploaded file on the virtual file system ("Upload")', async () => {
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    await run(`
from pyscript import document, fetch, window
import js

async def on_change(event):
    for file in input.files:
        tmp = window.URL.createObjectURL(file)
        with open(f"./{file.name}", "wb") as dest:
            dest.write(await fetch(tmp).bytearray())
        window.URL.revokeObjectURL(tmp)
    with open("./upload.txt") as f:
        js.window.__fs.upload = f.read()

input = document.querySelector("input[type=file]")
input.onchange = on_change
`);
    const transfer = new DataTransfer();
    transfer.items.add(new File(['uploaded bytes'], 'upload.txt', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    const start = Date.now();
    while (!w.__fs.upload && Date.now() - start < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.__fs.upload).to.equal('uploaded bytes');
  });

  it('downloads a file from the virtual file system through a temporary link ("Download")', async () => {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__clicked = { href: this.href, download: this.getAttribute('download') ?? '' };
    };
    try {
      await run(`
from pyscript import document, ffi, window
import os

with open("./report.csv", "w") as f:
    f.write("a,b\\n1,2\\n")

def download_file(path, mime_type):
    name = os.path.basename(path) if hasattr(os, "path") else path.split("/")[-1]
    with open(path, "rb") as source:
        data = source.read()

        buffer = window.Uint8Array.new(len(data))
        for pos, b in enumerate(data):
            buffer[pos] = b
        details = ffi.to_js({"type": mime_type})

        file = window.File.new([buffer], name, details)
        tmp = window.URL.createObjectURL(file)
        dest = document.createElement("a")
        dest.setAttribute("download", name)
        dest.setAttribute("href", tmp)
        dest.click()

download_file("./report.csv", "text/csv")
`);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(w.__clicked?.download).to.equal('report.csv');
    const text = await (await fetch(w.__clicked!.href)).text();
    expect(text).to.equal('a,b\n1,2\n');
  });
});

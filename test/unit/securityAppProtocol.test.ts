import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appResponseHeaders, resolveAppRequest } from '../../electron/security/appProtocol.js';

describe('app:// protocol', () => {
  let workDir: string;
  let rendererDir: string;

  before(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'inkwell-app-protocol-'));
    rendererDir = path.join(workDir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(workDir, 'secret.txt'), 'secret');
    symlinkSync(path.join(workDir, 'secret.txt'), path.join(rendererDir, 'link-out.txt'));
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('serves files inside the renderer folder', async () => {
    assert.deepEqual(await resolveAppRequest('app://inkwell/', rendererDir), {
      status: 200,
      file: path.join(rendererDir, 'index.html'),
    });
    assert.deepEqual(await resolveAppRequest('app://inkwell/assets/app.js?v=1', rendererDir), {
      status: 200,
      file: path.join(rendererDir, 'assets', 'app.js'),
    });
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const url of [
      'app://inkwell/%2e%2e/secret.txt',
      'app://inkwell/assets/%2E%2E/%2E%2E/secret.txt',
      'app://inkwell/..%2fsecret.txt',
      'app://inkwell/..%5csecret.txt',
      'app://inkwell/%2fetc%2fpasswd',
      'app://inkwell/C:%5cWindows%5cwin.ini',
      'app://inkwell/index.html%00.js',
      'app://inkwell/%E0%A4%A',
    ]) {
      const resolution = await resolveAppRequest(url, rendererDir);
      assert.notEqual(resolution.status, 200, url);
    }
  });

  it('answers 404 for a link that leads outside, and for dot segments the URL parser removed', async () => {
    assert.deepEqual(await resolveAppRequest('app://inkwell/link-out.txt', rendererDir), {
      status: 404,
    });
    // new URL() folds literal ../ away, so this names renderer/secret.txt, which does not exist.
    assert.deepEqual(await resolveAppRequest('app://inkwell/../secret.txt', rendererDir), {
      status: 404,
    });
  });

  it('serves only the inkwell host of the app scheme', async () => {
    for (const url of [
      'app://evil/index.html',
      'file:///index.html',
      'https://inkwell/index.html',
    ]) {
      assert.deepEqual(await resolveAppRequest(url, rendererDir), { status: 403 }, url);
    }
  });

  it('sends a strict Content-Security-Policy header', () => {
    const policy = appResponseHeaders()['Content-Security-Policy'] ?? '';
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    assert.equal(directives.get('default-src'), "'self'");
    assert.equal(directives.get('script-src'), "'self'");
    assert.equal(directives.get('connect-src'), "'self'");
    assert.equal(directives.get('object-src'), "'none'");
    assert.equal(directives.get('base-uri'), "'none'");
    assert.equal(directives.get('frame-ancestors'), "'none'");
    assert.doesNotMatch(policy, /unsafe-eval|https?:|\*/);
    assert.doesNotMatch(directives.get('script-src') ?? '', /unsafe-inline/);
  });
});

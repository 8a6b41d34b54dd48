import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  externalUrlFor,
  isAppUrl,
  mayGrantPermission,
  mayNavigate,
} from '../../electron/security/navigationPolicy.js';

describe('navigation policy', () => {
  it('lets the window navigate only inside app://inkwell', () => {
    assert.equal(mayNavigate('app://inkwell/index.html'), true);
    assert.equal(mayNavigate('app://inkwell/index.html#doc-1'), true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://inkwell.evil.com/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ]) {
      assert.equal(mayNavigate(url), false, url);
      assert.equal(isAppUrl(url), false, url);
    }
  });

  it('opens only plain web links in the system browser, and never a new window', () => {
    assert.equal(externalUrlFor('https://example.com/a?b=c'), 'https://example.com/a?b=c');
    assert.equal(externalUrlFor('http://example.com/'), 'http://example.com/');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://inkwell/index.html',
      'https://user:secret@example.com/',
      'not a url',
    ]) {
      assert.equal(externalUrlFor(url), null, url);
    }
  });

  it('refuses every permission request but writing text to the clipboard', () => {
    assert.equal(mayGrantPermission('clipboard-sanitized-write'), true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      assert.equal(mayGrantPermission(permission), false, permission);
    }
  });
});

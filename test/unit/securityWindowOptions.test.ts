import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainWindowOptions } from '../../electron/security/windowOptions.js';

describe('main window options', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/dist/preload/preload.cjs',
    bounds: { x: 10, y: 20, width: 1000, height: 700 },
  });
  const web = options.webPreferences ?? {};

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    assert.equal(web.contextIsolation, true);
    assert.equal(web.sandbox, true);
    assert.equal(web.nodeIntegration, false);
    assert.equal(web.nodeIntegrationInWorker, false);
    assert.equal(web.nodeIntegrationInSubFrames, false);
  });

  it('keeps web security on and everything risky off', () => {
    assert.equal(web.webSecurity, true);
    assert.equal(web.allowRunningInsecureContent, false);
    assert.equal(web.experimentalFeatures, false);
    assert.equal(web.webviewTag, false);
    assert.equal(web.navigateOnDragDrop, false);
    assert.equal(web.enableBlinkFeatures, undefined);
    assert.equal(web.disableBlinkFeatures, 'Auxclick');
  });

  it('loads only our bundled preload', () => {
    assert.equal(web.preload, '/app/dist/preload/preload.cjs');
  });

  it('opens hidden at the remembered bounds', () => {
    assert.equal(options.show, false);
    assert.deepEqual(
      { x: options.x, y: options.y, width: options.width, height: options.height },
      { x: 10, y: 20, width: 1000, height: 700 },
    );
  });
});

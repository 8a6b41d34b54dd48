import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrustedSender, type SenderFrame } from '../../electron/security/trustedSender.js';

interface MutableFrame {
  url: string;
  top: MutableFrame | null;
  parent: MutableFrame | null;
}

function mainFrame(url: string): SenderFrame {
  const frame: MutableFrame = { url, top: null, parent: null };
  frame.top = frame;
  return frame;
}

function subFrame(parent: SenderFrame, url: string): SenderFrame {
  return { url, top: parent.top, parent };
}

describe('isTrustedSender', () => {
  const ours = mainFrame('app://inkwell/index.html');
  const windows = [ours];

  it("trusts our window's main frame at our origin", () => {
    assert.equal(isTrustedSender(ours, windows), true);
  });

  it('refuses a missing frame (the sender went away)', () => {
    assert.equal(isTrustedSender(null, windows), false);
    assert.equal(isTrustedSender(undefined, windows), false);
  });

  it('refuses a subframe, even one at our origin', () => {
    assert.equal(isTrustedSender(subFrame(ours, 'app://inkwell/index.html'), windows), false);
    assert.equal(isTrustedSender(subFrame(ours, 'https://example.com/'), windows), false);
  });

  it('refuses our window once it shows another origin', () => {
    const navigatedAway = mainFrame('https://example.com/');
    assert.equal(isTrustedSender(navigatedAway, [navigatedAway]), false);
    const fileFrame = mainFrame('file:///tmp/index.html');
    assert.equal(isTrustedSender(fileFrame, [fileFrame]), false);
  });

  it('refuses a main frame at our origin that is not one of our windows', () => {
    const stranger = mainFrame('app://inkwell/index.html');
    assert.equal(isTrustedSender(stranger, windows), false);
    assert.equal(isTrustedSender(ours, []), false);
  });
});

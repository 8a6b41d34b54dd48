import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  channelNames,
  contract,
  eventNames,
  events,
  isChannel,
  isEventName,
} from '../../shared/contract.js';
import { MAX_TITLE_CHARS } from '../../shared/schemas/documents.js';

const goodId = 'doc_0123456789';

function accepts(channel: keyof typeof contract, payload: unknown): boolean {
  return contract[channel].request.safeParse(payload).success;
}

describe('the contract', () => {
  it('gives every channel a request schema and a response schema', () => {
    assert.ok(channelNames.length > 0);
    for (const name of channelNames) {
      const entry = contract[name];
      assert.ok(entry.request instanceof z.ZodType, `${name} has a request schema`);
      assert.ok(entry.response instanceof z.ZodType, `${name} has a response schema`);
    }
  });

  it('gives every event a payload schema', () => {
    for (const name of eventNames) assert.ok(events[name] instanceof z.ZodType, name);
  });

  it('recognises only its own channel and event names, not inherited object keys', () => {
    assert.equal(isChannel('documents.get'), true);
    assert.equal(isChannel('documents.nope'), false);
    assert.equal(isChannel('toString'), false);
    assert.equal(isChannel('__proto__'), false);
    assert.equal(isChannel(42), false);
    assert.equal(isEventName('documents.changed'), true);
    assert.equal(isEventName('constructor'), false);
  });

  it('refuses extra keys on every request', () => {
    for (const name of channelNames) {
      assert.equal(accepts(name, { unexpectedKey: true }), false, `${name} refuses extra keys`);
    }
  });
});

describe('document requests', () => {
  it('accept a well-formed document id and refuse ids that are not ids', () => {
    assert.equal(accepts('documents.get', { id: goodId }), true);
    for (const id of ['', 'short', '../../etc/passwd', 'a'.repeat(65), 'with space1', 42, null]) {
      assert.equal(accepts('documents.get', { id }), false, `refuses ${JSON.stringify(id)}`);
    }
  });

  it('refuse a request with no id at all', () => {
    assert.equal(accepts('documents.get', {}), false);
    assert.equal(accepts('documents.delete', {}), false);
    assert.equal(accepts('documents.restore', {}), false);
  });

  it('accept a title up to the limit and refuse one longer', () => {
    assert.equal(
      accepts('documents.rename', { id: goodId, title: 'A'.repeat(MAX_TITLE_CHARS) }),
      true,
    );
    assert.equal(
      accepts('documents.rename', { id: goodId, title: 'A'.repeat(MAX_TITLE_CHARS + 1) }),
      false,
    );
    assert.equal(accepts('documents.rename', { id: goodId, title: 7 }), false);
  });

  it('create a document from nothing, or from a title and content', () => {
    assert.equal(accepts('documents.create', {}), true);
    assert.equal(
      accepts('documents.create', { title: 'Chapter one', content: '{}', text: '' }),
      true,
    );
    assert.equal(accepts('documents.create', { title: null }), false);
  });

  it('save needs content and text as strings and a non-negative whole base version', () => {
    const save = { id: goodId, content: '{"root":{}}', text: 'Once upon a time' };
    assert.equal(accepts('documents.save', save), false, 'a save names the version it builds on');
    assert.equal(accepts('documents.save', { ...save, baseVersion: 3 }), true);
    assert.equal(accepts('documents.save', { ...save, baseVersion: -1 }), false);
    assert.equal(accepts('documents.save', { ...save, baseVersion: 1.5 }), false);
    assert.equal(accepts('documents.save', { id: goodId, content: '{}' }), false);
    assert.equal(accepts('documents.save', { ...save, content: { root: {} } }), false);
  });

  it('search takes a bounded query and a limit from 1 to 200', () => {
    assert.equal(accepts('documents.search', { query: 'lighthouse' }), true);
    assert.equal(accepts('documents.search', { query: 'lighthouse', limit: 200 }), true);
    assert.equal(accepts('documents.search', { query: 'lighthouse', limit: 0 }), false);
    assert.equal(accepts('documents.search', { query: 'lighthouse', limit: 201 }), false);
    assert.equal(accepts('documents.search', { query: 'x'.repeat(501) }), false);
  });

  it('list takes an optional includeDeleted flag only', () => {
    assert.equal(accepts('documents.list', {}), true);
    assert.equal(accepts('documents.list', { includeDeleted: true }), true);
    assert.equal(accepts('documents.list', { includeDeleted: 'yes' }), false);
  });

  it('revisions are addressed by positive whole numbers', () => {
    assert.equal(accepts('revisions.get', { id: 1 }), true);
    assert.equal(accepts('revisions.get', { id: 0 }), false);
    assert.equal(accepts('revisions.get', { id: '1' }), false);
    assert.equal(accepts('revisions.list', { documentId: goodId }), true);
    assert.equal(accepts('revisions.restore', { documentId: goodId, revisionId: 2 }), true);
    assert.equal(accepts('revisions.restore', { documentId: goodId }), false);
  });

  it('app.info takes an empty request', () => {
    assert.equal(accepts('app.info', {}), true);
  });
});

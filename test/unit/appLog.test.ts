/**
 * The log files: what a line keeps (the fault) and what it never keeps (the writer's text, keys,
 * tokens), and rotation on real files.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createAppLog, formatLine } from '../../electron/logging/appLog.js';
import { redact } from '../../electron/logging/redact.js';
import { RotatingLogFile } from '../../electron/logging/rotatingLogFile.js';

const work = mkdtempSync(path.join(tmpdir(), 'inkwell-logs-'));
after(() => rmSync(work, { recursive: true, force: true }));

const paragraph =
  'The lighthouse keeper climbed the stairs one more time, counting each of the hundred and twelve steps as his father had taught him';

describe('redact', () => {
  it('keeps what finds a fault: messages, paths, codes and stack frames', () => {
    const text = [
      "Error: ENOENT: no such file or directory, open '/home/ada/.config/Inkwell/inkwell.sqlite3'",
      '    at Object.openSync (node:fs:573:18)',
      '    at DocumentsService.save (file:///app/dist/electron/documents/documentsService.js:88:11)',
      'the model host exited with code 134',
    ].join('\n');
    assert.equal(redact(text), text);
  });

  it('replaces the writer’s text with its length, in quotes, as prose, and in Chinese', () => {
    assert.equal(
      redact(`could not save "${paragraph}"`),
      `could not save "[${paragraph.length} characters]"`,
    );
    const prose = redact(`Uncaught TypeError: ${paragraph}`);
    assert.ok(!prose.includes('lighthouse'), prose);
    assert.match(prose, /^\[\d+ characters\]$/);
    const chinese = '灯塔看守人又一次爬上楼梯，像父亲教他的那样数着一百一十二级台阶。';
    assert.equal(redact(`粘贴失败：${chinese}`), `粘贴失败：[${[...chinese].length} characters]`);
  });

  it('never keeps an API key, a bearer token or the headless token', () => {
    const lines = redact(
      [
        'POST https://api.openai.com/v1/completions failed: 401 (key sk-proj-Abc123def456ghi789jkl)',
        'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature',
        'ws://127.0.0.1:4317/?token=4f9c2d1e8b7a6f5e4d3c2b1a',
        '{"apiKey":"AbCdEf0123456789","model":"gpt2"}',
        'hub download with hf_AbCdEfGhIjKlMnOpQrSt refused',
      ].join('\n'),
    );
    for (const secret of [
      'sk-proj-Abc',
      'eyJhbGci',
      '4f9c2d1e8b7a',
      'AbCdEf0123456789',
      'hf_AbCd',
    ]) {
      assert.ok(!lines.includes(secret), `${secret} in ${lines}`);
    }
    assert.match(lines, /\(key \[api key\]\)/);
    assert.match(lines, /\?token=\[secret\]/);
    assert.match(lines, /"model":"gpt2"/);
  });
});

describe('the app log', () => {
  it('writes one file per process with time, level and the error’s stack', () => {
    const folder = path.join(work, 'logs');
    const log = createAppLog(folder, undefined, () => new Date('2026-12-04T10:00:00.000Z'));
    const error = new Error('database is locked', { cause: new Error('SQLITE_BUSY') });
    log.of('main').error('could not save a document', error);
    log.of('model-host').warn('the model host exited with code 134');
    log.of('renderer').error(`Uncaught TypeError while typing "${paragraph}"`);
    assert.deepEqual(readdirSync(folder).sort(), ['main.log', 'model-host.log', 'renderer.log']);
    const main = readFileSync(path.join(folder, 'main.log'), 'utf8');
    assert.match(
      main,
      /^2026-12-04T10:00:00\.000Z ERROR could not save a document Error: database is locked\n/,
    );
    assert.match(main, /\n {4}at .+appLog\.test\.ts/);
    assert.match(main, /Caused by: Error: SQLITE_BUSY/);
    assert.equal(
      readFileSync(path.join(folder, 'model-host.log'), 'utf8'),
      '2026-12-04T10:00:00.000Z WARN  the model host exited with code 134\n',
    );
    const renderer = readFileSync(path.join(folder, 'renderer.log'), 'utf8');
    assert.ok(!renderer.includes('lighthouse'), renderer);
  });

  it('formats a value that is not an error as JSON, without its text', () => {
    assert.equal(
      formatLine('info', 'settings', { theme: 'dark', note: paragraph }, new Date(0)),
      `1970-01-01T00:00:00.000Z INFO  settings {"theme":"dark","note":"[${paragraph.length} characters]"}`,
    );
  });
});

describe('RotatingLogFile', () => {
  it('starts a new file past the size limit and keeps only the newest parts', () => {
    const folder = path.join(work, 'rotation');
    const file = new RotatingLogFile(folder, 'main', { maxBytes: 100, keep: 2 });
    for (let n = 0; n < 10; n += 1) file.append(`line ${n} ${'x'.repeat(40)}`);
    assert.deepEqual(readdirSync(folder).sort(), ['main.1.log', 'main.2.log', 'main.log']);
    const lines = (name: string): string[] =>
      readFileSync(path.join(folder, name), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(lines('main.log'), ['line 8', 'line 9']);
    assert.deepEqual(lines('main.1.log'), ['line 6', 'line 7']);
    assert.deepEqual(lines('main.2.log'), ['line 4', 'line 5']);
    // A new writer (the next launch) goes on from the file's size, not from zero.
    const again = new RotatingLogFile(folder, 'main', { maxBytes: 100, keep: 2 });
    again.append('line 10');
    assert.equal(existsSync(path.join(folder, 'main.3.log')), false);
    assert.deepEqual(lines('main.log'), ['line 10']);
  });
});

describe('copyConsoleTo', () => {
  it('writes console.error and console.warn to the log as well as to the console', async () => {
    const { Console } = await import('node:console');
    const { PassThrough } = await import('node:stream');
    const { copyConsoleTo } = await import('../../electron/logging/consoleCopy.js');
    const terminal = new PassThrough();
    const shown: string[] = [];
    terminal.on('data', (chunk: Buffer) => shown.push(chunk.toString('utf8')));
    const console = new Console({ stdout: terminal, stderr: terminal });
    const folder = path.join(work, 'console');
    copyConsoleTo(createAppLog(folder).of('main'), console);
    console.error('[inkwell] could not start:', new Error('port in use'));
    console.warn('[inkwell] a window did not confirm saving before closing');
    assert.match(shown.join(''), /could not start: Error: port in use/);
    const logged = readFileSync(path.join(folder, 'main.log'), 'utf8').split('\n');
    assert.match(logged[0] ?? '', /ERROR \[inkwell\] could not start: Error: port in use$/);
    assert.match(logged.at(-2) ?? '', /WARN {2}\[inkwell\] a window did not confirm saving/);
  });
});

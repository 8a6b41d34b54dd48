/**
 * The layer rules in eslint.config.js fire: each is shown a deliberate violation (a fixture
 * linted at a path inside the layer) and an import it allows, so a rule that silently matched
 * nothing would fail here. That the project itself keeps them is `npm run lint`'s job.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer messages ESLint gives for `source` as if it were the file at `file`. */
async function layerProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  assert.ok(result, `ESLint linted ${file}`);
  return result.messages
    .filter((message) => message.ruleId === 'inkwell/import-layers')
    .map((message) => message.message);
}

interface Case {
  layer: string;
  file: string;
  violation: string;
  allowed: string;
  says: RegExp;
}

const cases: Case[] = [
  {
    layer: 'app code never imports outside the checkout',
    file: 'electron/core/layerFixture.ts',
    violation: "export type { Design } from '../../../shared/design.js';",
    allowed: "export type { Channel } from '../../shared/contract.js';",
    says: /app code must not import \.\.\/shared\/design\.js/,
  },
  {
    layer: 'a domain never imports ipc/',
    file: 'electron/documents/layerFixture.ts',
    violation: "export type { Router } from '../ipc/router.js';",
    allowed: "export type { Handler } from '../core/handler.js';",
    says: /a domain must not import electron\/ipc\/router\.js/,
  },
  {
    layer: 'main never imports the model host',
    file: 'electron/engine/supervisor/layerFixture.ts',
    violation: "export { HostEngine } from '../host/hostEngine.js';",
    allowed: "export type { HostRequest } from '../protocol.js';",
    says: /main-side code must not import electron\/engine\/host\/hostEngine\.js/,
  },
  {
    layer: 'the model host never imports main-side code',
    file: 'electron/engine/host/layerFixture.ts',
    violation: "export { EngineClient } from '../supervisor/engineClient.js';",
    allowed: "export type { HostRequest } from '../protocol.js';",
    says: /the model host .* must not import electron\/engine\/supervisor\/engineClient\.js/,
  },
  {
    layer: 'main uses node-llama-cpp only through its one adapter',
    file: 'electron/models/layerFixture.ts',
    violation: "export { getLlama } from 'node-llama-cpp';",
    allowed: "export { readGgufFileInfo } from '../engine/nodeLlamaCpp.js';",
    says: /must not import node-llama-cpp/,
  },
  {
    layer: 'core imports no domain',
    file: 'electron/core/layerFixture.ts',
    violation: "export type { DocumentsService } from '../documents/documentsService.js';",
    allowed: "export type { Channel } from '../../shared/contract.js';",
    says: /electron\/core\/ must not import electron\/documents\/documentsService\.js/,
  },
  {
    layer: 'the store imports no domain',
    file: 'electron/store/layerFixture.ts',
    violation: "export type { ModelsService } from '../models/modelsService.js';",
    allowed: "export { openDatabase } from './database.js';",
    says: /the libraries .* must not import electron\/models\/modelsService\.js/,
  },
  {
    layer: 'the engine imports no domain',
    file: 'electron/engine/layerFixture.ts',
    violation: "export type { ModelsService } from '../models/modelsService.js';",
    allowed: "export type { RequestContext } from '../core/requestContext.js';",
    says: /the engine .* must not import electron\/models\/modelsService\.js/,
  },
  {
    layer: 'a lower domain does not import generation',
    file: 'electron/models/layerFixture2.ts',
    violation: "export type { HistoryService } from '../generation/historyService.js';",
    allowed: "export type { StoredModel } from '../store/modelsRepository.js';",
    says: /a lower domain .* must not import electron\/generation\/historyService\.js/,
  },
  {
    layer: 'generation does not import templates',
    file: 'electron/generation/layerFixture.ts',
    violation: "export type { TemplatesService } from '../templates/templatesService.js';",
    allowed: "export type { ModelFingerprints } from '../models/modelFingerprint.js';",
    says: /electron\/generation\/ must not import electron\/templates\/templatesService\.js/,
  },
  {
    layer: 'ipc/ imports no domain',
    file: 'electron/ipc/layerFixture.ts',
    violation: "export type { DocumentsService } from '../documents/documentsService.js';",
    allowed: "export type { EventBus } from '../core/eventBus.js';",
    says: /electron\/ipc\/ must not import electron\/documents\/documentsService\.js/,
  },
  {
    layer: 'renderer ui/ imports no panel',
    file: 'renderer/ui/layerFixture.ts',
    violation: "export { formatTime } from '../panels/formatTime.js';",
    allowed: "export type { InkwellClient } from '../api/client.js';",
    says: /renderer\/ui\/ must not import renderer\/panels\/formatTime\.js/,
  },
  {
    layer: 'renderer api/ imports no component',
    file: 'renderer/api/layerFixture.ts',
    violation: "export { describeError } from '../ui/describeError.js';",
    allowed: "export type { Transport } from './transport.js';",
    says: /the renderer libraries .* must not import renderer\/ui\/describeError\.js/,
  },
  {
    layer: 'renderer editor/ imports no panel',
    file: 'renderer/editor/layerFixture.ts',
    violation: "export { formatTime } from '../panels/formatTime.js';",
    allowed: "export { describeError } from '../ui/describeError.js';",
    says: /renderer\/editor\/ must not import renderer\/panels\/formatTime\.js/,
  },
  {
    layer: 'renderer panels/ never import app/',
    file: 'renderer/panels/layerFixture.ts',
    violation: "export { App } from '../app/App.js';",
    allowed: "export { describeError } from '../ui/describeError.js';",
    says: /renderer\/panels\/ must not import renderer\/app\/App\.js/,
  },
];

describe('import layer rules', () => {
  for (const rule of cases) {
    it(`${rule.layer}: a violation is reported, an allowed import is not`, async () => {
      const problems = await layerProblems(rule.file, `${rule.violation}\n`);
      assert.equal(problems.length, 1, `one problem for ${rule.violation}: ${problems.join('; ')}`);
      assert.match(problems[0] ?? '', rule.says);
      assert.deepEqual(await layerProblems(rule.file, `${rule.allowed}\n`), []);
    });
  }
});

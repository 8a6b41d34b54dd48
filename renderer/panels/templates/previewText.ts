import type { TemplatePreview } from '../../../shared/schemas/templates.js';
import { i18n } from '../../i18n/i18n.js';

/** "312 of 512 tokens; room for 200 more (asks for 80)": what the writer weighs before generating. */
export function tokenSummary(preview: TemplatePreview): string {
  const { promptTokens, contextSize, maxNewTokens, roomForOutput } = preview;
  const summary =
    roomForOutput <= 0
      ? i18n.t('templates:preview.tokensNoRoom', { promptTokens, contextSize, maxNewTokens })
      : i18n.t('templates:preview.tokens', {
          count: roomForOutput,
          promptTokens,
          contextSize,
          maxNewTokens,
        });
  return preview.fits ? summary : i18n.t('templates:preview.willBeCut', { summary });
}

import type { TemplatePreview } from '../../../shared/schemas/templates.js';

/** "312 tokens; room for 200 more (asks for 80)": what the writer weighs before generating. */
export function tokenSummary(preview: TemplatePreview): string {
  const { promptTokens, contextSize, maxNewTokens, roomForOutput } = preview;
  const room =
    roomForOutput <= 0
      ? 'no room is left for the output'
      : `room for ${roomForOutput} more token${roomForOutput === 1 ? '' : 's'}`;
  const cut = preview.fits ? '' : ' The start of the prompt will be cut to make room.';
  return `${promptTokens} of ${contextSize} tokens; ${room} (asks for up to ${maxNewTokens}).${cut}`;
}

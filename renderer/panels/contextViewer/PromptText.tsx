import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptFit } from '../../../shared/schemas/generations.js';
import { promptPieces } from './promptPieces.js';

/** The exact prompt text, each part marked so the panel's styles colour it. */
export function PromptText({ fit }: { fit: PromptFit }): ReactNode {
  const { t } = useTranslation('lorebook');
  const [whole, setWhole] = useState(false);
  const pieces = promptPieces(fit, whole);
  const shortened = pieces.some((piece) => piece.elided > 0);
  const long = whole && promptPieces(fit, false).some((piece) => piece.elided > 0);
  return (
    <>
      <pre className="context-prompt" data-testid="context-prompt" tabIndex={0}>
        {pieces.map((piece) => (
          <span key={piece.start}>
            <span data-part={piece.part} data-entry-id={piece.entryId}>
              {piece.text}
            </span>
            {piece.elided > 0 && (
              <span className="context-elided" data-testid="context-elided">
                {t('viewer.elided', { count: piece.elided })}
              </span>
            )}
          </span>
        ))}
      </pre>
      {(shortened || long) && (
        <button
          type="button"
          className="quiet-button context-whole"
          data-testid="context-show-whole"
          aria-pressed={whole}
          onClick={() => setWhole(!whole)}
        >
          {whole ? t('viewer.showEnds') : t('viewer.showWhole')}
        </button>
      )}
    </>
  );
}

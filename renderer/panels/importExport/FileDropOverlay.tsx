import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { supportedImports } from './fileFormats.js';
import '../../styles/importExport.css';

/** Shown while files are dragged over the window (see useFileDrop). */
export function FileDropOverlay({ visible }: { visible: boolean }): ReactNode {
  const { t } = useTranslation('importExport');
  if (!visible) return null;
  return (
    <div className="file-drop-overlay" data-testid="file-drop-overlay" aria-hidden="true">
      {t('import.drop', { supported: supportedImports() })}
    </div>
  );
}

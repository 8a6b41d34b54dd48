import type { ReactNode } from 'react';
import { SUPPORTED_IMPORTS_LABEL } from './fileFormats.js';
import '../../styles/importExport.css';

/** Shown while files are dragged over the window (see useFileDrop). */
export function FileDropOverlay({ visible }: { visible: boolean }): ReactNode {
  if (!visible) return null;
  return (
    <div className="file-drop-overlay" data-testid="file-drop-overlay" aria-hidden="true">
      Drop a {SUPPORTED_IMPORTS_LABEL} file to import it as a new document
    </div>
  );
}

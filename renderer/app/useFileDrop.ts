import { useEffect, useRef, useState } from 'react';
import { useClient } from '../api/clientContext.js';
import type { CreateDocument } from '../panels/importExport/importDocument.js';
import { importFiles } from '../panels/importExport/importFiles.js';
import { i18n } from '../i18n/i18n.js';
import { joinSentences } from '../i18n/joinSentences.js';
import { addDroppedModels, splitDroppedFiles } from '../panels/models/droppedModels.js';
import type { ReportError } from '../ui/errorReporting.js';

export interface FileDropOptions {
  reportError: ReportError;
  /** A dropped file became a new document: open it (the last one, when several were dropped). */
  onImported: (documentId: string) => void;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Files dropped anywhere on the window are imported as new documents, through the same path
 * as the import dialog. A dropped .gguf is added to the models library instead: in the desktop
 * app through the preload (which alone can read a dropped file's path); in a browser, which
 * never tells the page where a file lives, a message points to the Models panel's path field.
 * Dragged text (within the editor, or from another app) is left to the editor. Answers
 * whether files are being dragged over the window, for <FileDropOverlay>.
 */
export function useFileDrop(options: FileDropOptions): boolean {
  const client = useClient();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [draggingFiles, setDraggingFiles] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; the window is left when they balance.
    let depth = 0;
    const createDocument: CreateDocument = (request) => client.call('documents.create', request);

    const onDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDraggingFiles(true);
    };
    const onDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDraggingFiles(false);
    };
    const onDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      // The editor must not also insert the file's name or contents where it was dropped.
      event.stopPropagation();
      depth = 0;
      setDraggingFiles(false);
      const { models, documents: files } = splitDroppedFiles([
        ...(event.dataTransfer?.files ?? []),
      ]);
      if (models.length > 0) {
        // No bridge in a browser (headless mode): addDroppedModels then explains the path field.
        const bridge = window.inkwell;
        const add = bridge ? (file: File) => bridge.addDroppedModel(file) : undefined;
        void addDroppedModels(models, add).then((result) => {
          if (result.problems.length > 0) {
            latest.current.reportError(new Error(joinSentences(result.problems)));
          }
        });
      }
      if (files.length === 0) return;
      void importFiles(files, createDocument).then(
        (result) => {
          const { reportError, onImported } = latest.current;
          if (result.problems.length > 0) reportError(new Error(joinSentences(result.problems)));
          const last = result.imported.at(-1);
          if (last) onImported(last.id);
        },
        (error: unknown) => latest.current.reportError(error, i18n.t('models:drop.couldNotImport')),
      );
    };

    // Capture phase: the window decides about files before the editor sees the drop.
    window.addEventListener('dragenter', onDragEnter, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onDragEnter, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [client]);

  return draggingFiles;
}

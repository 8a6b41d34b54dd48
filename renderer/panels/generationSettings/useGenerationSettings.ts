import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/errors.js';
import type { DocumentGenerationSettings, Preset } from '../../../shared/schemas/generations.js';
import { useClient } from '../../api/clientContext.js';
import { i18n } from '../../i18n/i18n.js';
import type { ReportError } from '../../ui/errorReporting.js';
import type { FieldIssue } from './settingsForm.js';

/** Saves wait for a pause in changes, so dragging through values is one save, not twenty. */
const SAVE_DELAY_MS = 500;

export type SaveStatus = 'unchanged' | 'pending' | 'saving' | 'saved' | 'invalid' | 'failed';

export interface GenerationSettingsState {
  settings: DocumentGenerationSettings | null;
  presets: Preset[];
  status: SaveStatus;
  /** The server's objections to the last save, by field path ("params.temperature"). */
  issues: FieldIssue[];
  /** Applies a change at once on screen and saves it after a pause. */
  update: (change: (current: DocumentGenerationSettings) => DocumentGenerationSettings) => void;
  reloadPresets: () => Promise<void>;
}

/** A document's generation settings and the preset list: loaded once, saved as they change. */
export function useGenerationSettings(
  documentId: string,
  reportError: ReportError,
  onSettingsChange?: (settings: DocumentGenerationSettings) => void,
): GenerationSettingsState {
  const client = useClient();
  const [settings, setSettings] = useState<DocumentGenerationSettings | null>(null);
  const [presets, setPresets] = useState<Preset[]>([]);
  const [status, setStatus] = useState<SaveStatus>('unchanged');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const latest = useRef<DocumentGenerationSettings | null>(null);
  const edits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onSettingsChange);
  useEffect(() => {
    onChangeRef.current = onSettingsChange;
  });

  const reloadPresets = useCallback(async () => {
    try {
      setPresets(await client.call('presets.list', {}));
    } catch (error) {
      reportError(error, i18n.t('generation:presets.loadFailed'));
    }
  }, [client, reportError]);

  useEffect(() => {
    let current = true;
    latest.current = null;
    setSettings(null);
    client.call('settings.getDocument', { documentId }).then(
      (loaded) => {
        if (!current) return;
        latest.current = loaded;
        setSettings(loaded);
        onChangeRef.current?.(loaded);
      },
      (error: unknown) => current && reportError(error, i18n.t('generation:settings.loadFailed')),
    );
    void reloadPresets();
    return () => {
      current = false;
    };
  }, [client, documentId, reloadPresets, reportError]);

  const save = useCallback(async () => {
    timer.current = null;
    const toSave = latest.current;
    if (!toSave) return;
    const editNumber = edits.current;
    setStatus('saving');
    try {
      const saved = await client.call('settings.saveDocument', {
        documentId: toSave.documentId,
        memory: toSave.memory,
        authorsNote: toSave.authorsNote,
        presetId: toSave.presetId,
        params: toSave.params,
      });
      onChangeRef.current?.(saved);
      // A newer change is waiting for its own save; this reply is not the last word.
      if (editNumber !== edits.current) return;
      setIssues([]);
      setStatus('saved');
    } catch (error) {
      if (editNumber !== edits.current) return;
      if (error instanceof ApiError && error.code === 'invalid_request' && error.issues) {
        setIssues(error.issues);
        setStatus('invalid');
      } else {
        setStatus('failed');
        reportError(error, i18n.t('generation:settings.saveFailed'));
      }
    }
  }, [client, reportError]);

  // Closing the panel (or switching documents) must not lose a change still waiting to be saved.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
        void save();
      }
    },
    [documentId, save],
  );

  const update = useCallback<GenerationSettingsState['update']>(
    (change) => {
      const current = latest.current;
      if (!current) return;
      const next = change(current);
      latest.current = next;
      setSettings(next);
      edits.current += 1;
      setStatus('pending');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );

  return { settings, presets, status, issues, update, reloadPresets };
}

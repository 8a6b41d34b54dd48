import { useEffect, useState } from 'react';
import type { RequestOf } from '../../../shared/contract.js';
import { ApiError, type ErrorIssue, type LocalizedMessage } from '../../../shared/errors.js';
import type { TemplatePreview } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import { i18n } from '../../i18n/i18n.js';

/** Rendering and counting on every key would ask the model host once per letter. */
export const PREVIEW_DELAY_MS = 400;

/** A field-level problem as main sent it: shown with describeIssue, in the writer's language. */
export type PreviewIssue = ErrorIssue;

export interface PreviewState {
  preview: TemplatePreview | null;
  /**
   * The server's objection: a syntax error, a bad value; issues say where. Kept as main sent it
   * (English message and i18n key), so it is worded in the language of the moment it is shown.
   */
  error: { message: string; localized?: LocalizedMessage; issues: PreviewIssue[] } | null;
  /** A newer request is waiting or on its way; what is shown is for older values. */
  stale: boolean;
}

/**
 * The rendered prompt for the current values, asked for after a pause in typing. Only the
 * latest answer is kept: an older one arriving late never replaces a newer one. A null request
 * (the form has problems) keeps the last preview, marked stale.
 */
export function usePreview(request: RequestOf<'templates.preview'> | null): PreviewState {
  const client = useClient();
  const key = request === null ? null : JSON.stringify(request);
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, stale: true });

  useEffect(() => {
    setState((previous) => ({ ...previous, stale: true }));
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      const body = JSON.parse(key) as RequestOf<'templates.preview'>;
      client.call('templates.preview', body).then(
        (preview) => {
          if (current) setState({ preview, error: null, stale: false });
        },
        (error: unknown) => {
          if (!current) return;
          const issues = error instanceof ApiError ? (error.issues ?? []) : [];
          const localized = error instanceof ApiError ? error.localized : undefined;
          const message =
            error instanceof Error ? error.message : i18n.t('templates:preview.failed');
          setState((previous) => ({
            ...previous,
            error: { message, ...(localized ? { localized } : {}), issues },
            stale: false,
          }));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key]);

  return state;
}

/** Issue paths from a request that carried a whole template ("template.body") name its part. */
export function issuePart(path: string): string {
  return path.startsWith('template.') ? path.slice('template.'.length) : path;
}

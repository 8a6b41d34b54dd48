import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api/clientContext.js';

/** Shown only while the connection is down; Electron's IPC never is. */
export function ConnectionIndicator(): ReactNode {
  const { t } = useTranslation('app');
  const state = useConnectionState();
  if (state === 'connected') return null;
  return (
    <div className="connection-status" role="status" data-testid="connection-status">
      <span className="connection-dot" aria-hidden="true" />
      {t('connection.reconnecting')}
    </div>
  );
}

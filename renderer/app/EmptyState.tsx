import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { shortcutLabel } from '../keyboard/appShortcuts.js';

/** In place of the editor while no document is open: how to start one. */
export function EmptyState(): ReactNode {
  const { t } = useTranslation('app');
  return (
    <div className="empty-state">
      <p>{t('emptyState.noDocument')}</p>
      <p>
        <Trans
          ns="app"
          i18nKey="emptyState.howToStart"
          tOptions={{ shortcut: shortcutLabel('newDocument') }}
          components={{ kbd: <kbd /> }}
        />
      </p>
    </div>
  );
}

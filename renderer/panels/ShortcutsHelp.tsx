import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appShortcuts, type AppShortcut } from '../keyboard/appShortcuts.js';
import { comboLabel, type KeyCombo } from '../keyboard/keyCombo.js';
import { blockShortcuts, textShortcuts } from '../editor/editorShortcuts.js';
import { continueShortcuts } from '../editor/continue/continueKeys.js';
import { probabilityShortcuts } from '../editor/probabilities/probabilityShortcuts.js';
import { ModalDialog } from '../ui/ModalDialog.js';

interface ShortcutRow {
  id: string;
  combos: readonly KeyCombo[];
  description: string;
}

function ShortcutRows({ rows }: { rows: readonly ShortcutRow[] }): ReactNode {
  const { t } = useTranslation('app');
  return rows.map((row) => (
    <tr key={row.id}>
      <td>{row.description}</td>
      <td>
        {row.combos.map((combo, index) => (
          <span key={index}>
            {index > 0 && ` ${t('shortcutsHelp.or')} `}
            <kbd>{comboLabel(combo)}</kbd>
          </span>
        ))}
      </td>
    </tr>
  ));
}

function ShortcutTable(props: { caption: string; rows: readonly ShortcutRow[] }): ReactNode {
  return (
    <table className="shortcut-table">
      <caption>{props.caption}</caption>
      <tbody>
        <ShortcutRows rows={props.rows} />
      </tbody>
    </table>
  );
}

/** Every shortcut in one place, generated from the same tables the handlers use. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useTranslation(['app', 'editor', 'common']);

  const appRows: ShortcutRow[] = (Object.keys(appShortcuts) as AppShortcut[]).map((name) => ({
    id: name,
    combos: appShortcuts[name].combos,
    description: t(`shortcuts.${name}`),
  }));
  const listRows: ShortcutRow[] = [
    {
      id: 'moveInList',
      combos: [{ code: 'ArrowUp' }, { code: 'ArrowDown' }],
      description: t('shortcutsHelp.moveInList'),
    },
    {
      id: 'openSelected',
      combos: [{ code: 'Enter' }],
      description: t('shortcutsHelp.openSelected'),
    },
    { id: 'closePanel', combos: [{ code: 'Escape' }], description: t('shortcutsHelp.closePanel') },
  ];
  const textRows: ShortcutRow[] = (
    Object.keys(textShortcuts) as (keyof typeof textShortcuts)[]
  ).map((name) => ({
    id: name,
    combos: textShortcuts[name],
    description: t(`editor:format.${name}`),
  }));
  const blockRows: ShortcutRow[] = blockShortcuts.map((entry) => ({
    id: entry.blockType,
    combos: [entry.combo],
    description: t(`editor:blocks.${entry.blockType}`),
  }));
  const continueRows: ShortcutRow[] = (
    Object.keys(continueShortcuts) as (keyof typeof continueShortcuts)[]
  ).map((name) => ({
    id: name,
    combos: [continueShortcuts[name].combo],
    description: t(`editor:continueShortcuts.${name}`),
  }));
  const probabilityRows: ShortcutRow[] = (
    Object.keys(probabilityShortcuts) as (keyof typeof probabilityShortcuts)[]
  ).map((name) => ({
    id: `probabilities-${name}`,
    combos: [probabilityShortcuts[name].combo],
    description: t(`editor:probabilities.shortcuts.${name}`),
  }));

  return (
    <ModalDialog
      title={t('shortcutsHelp.title')}
      titleId="shortcuts-title"
      testId="shortcuts-help"
      onClose={onClose}
    >
      <div className="shortcut-columns">
        <ShortcutTable caption={t('shortcutsHelp.documents')} rows={[...appRows, ...listRows]} />
        <ShortcutTable caption={t('shortcutsHelp.writing')} rows={[...textRows, ...blockRows]} />
        <ShortcutTable
          caption={t('shortcutsHelp.continueWriting')}
          rows={[...continueRows, ...probabilityRows]}
        />
      </div>
      <p className="shortcut-note">{t('shortcutsHelp.language')}</p>
    </ModalDialog>
  );
}

import { useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/schemas/templates.js';
import { groupByKind } from './galleryFilter.js';
import { kindLabel, templateDescription, templateName } from './templateText.js';

export interface TemplateGalleryProps {
  templates: TemplateSummary[] | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onChoose: (id: string) => void;
}

/** A summary as the gallery shows it: translated when built in, found by its own words too. */
function displayed(summary: TemplateSummary): TemplateSummary & { alsoMatches: string } {
  const name = templateName(summary);
  const description = templateDescription(summary);
  const translated = name !== summary.name || description !== summary.description;
  return {
    ...summary,
    name,
    description,
    alsoMatches: `${kindLabel(summary.kind)} ${translated ? `${summary.name} ${summary.description}` : ''}`,
  };
}

/** Built-in and user templates by kind, narrowed by a search over name, kind and description. */
export function TemplateGallery({
  templates,
  searchRef,
  onChoose,
}: TemplateGalleryProps): ReactNode {
  const { t } = useTranslation(['templates', 'common']);
  const [search, setSearch] = useState('');
  const groups = templates === null ? [] : groupByKind(templates.map(displayed), search);
  return (
    <div className="template-gallery">
      <input
        ref={searchRef}
        type="search"
        className="template-search"
        data-testid="template-search"
        aria-label={t('gallery.searchLabel')}
        placeholder={t('gallery.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {templates === null && <p className="template-note">{t('common:loading')}</p>}
      {templates !== null && groups.length === 0 && (
        <p className="template-note">{search.trim() ? t('gallery.noMatch') : t('gallery.none')}</p>
      )}
      {groups.map((group) => (
        <section key={group.kind} className="template-kind" aria-label={kindLabel(group.kind)}>
          <h3>{kindLabel(group.kind)}</h3>
          <ul className="template-cards">
            {group.templates.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="template-card"
                  data-testid="template-card"
                  data-template-id={entry.id}
                  onClick={() => onChoose(entry.id)}
                >
                  <span className="template-card-name">
                    {entry.name}
                    {!entry.builtIn && <span className="template-badge">{t('panel.mine')}</span>}
                  </span>
                  {entry.description && (
                    <span className="template-card-description">{entry.description}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

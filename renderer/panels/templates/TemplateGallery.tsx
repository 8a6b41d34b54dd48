import { useState, type ReactNode, type RefObject } from 'react';
import type { TemplateSummary } from '../../../shared/schemas/templates.js';
import { groupByKind } from './galleryFilter.js';

export interface TemplateGalleryProps {
  templates: TemplateSummary[] | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onChoose: (id: string) => void;
}

/** Built-in and user templates by kind, narrowed by a search over name, kind and description. */
export function TemplateGallery({
  templates,
  searchRef,
  onChoose,
}: TemplateGalleryProps): ReactNode {
  const [search, setSearch] = useState('');
  const groups = templates === null ? [] : groupByKind(templates, search);
  return (
    <div className="template-gallery">
      <input
        ref={searchRef}
        type="search"
        className="template-search"
        data-testid="template-search"
        aria-label="Search templates"
        placeholder="Search templates: sonnet, letter, mystery…"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {templates === null && <p className="template-note">Loading…</p>}
      {templates !== null && groups.length === 0 && (
        <p className="template-note">
          {search.trim() ? 'No template matches those words.' : 'No templates yet.'}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.kind} className="template-kind" aria-label={group.kind}>
          <h3>{group.kind}</h3>
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
                    {!entry.builtIn && <span className="template-badge">mine</span>}
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

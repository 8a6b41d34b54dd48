import { useCallback, useEffect, useState } from 'react';
import type { TemplateSummary } from '../../../shared/schemas/templates.js';
import { useClient } from '../../api/clientContext.js';
import type { ReportError } from '../../ui/errorReporting.js';
import { i18n } from '../../i18n/i18n.js';

/** Every template (built-in and the writer's), kept current through templates.changed. */
export function useTemplateList(reportError: ReportError): {
  templates: TemplateSummary[] | null;
  reload: () => Promise<void>;
} {
  const client = useClient();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);

  const reload = useCallback(async () => {
    try {
      setTemplates(await client.call('templates.list', {}));
    } catch (error) {
      reportError(error, i18n.t('templates:panel.couldNotList'));
    }
  }, [client, reportError]);

  useEffect(() => {
    void reload();
    return client.on('templates.changed', () => void reload());
  }, [client, reload]);

  return { templates, reload };
}

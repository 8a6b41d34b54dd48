import { useCallback, useState } from 'react';
import type { SidePanelId } from './sidePanels.js';

export interface OpenSidePanel {
  /** The panel open in the right-hand column; null when none is. */
  openId: SidePanelId | null;
  /** Its toggle and shortcut: opens the panel, or closes it when it is the open one. */
  toggle: (id: SidePanelId) => void;
  /** The panel's Close button and Escape: closes it and gives the text the focus back. */
  close: () => void;
  /** Closes the panel if it is the open one, leaving the focus where it is. */
  closeIfOpen: (id: SidePanelId) => void;
}

/** Which side panel is open; one at a time. */
export function useOpenSidePanel(focusEditor: () => void): OpenSidePanel {
  const [openId, setOpenId] = useState<SidePanelId | null>(null);
  const toggle = useCallback(
    (id: SidePanelId) => setOpenId((open) => (open === id ? null : id)),
    [],
  );
  const close = useCallback(() => {
    setOpenId(null);
    focusEditor();
  }, [focusEditor]);
  const closeIfOpen = useCallback(
    (id: SidePanelId) => setOpenId((open) => (open === id ? null : open)),
    [],
  );
  return { openId, toggle, close, closeIfOpen };
}

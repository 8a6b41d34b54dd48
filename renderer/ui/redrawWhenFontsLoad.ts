/**
 * Text drawn while the font face for its characters was still loading is drawn again once it
 * has loaded. Chromium (150, seen headless on Debian with no CJK font) keeps the shapes of short
 * words it drew while a Noto Sans SC subset was on its way, empty boxes, for as long as their
 * font stays the same (buttons, labels, placeholders stayed boxes after the subset arrived).
 * So once a batch of faces has loaded, the root's font gets a new, invisible difference: an
 * OpenType feature tag no font has, at a new value, which makes every word be shaped afresh
 * with the faces now loaded. A new subset is needed only for characters not shown before.
 */
export function redrawWhenFontsLoad(root: HTMLElement = document.documentElement): () => void {
  let batch = 0;
  const redraw = (): void => {
    batch += 1;
    root.style.fontFeatureSettings = `"iwfl" ${batch}`;
  };
  document.fonts.addEventListener('loadingdone', redraw);
  return () => document.fonts.removeEventListener('loadingdone', redraw);
}

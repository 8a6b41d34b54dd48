const TOKEN_KEY = 'inkwell.token';

/**
 * The headless server hands out `/?token=…`. The token is moved into sessionStorage so a reload
 * still works, and out of the visible URL so it is not copied into bug reports or bookmarks.
 */
export function takeSessionToken(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

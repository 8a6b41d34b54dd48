/**
 * The names headless mode answers to (the Host and Origin it accepts): the loopback address,
 * its IPv6 form and localhost, each with the server's port. A page reached under any other name
 * is not ours: with DNS rebinding a foreign site's own name can point at 127.0.0.1, and the
 * browser then treats this server as that site, so the Host header is the one sign of it the
 * server gets.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** `name:port` for each loopback name, as a browser writes the Host header. */
export function ownHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

/** The origins of this server's own page (what its WebSocket connections carry as Origin). */
export function ownOrigins(port: number): string[] {
  return ownHosts(port).map((host) => `http://${host}`);
}

/**
 * Whether a request's Host header names this server. Browsers leave the port out only when it
 * is the scheme's default, so on port 80 the bare names count too; host names are not case
 * sensitive. A request without a Host header (HTTP/1.0) is not ours either.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const given = host.toLowerCase();
  if (ownHosts(port).includes(given)) return true;
  return port === 80 && (LOOPBACK_NAMES as readonly string[]).includes(given);
}

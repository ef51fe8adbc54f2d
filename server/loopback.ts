/**
 * Whether a host name or address is this machine. Browsers count such an
 * origin as a secure context without HTTPS, and by default the relay
 * believes X-Forwarded-For only from such a peer (client-address.ts).
 */
export function isLoopback(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(name);
}

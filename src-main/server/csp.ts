/**
 * The one Content-Security-Policy of the UI, whichever shell serves it. Scripts only from the app
 * itself, nothing embeddable, no forms, no base tag: an injected string can neither run nor phone home.
 */
export function contentSecurityPolicy(options: { connectSrc: readonly string[]; scriptSrc?: readonly string[] }): string {
  const directives: Array<[string, readonly string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(options.scriptSrc ?? [])]],
    ['connect-src', ["'self'", ...options.connectSrc]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    // React sets style attributes; inline styles cannot run code.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

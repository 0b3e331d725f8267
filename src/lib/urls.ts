/** Site-relative path of an errno page, e.g. errno/econnreset/. */
export function errnoPath(name: string): string {
  return `errno/${name.toLowerCase()}/`;
}

/** Site-relative path of a scenario page, e.g. scenarios/three-way-handshake/. */
export function scenarioPath(slug: string): string {
  return `scenarios/${slug}/`;
}

/** Site-relative path of a glossary page, e.g. glossary/time-wait/. */
export function glossaryPath(slug: string): string {
  return `glossary/${slug}/`;
}

/** Join a base path ("/", "/wiki/sockerr", "/wiki/sockerr/") and a site-relative path. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head.startsWith('/') ? head : `/${head}`}${path.replace(/^\/+/, '')}`;
}

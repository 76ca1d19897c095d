import type { ServiceCatalog, ServiceLabel, ServiceRange } from '../domain/serviceSearch';
import { ContentError, type ContentStore } from './contentStore';

const SERVICES = 'serviceLabels.services.';
const RANGES = 'serviceLabels.ranges.';

/** The entries under a prefix, by their key: `serviceLabels.services.er4.code` → `er4`. */
function entryNames(content: ContentStore, prefix: string): string[] {
  return [...new Set(content.keys().filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('.')[0] ?? ''))].filter(Boolean);
}

/**
 * Our plain names for common codes (content/en/serviceLabels.yaml) as the catalogue the service search ranks.
 * An entry missing its code, label or words, or a code listed twice, stops startup naming the entry.
 */
export function serviceCatalog(content: ContentStore): ServiceCatalog {
  const cached = catalogs.get(content);
  if (cached) return cached;
  const built = buildCatalog(content);
  catalogs.set(content, built);
  return built;
}

/** Built once per content store: the search's word index hangs off the catalogue object. */
const catalogs = new WeakMap<ContentStore, ServiceCatalog>();

function buildCatalog(content: ContentStore): ServiceCatalog {
  const need = (key: string): string => {
    if (!content.has(key)) throw new ContentError(`serviceLabels.yaml: ${key.slice('serviceLabels.'.length)} is missing`);
    return content.text(key);
  };
  const services: ServiceLabel[] = entryNames(content, SERVICES).map((name) => ({
    code: need(`${SERVICES}${name}.code`).trim().toUpperCase(),
    label: need(`${SERVICES}${name}.label`),
    words: content.has(`${SERVICES}${name}.words`) ? content.list(`${SERVICES}${name}.words`) : [],
  }));
  const seen = new Set<string>();
  for (const s of services) {
    if (seen.has(s.code)) throw new ContentError(`serviceLabels.yaml: code ${s.code} is listed twice`);
    seen.add(s.code);
  }
  const ranges: ServiceRange[] = entryNames(content, RANGES).map((name) => ({
    from: need(`${RANGES}${name}.from`).trim().toUpperCase(),
    to: need(`${RANGES}${name}.to`).trim().toUpperCase(),
    label: need(`${RANGES}${name}.label`),
    words: content.has(`${RANGES}${name}.words`) ? content.list(`${RANGES}${name}.words`) : [],
  }));
  return { services, ranges };
}

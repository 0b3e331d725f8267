import { parseDocument } from 'yaml';

/** A parsed MDX source: its frontmatter object and the body after it. */
export interface ParsedSource {
  data: unknown;
  body: string;
}

/** Thrown when a source's frontmatter cannot be read; the message names what is wrong. */
export class FrontmatterError extends Error {}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Split an MDX source into YAML frontmatter and body; throws FrontmatterError on bad YAML. */
export function parseFrontmatter(source: string): ParsedSource {
  const match = FENCE.exec(source.replace(/^\uFEFF/, ''));
  if (!match) {
    throw new FrontmatterError('the file must start with a --- fenced YAML frontmatter block');
  }
  // uniqueKeys (the default) makes a repeated key an error instead of a silent overwrite.
  const doc = parseDocument(match[1] ?? '', { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    // +1 for the opening fence, so the number matches the line in the file.
    const where = line === undefined ? '' : ` at line ${line + 1}`;
    throw new FrontmatterError(`invalid YAML${where}: ${first.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('the frontmatter must be a YAML mapping');
  }
  return { data, body: source.slice(match[0].length) };
}

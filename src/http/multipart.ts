import { HttpError } from './http-error.ts';

/** One part of a multipart/form-data body: its Content-Type and its text. */
export interface Part {
  readonly contentType: string;
  readonly text: string;
}

const badBody = (detail: string) => new HttpError(400, detail, { type: 'bad-multipart' });

/**
 * The parts of a multipart/form-data BODY (RFC 7578), as the Graph Store Protocol §5.5 allows for POST:
 * each part is RDF to merge into the graph. CONTENTTYPE carries the boundary.
 */
export function multipartParts(contentType: string, body: string): Part[] {
  const boundary = /;\s*boundary\s*=\s*"?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw badBody('the multipart/form-data body has no boundary parameter in its Content-Type');
  const delimiter = `--${boundary}`;
  const sections = body.split(delimiter);
  if (sections.length < 3 || !sections.at(-1)!.startsWith('--')) {
    throw badBody(`the multipart body does not end with the closing delimiter ${delimiter}--`);
  }
  return sections.slice(1, -1).map((section, i) => {
    const trimmed = section.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    const split = /\r?\n\r?\n/.exec(trimmed);
    if (!split) throw badBody(`part ${i + 1} of the multipart body has no blank line after its headers`);
    const headers = trimmed.slice(0, split.index);
    const type = /^content-type\s*:\s*(.+)$/im.exec(headers)?.[1]?.trim();
    if (!type)
      throw badBody(
        `part ${i + 1} of the multipart body has no Content-Type: name the RDF syntax of each part`,
      );
    return { contentType: type, text: trimmed.slice(split.index + split[0].length) };
  });
}

import type { Request } from 'express';
import { decodeCursor } from './cursor.ts';
import { ApiInputError } from './errors.ts';
import { termOf } from './from-json.ts';
import { FILTER_SLOTS, type ListRequest } from './members.ts';
import type { ApiResource } from './schema.ts';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;
/** Values of one filter, and combinations of the values of all, a list request may ask for. */
export const MAX_VALUES = 16;
export const MAX_COMBINATIONS = 256;
const paging = ['sort', 'limit', 'after'];

/** Every value of query parameter NAME (repeated, or comma-separated). */
const valuesOf = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');

/**
 * The list request of REQ for RESOURCE: filters (?osFamily=linux; several values of one filter: any of them,
 * ?osFamily=linux,windows), sort (?sort=imageId, ?sort=-imageId descending), ?limit (1–1000) and ?after (the
 * cursor of the page before). Unknown parameters and values of the wrong kind are 400s.
 */
export function listRequest(req: Request, resource: ApiResource): ListRequest {
  const filters: ListRequest['filters'][number][] = [];
  for (const [name, raw] of Object.entries(req.query)) {
    if (paging.includes(name)) continue;
    const property = resource.filters.includes(name) ? resource.properties.get(name) : undefined;
    if (!property) {
      throw new ApiInputError(`?${name.slice(0, 60)} is not a filter of ${resource.path}`, {
        fix: `Filter by ${resource.filters.join(', ')}; page with sort, limit and after.`,
        pointer: `/query/${name.slice(0, 60)}`,
      });
    }
    const values = valuesOf(raw).map((v, i) => {
      const json =
        property.value.kind === 'literal' && /integer|boolean/.test(property.value.datatype)
          ? parseScalar(v)
          : v;
      return termOf(json, property, `/query/${name}/${i}`);
    });
    filters.push({ property: property.iri, values });
  }
  if (filters.length > FILTER_SLOTS) throw new Error('more filters than the list query has slots');
  const combinations = filters.reduce((n, f) => n * f.values.length, 1);
  if (filters.some((f) => f.values.length > MAX_VALUES) || combinations > MAX_COMBINATIONS) {
    throw new ApiInputError(`the filters give ${combinations} combinations of values`, {
      fix: `Give at most ${MAX_VALUES} values of one filter, and at most ${MAX_COMBINATIONS} combinations in all (the product of the numbers of values).`,
      pointer: '/query',
    });
  }
  const sort = req.query.sort === undefined ? (resource.sorts[0] ?? '') : single(req.query.sort, 'sort');
  const descending = sort.startsWith('-');
  const sortName = sort.replace(/^-/, '');
  if (sortName !== '' && !resource.sorts.includes(sortName)) {
    throw new ApiInputError(`?sort=${sort.slice(0, 60)} is not an order of ${resource.path}`, {
      fix:
        resource.sorts.length > 0
          ? `Sort by ${resource.sorts.join(', ')} (a leading - for descending).`
          : `${resource.path} are listed in the order of their IRIs; leave sort out.`,
      pointer: '/query/sort',
    });
  }
  const limitText = req.query.limit === undefined ? String(DEFAULT_PAGE) : single(req.query.limit, 'limit');
  const limit = /^[0-9]{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ApiInputError(`?limit=${String(req.query.limit).slice(0, 40)} is not a page size`, {
      fix: `Give a whole number from 1 to ${MAX_PAGE} (default ${DEFAULT_PAGE}).`,
      pointer: '/query/limit',
    });
  }
  const sortBy = sortName === '' ? undefined : resource.properties.get(sortName)!.iri;
  const after = req.query.after === undefined ? undefined : decodeCursor(single(req.query.after, 'after'));
  return { filters, sortBy, descending, after, limit };
}

/** The one value of the paging parameter NAME; repeated, or empty for sort, it is a 400. */
function single(raw: unknown, name: string): string {
  if (typeof raw === 'string' && (raw !== '' || name !== 'sort')) return raw;
  throw new ApiInputError(`?${name} is given ${Array.isArray(raw) ? 'more than once' : 'no value'}`, {
    fix: `Give ?${name} once, with a value.`,
    pointer: `/query/${name}`,
  });
}

/** A query parameter read as JSON when it is a number or a boolean, else as the string it is. */
const parseScalar = (v: string): unknown => (/^(-?[0-9]+|true|false)$/.test(v) ? JSON.parse(v) : v);

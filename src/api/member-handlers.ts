import { randomUUID } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import type { Request, Response } from 'express';
import { HttpError } from '../http/http-error.ts';
import { serviceUrl } from '../http/iri.ts';
import { ID_BASE, rdf } from '../vocab.ts';
import { cascadeOf, MAX_CASCADE } from './cascade.ts';
import { CONTEXT_VERSION } from './context.ts';
import { ApiInputError } from './errors.ts';
import { etagOf, matches } from './etag.ts';
import { resourceQuads } from './from-json.ts';
import { memberId } from './ids.ts';
import type { Members } from './members.ts';
import { mergePatch } from './merge-patch.ts';
import type { ApiModel } from './model.ts';
import { sendRepresentation } from './representation.ts';
import type { ApiResource } from './schema.ts';
import { Serial } from './serial.ts';
import { resourceJson } from './to-json.ts';

/**
 * A member's statements split into those the API models for RESOURCE (its types among the collection's, its
 * properties), which PUT and PATCH replace, and the others, which they keep.
 */
function splitModelled(resource: ApiResource, quads: readonly Quad[]): { modelled: Quad[]; kept: Quad[] } {
  const types = new Set([resource.class, ...resource.types]);
  const properties = new Set([...resource.properties.values()].map((p) => p.iri));
  const modelled: Quad[] = [];
  const kept: Quad[] = [];
  for (const q of quads) {
    const ours =
      q.predicate.value === rdf('type') ? types.has(q.object.value) : properties.has(q.predicate.value);
    (ours ? modelled : kept).push(q);
  }
  return { modelled, kept };
}

/** The handlers of /api/{collection}/{id} and of POST /api/{collection}. */
export class MemberHandlers {
  private readonly serial = new Serial();
  private readonly model: ApiModel;
  private readonly members: Members;
  private readonly publicUrl: string | undefined;

  constructor(model: ApiModel, members: Members, publicUrl: string | undefined) {
    this.model = model;
    this.members = members;
    this.publicUrl = publicUrl;
  }

  /** The collection named in REQ's path; 404 for any other name. */
  resource(req: Request): ApiResource {
    const resource = this.model.byPath.get(String(req.params.collection));
    if (resource) return resource;
    throw new HttpError(404, `there is no collection /api/${String(req.params.collection).slice(0, 60)}`, {
      type: 'not-found',
      extra: { collections: [...this.model.byPath.keys()] },
    });
  }

  /** The JSON-LD document of a member: its JSON with the context's URL. */
  document(req: Request, resource: ApiResource, iri: string, quads: readonly Quad[]) {
    return { '@context': this.contextUrl(req), ...this.json(resource, iri, quads) };
  }

  /** The JSON of the member IRI of RESOURCE, from its statements QUADS, without the context. */
  json(resource: ApiResource, iri: string, quads: readonly Quad[]): Record<string, unknown> {
    return resourceJson(resource, iri, quads, this.model.terms);
  }

  contextUrl(req: Request): string {
    return serviceUrl(req, this.publicUrl, `/api/context/${CONTEXT_VERSION}.jsonld`);
  }

  get = async (req: Request, res: Response) => {
    const { resource, iri } = this.target(req);
    const quads = await this.current(resource, iri);
    if (!quads) throw this.notFound(resource, req);
    const etag = etagOf(quads);
    res.set('ETag', etag);
    if (req.get('if-none-match') && matches(req.get('if-none-match')!, etag, false))
      return void res.status(304).end();
    sendRepresentation(
      req,
      res,
      () => this.document(req, resource, iri, quads),
      () => quads,
    );
  };

  create = async (req: Request, res: Response) => {
    const resource = this.resource(req);
    const body = req.body as Record<string, unknown>;
    const id = this.newId(resource, body);
    const iri = `${ID_BASE}${resource.idKind}/${id}`;
    const quads = resourceQuads(resource, iri, body);
    await this.serial.run(async () => {
      if (await this.current(resource, iri, true)) {
        throw new HttpError(409, `${resource.path}/${id} exists already; change it with PUT or PATCH`, {
          type: 'conflict',
          headers: { Location: this.location(req, resource, id) },
        });
      }
      await this.members.replace([], quads);
    });
    this.written(req, res.status(201).location(this.location(req, resource, id)), resource, iri, quads);
  };

  replace = async (req: Request, res: Response) => {
    const { resource, iri, id } = this.target(req, true);
    const body = this.withId(resource, req.body as Record<string, unknown>, id);
    const quads = resourceQuads(resource, iri, body);
    const { before, kept } = await this.serial.run(async () => {
      const before = await this.current(resource, iri, true);
      this.preconditions(req, before);
      const { modelled, kept } = splitModelled(resource, before ?? []);
      await this.members.replace(modelled, quads);
      return { before, kept };
    });
    if (!before) res.status(201).location(this.location(req, resource, id));
    this.written(req, res, resource, iri, [...quads, ...kept]);
  };

  patch = async (req: Request, res: Response) => {
    const { resource, iri, id } = this.target(req, true);
    const quads = await this.serial.run(async () => {
      const before = await this.current(resource, iri, true);
      if (!before) throw this.notFound(resource, req);
      this.preconditions(req, before);
      const { modelled, kept } = splitModelled(resource, before);
      const merged = mergePatch(this.json(resource, iri, modelled), req.body);
      const body = this.withId(resource, merged as Record<string, unknown>, id);
      const after = resourceQuads(resource, iri, body);
      await this.members.replace(modelled, after);
      return [...after, ...kept];
    });
    this.written(req, res, resource, iri, quads);
  };

  delete = async (req: Request, res: Response) => {
    const { resource, iri } = this.target(req, true);
    const cascade = req.query.cascade === 'true';
    await this.serial.run(async () => {
      const before = await this.current(resource, iri, true);
      if (!before) throw this.notFound(resource, req);
      this.preconditions(req, before);
      const doomed = cascade ? await cascadeOf(this.members, this.model.resources, iri) : [iri];
      if (!doomed)
        throw new HttpError(413, `deleting ${iri} would take more than ${MAX_CASCADE} members with it`);
      if (!cascade) await this.refuseIfReferred(iri);
      await this.members.delete(doomed);
    });
    res.status(204).end();
  };

  /** The collection, member IRI and id of REQ's path; a write to an append-only collection is a 405. */
  private target(req: Request, write = false) {
    const resource = this.resource(req);
    const id = String(req.params.id);
    if (!memberId.test(id)) {
      throw new ApiInputError(`'${id.slice(0, 60)}' is not a member id`, {
        fix: "An id is letters, digits, '.', '_', '~' or '-', starting with a letter or digit.",
        pointer: '/path/id',
      });
    }
    if (write && resource.appendOnly) {
      throw new HttpError(
        405,
        `${resource.path} are appended and read only: POST new ones to /api/${resource.path}`,
        {
          headers: { Allow: 'GET, HEAD' },
        },
      );
    }
    return { resource, id, iri: `${ID_BASE}${resource.idKind}/${id}` };
  }

  /** The member's statements when it is one of RESOURCE, else undefined. */
  private async current(resource: ApiResource, iri: string, any = false): Promise<Quad[] | undefined> {
    const quads = await this.members.statements([iri]);
    const types = quads.filter((q) => q.predicate.value === rdf('type')).map((q) => q.object.value);
    if (quads.length === 0) return undefined;
    if (any || types.some((t) => t === resource.class || resource.types.includes(t))) return quads;
    return undefined;
  }

  private preconditions(req: Request, before: Quad[] | undefined): void {
    const etag = before ? etagOf(before) : undefined;
    const ifMatch = req.get('if-match');
    if (ifMatch !== undefined && !matches(ifMatch, etag, true)) {
      throw new HttpError(
        412,
        `the member has changed (its ETag is ${etag ?? 'none: it does not exist'}); GET it again and retry`,
        {
          type: 'precondition-failed',
        },
      );
    }
    const ifNoneMatch = req.get('if-none-match');
    if (ifNoneMatch !== undefined && matches(ifNoneMatch, etag, false)) {
      throw new HttpError(412, 'the member exists (If-None-Match); PUT without If-None-Match to replace it', {
        type: 'precondition-failed',
      });
    }
  }

  private async refuseIfReferred(iri: string): Promise<void> {
    const refs = await this.members.referrers([iri], 20);
    if (refs.length === 0) return;
    const some = `${refs.length}${refs.length === 20 ? ' or more' : ''}`;
    const example = `<${refs[0]!.referrer}> <${refs[0]!.property}>`;
    const fix =
      'change or delete those first, or DELETE with ?cascade=true: members that require this one go with it, ' +
      'other references to it are removed';
    throw new HttpError(409, `${some} statements refer to ${iri}, e.g. ${example}; ${fix}`, {
      type: 'referenced',
      extra: { referrers: refs.map((r) => ({ referrer: r.referrer, property: r.property })) },
    });
  }

  private newId(resource: ApiResource, body: Record<string, unknown>): string {
    const name = resource.idName;
    if (!name) return randomUUID();
    const id = body?.[name];
    if (typeof id === 'string' && memberId.test(id)) return id;
    throw new ApiInputError(
      `"${name}" is ${id === undefined ? 'missing' : JSON.stringify(id).slice(0, 60)}`,
      {
        fix: `Give ${resource.path} a "${name}": letters, digits, '.', '_', '~' or '-'; it names the member.`,
        pointer: `/${name}`,
      },
    );
  }

  /** BODY with the id property of RESOURCE set to ID when absent; a different one is a 400. */
  private withId(resource: ApiResource, body: Record<string, unknown>, id: string): Record<string, unknown> {
    const name = resource.idName;
    if (!name || typeof body !== 'object' || body === null) return body;
    if (body[name] === undefined || body[name] === null) return { ...body, [name]: id };
    if (body[name] !== id) {
      throw new ApiInputError(
        `"${name}" is ${JSON.stringify(body[name]).slice(0, 60)}, but the path names ${id}`,
        {
          fix: `Leave "${name}" out or give ${JSON.stringify(id)}; to rename a member, POST the new one and DELETE the old.`,
          pointer: `/${name}`,
        },
      );
    }
    return body;
  }

  private written(req: Request, res: Response, resource: ApiResource, iri: string, quads: readonly Quad[]) {
    res.set('ETag', etagOf(quads));
    sendRepresentation(
      req,
      res,
      () => this.document(req, resource, iri, quads),
      () => quads,
    );
  }

  private location(req: Request, resource: ApiResource, id: string): string {
    return serviceUrl(req, this.publicUrl, `/api/${resource.path}/${encodeURIComponent(id)}`);
  }

  private notFound(resource: ApiResource, req: Request) {
    return new HttpError(
      404,
      `there is no ${resource.path}/${String(req.params.id).slice(0, 60)}; list /api/${resource.path} to see what there is`,
      {
        type: 'not-found',
      },
    );
  }
}

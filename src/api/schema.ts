import type { Quad, Term } from '@rdfjs/types';
import { IndexedGraph } from '../rdf/graph.ts';
import { namedNode } from '../rdf/terms.ts';
import { IG_BASE, rdf, rdfs, sh, xsd } from '../vocab.ts';
import type { ResourceKind } from './resources.ts';

/** How a property's values appear in JSON. */
export type ValueKind =
  /** A literal of DATATYPE: a JSON string, number (integers) or boolean. */
  | { readonly kind: 'literal'; readonly datatype: string }
  /** A term of a controlled vocabulary: its local name in NAMESPACE, e.g. "qcow2"; MEMBERS, the local names. */
  | { readonly kind: 'vocabulary'; readonly namespace: string; readonly members: readonly string[] }
  /** Another resource: its IRI relative to the id base, e.g. "customer/1", or an absolute IRI. */
  | { readonly kind: 'reference' };

/** One property of a resource as the API shows it. */
export interface ApiProperty {
  /** The JSON key: the property's local name in the ig: namespace. */
  readonly name: string;
  readonly iri: string;
  readonly value: ValueKind;
  /** At most one value (sh:maxCount 1): a JSON value, else a JSON array. */
  readonly single: boolean;
  /** At least one value is required (sh:minCount ≥ 1 with the severity Violation). */
  readonly required: boolean;
}

/** A resource kind with the properties its shapes declare. */
export interface ApiResource extends ResourceKind {
  readonly properties: ReadonlyMap<string, ApiProperty>;
  /** The JSON key of the id property, when the collection has one (imageId, …). */
  readonly idName?: string | undefined;
}

const iri = (t: Term | undefined) => (t?.termType === 'NamedNode' ? t.value : undefined);
const integer = (t: Term | undefined) => (t ? Number(t.value) : undefined);

/** The classes of the ontology that CLASS is, itself included (rdfs:subClassOf, transitively). */
function superClasses(ontology: IndexedGraph, cls: string): Set<string> {
  const found = new Set([cls]);
  for (const c of found) {
    for (const parent of ontology.objects(namedNode(c), rdfs('subClassOf'))) {
      if (parent.termType === 'NamedNode') found.add(parent.value);
    }
  }
  return found;
}

/** The controlled vocabulary of CLASS, when the ontology lists members of it: their namespace and names. */
function vocabularyOf(ontology: IndexedGraph, cls: string): ValueKind | undefined {
  const members = ontology.subjects(rdf('type'), namedNode(cls)).filter((m) => m.termType === 'NamedNode');
  if (members.length === 0) return undefined;
  const namespace = members[0]!.value.slice(0, members[0]!.value.lastIndexOf('#') + 1);
  const names = members
    .filter((m) => m.value.startsWith(namespace))
    .map((m) => m.value.slice(namespace.length));
  return { kind: 'vocabulary', namespace, members: names.sort() };
}

/** The JSON form of the values of PROPERTY, from what its shapes say, else from the ontology's range. */
function valueKind(
  shapes: IndexedGraph,
  ontology: IndexedGraph,
  shapesOf: Term[],
  property: string,
): ValueKind {
  const first = (p: string) => shapesOf.map((s) => iri(shapes.objects(s, sh(p))[0])).find(Boolean);
  const fromIn = shapesOf.flatMap((s) => shapes.objects(s, sh('in')).slice(0, 1))[0];
  const datatype =
    first('datatype') ??
    (fromIn ? literalDatatypeOfList(shapes, fromIn) : undefined) ??
    iri(ontology.objects(namedNode(property), rdfs('range'))[0]);
  const cls = first('class') ?? datatype;
  if (datatype?.startsWith(xsd())) return { kind: 'literal', datatype };
  return (cls ? vocabularyOf(ontology, cls) : undefined) ?? { kind: 'reference' };
}

/** The datatype of the first member of the RDF list LIST (sh:in of literals), if it is a literal. */
function literalDatatypeOfList(shapes: IndexedGraph, list: Term): string | undefined {
  const head = shapes.objects(list, rdf('first'))[0];
  return head?.termType === 'Literal' ? head.datatype.value : undefined;
}

/**
 * The API's view of KIND: every property that a shape targeting its class (or one of its types or their
 * superclasses) constrains through sh:property with a plain IRI path in the ig: namespace.
 */
export function describeResource(
  kind: ResourceKind,
  shapeQuads: readonly Quad[],
  ontologyQuads: readonly Quad[],
): ApiResource {
  const shapes = new IndexedGraph(shapeQuads);
  const ontology = new IndexedGraph(ontologyQuads);
  const classes = new Set([kind.class, ...kind.types].flatMap((c) => [...superClasses(ontology, c)]));
  const nodeShapes = [...classes].flatMap((c) => shapes.subjects(sh('targetClass'), namedNode(c)));
  const byPath = new Map<string, Term[]>();
  for (const shape of nodeShapes) {
    for (const ps of shapes.objects(shape, sh('property'))) {
      const path = iri(shapes.objects(ps, sh('path'))[0]);
      if (path?.startsWith(IG_BASE)) byPath.set(path, [...(byPath.get(path) ?? []), ps]);
    }
  }
  const properties = new Map<string, ApiProperty>();
  for (const [path, shapesOf] of byPath) {
    const violation = (s: Term) => iri(shapes.objects(s, sh('severity'))[0]) === undefined;
    const name = path.slice(IG_BASE.length);
    properties.set(name, {
      name,
      iri: path,
      value: valueKind(shapes, ontology, shapesOf, path),
      single: shapesOf.some((s) => integer(shapes.objects(s, sh('maxCount'))[0]) === 1),
      required: shapesOf.some(
        (s) => violation(s) && (integer(shapes.objects(s, sh('minCount'))[0]) ?? 0) > 0,
      ),
    });
  }
  const idName = kind.idProperty?.slice(IG_BASE.length);
  return { ...kind, properties, idName };
}

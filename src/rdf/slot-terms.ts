import type { Term } from '@rdfjs/types';
import { BlankNode, Literal, NamedNode } from 'n3';

/*
 * The terms a TermTable (term-table.ts) makes: N3.js terms, so that N3.js compares and keys them by their id
 * as any other, with what lookups need kept in private fields (invisible to equality in tests and to
 * serialisation). An IRI or a blank node knows its table and slot: finding its slot is then two field reads,
 * not a lookup in a map of every term. A literal keeps its parts.
 */

class SlotIri extends NamedNode {
  readonly #owner: object;
  readonly #slot: number;

  constructor(iri: string, owner: object, slot: number) {
    super(iri);
    this.#owner = owner;
    this.#slot = slot;
  }

  static slotIn(term: object, owner: object): number {
    return #slot in term && term.#owner === owner ? term.#slot : -1;
  }
}

class SlotBlankNode extends BlankNode {
  readonly #owner: object;
  readonly #slot: number;

  constructor(label: string, owner: object, slot: number) {
    super(label);
    this.#owner = owner;
    this.#slot = slot;
  }

  static slotIn(term: object, owner: object): number {
    return #slot in term && term.#owner === owner ? term.#slot : -1;
  }
}

/** N3.js's literal with the parts PartsLiteral keeps itself left to it. */
const LiteralBase = Literal as unknown as new (
  id: string,
) => Omit<Literal, 'value' | 'language' | 'datatype' | 'datatypeString'>;

/**
 * A literal that keeps its value, language and datatype: N3.js's literals cut them out of the id on every
 * read (and make a new datatype term), and validation reads them for every value it checks.
 */
class PartsLiteral extends LiteralBase {
  readonly #value: string;
  readonly #language: string;
  readonly #datatype: NamedNode;

  constructor(id: string, value: string, language: string, datatype: NamedNode) {
    super(id);
    this.#value = value;
    this.#language = language;
    this.#datatype = datatype;
  }

  get value(): string {
    return this.#value;
  }

  get language(): string {
    return this.#language;
  }

  get datatype(): NamedNode {
    return this.#datatype;
  }

  get datatypeString(): string {
    return this.#datatype.value;
  }
}

/** The IRI, for OWNER's SLOT. */
export const slotIri = (iri: string, owner: object, slot: number): Term => new SlotIri(iri, owner, slot);

/** The blank node, for OWNER's SLOT. */
export const slotBlankNode = (label: string, owner: object, slot: number): Term =>
  new SlotBlankNode(label, owner, slot);

/** The literal whose N3.js id is ID, made of VALUE, LANGUAGE (lower case, or '') and DATATYPE. */
export const partsLiteral = (id: string, value: string, language: string, datatype: NamedNode): Term =>
  new PartsLiteral(id, value, language, datatype) as unknown as Term;

/** The slot of TERM when OWNER made it (an IRI or a blank node), else -1. */
export function slotIn(term: Term, owner: object): number {
  const slot = SlotIri.slotIn(term, owner);
  return slot >= 0 ? slot : SlotBlankNode.slotIn(term, owner);
}

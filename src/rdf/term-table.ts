import type { Term } from '@rdfjs/types';
import { NamedNode } from 'n3';
import { partsLiteral, slotBlankNode, slotIn, slotIri } from './slot-terms.ts';
import { termKey } from './terms.ts';

/** The key of the empty IRI (N3.js keys the default graph as ''). */
const EMPTY_IRI_KEY = termKey(new NamedNode(''));

/**
 * The terms of a graph, numbered by slots (0, 1, 2, … in order of first sight) that the graph's log and
 * indexes store instead of the terms. IRIs and blank nodes (and RDF 1.2 triple terms) are interned: one
 * slot each, found by key (termKey, N3.js's id), and the table's own IRIs and blank nodes, which lookups
 * hand out, know their slot (slot-terms.ts). Literals are not interned: each occurrence gets a slot of its
 * own, so that reading data never looks one up among all the others (most literals occur once); the
 * indexes compare literals by key where they must (adjacency.ts).
 */
export class TermTable {
  private readonly slots = new Map<string, number>();
  private readonly terms: Term[] = [];
  /** One byte a slot: 1 for a literal. */
  private literalFlags = new Uint8Array(1024);
  /** The datatypes the literals name, one term each (N3.js's datatype getter makes a new one every call). */
  private readonly datatypes = new Map<string, NamedNode>();

  get size(): number {
    return this.terms.length;
  }

  /** The term in SLOT. */
  term(slot: number): Term {
    return this.terms[slot]!;
  }

  /** Every term, by slot. */
  all(): readonly Term[] {
    return this.terms;
  }

  /** Which slots hold literals: 1 at those (the array may be longer than the table). */
  literals(): Uint8Array {
    return this.literalFlags;
  }

  /** The slot of TERM, an IRI or a blank node (or a triple term), or -1 when the table does not hold it. */
  slotOf(term: Term): number {
    const slot = slotIn(term, this);
    if (slot >= 0 || term.termType === 'Literal') return slot;
    return this.slots.get(termKey(term)) ?? -1;
  }

  /** The slot of the IRI or blank node (or triple term) whose key is KEY, or undefined. */
  slotOfKey(key: string): number | undefined {
    return this.slots.get(key);
  }

  /** The slot of TERM: interned if new, or a new one for a literal. */
  intern(term: Term): number {
    if (term.termType === 'Literal') {
      return this.addLiteral(termKey(term), term.value, term.language, this.datatype(term.datatype.value));
    }
    const key = termKey(term);
    const slot = this.slots.get(key);
    if (slot !== undefined) return slot;
    if (term.termType === 'NamedNode') return this.addIri(term.value);
    if (term.termType === 'BlankNode') return this.addBlankNode(term.value);
    return this.add(key, term);
  }

  /** The slot of the IRI, or -1 when the table does not hold it. */
  slotOfIri(iri: string): number {
    return this.slots.get(iri === '' ? EMPTY_IRI_KEY : iri) ?? -1;
  }

  /** The slot of the IRI, interned if new. */
  iri(iri: string): number {
    const slot = this.slotOfIri(iri);
    return slot >= 0 ? slot : this.addIri(iri);
  }

  /** Adds the IRI, which the table must not hold yet; its slot. */
  addIri(iri: string): number {
    const term = slotIri(iri, this, this.terms.length);
    return this.add(termKey(term), term);
  }

  /** Adds the blank node, which the table must not hold yet; its slot. */
  addBlankNode(label: string): number {
    const term = slotBlankNode(label, this, this.terms.length);
    return this.add(termKey(term), term);
  }

  /**
   * Adds an occurrence of the literal whose key (N3.js id) is KEY, made of VALUE, LANGUAGE (lower case, or '')
   * and DATATYPE (see datatype); its slot.
   */
  addLiteral(key: string, value: string, language: string, datatype: NamedNode): number {
    const slot = this.add(undefined, partsLiteral(key, value, language, datatype));
    this.literalFlags[slot] = 1;
    return slot;
  }

  /** The one term for the datatype IRI, for the literals of the table. */
  datatype(iri: string): NamedNode {
    let term = this.datatypes.get(iri);
    if (!term) {
      term = new NamedNode(iri);
      this.datatypes.set(iri, term);
    }
    return term;
  }

  /** Adds TERM, found by KEY unless that is undefined; its slot. */
  private add(key: string | undefined, term: Term): number {
    const slot = this.terms.length;
    this.terms.push(term);
    if (key !== undefined) this.slots.set(key, slot);
    if (slot === this.literalFlags.length) {
      const wider = new Uint8Array(slot * 2);
      wider.set(this.literalFlags);
      this.literalFlags = wider;
    }
    return slot;
  }
}

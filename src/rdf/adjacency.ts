import type { Term } from '@rdfjs/types';
import type { StatementLog } from './statement-log.ts';
import type { TermTable } from './term-table.ts';
import { termKey } from './terms.ts';

/** Which end of a statement an adjacency is keyed by. */
export type Direction = 'forward' | 'backward';

/**
 * One direction of a graph's index, built from its statement log in a few linear passes: for each key term
 * (the subject, forward; the object, backward) its statements grouped by predicate, the groups in the order
 * their first statement was added, and in each group the terms at the other end in the order added, each
 * once. Keys and predicates are slots (term-table.ts), in typed arrays laid out as compressed sparse rows,
 * and the other ends are the terms themselves, side by side: a lookup reads a few neighbouring numbers and
 * copies a run of terms, and building allocates a handful of arrays whatever the size of the graph.
 *
 * Literals are not interned, so they are told apart by key: a literal key is indexed under the slot of its
 * first occurrence, and a literal at the other end is dropped when its group holds an equal one.
 */
export class Adjacency {
  /** The groups of key K are FIRSTGROUP[K] up to FIRSTGROUP[K + 1]. */
  private readonly firstGroup: Int32Array;
  /** Group G's predicate at 2G, and where its other ends start at 2G + 1 (they end where G + 1's start). */
  private readonly groups: Int32Array;
  private readonly groupKey: Int32Array;
  /** The log position of the statement that opened each group. */
  private readonly groupOpened: Int32Array;
  private readonly otherEnds: Term[];
  /** The slot a literal key is indexed under, by the literal's key (termKey). */
  private readonly literalKeys = new Map<string, number>();
  private readonly byPredicate = new Map<number, number[]>();

  /**
   * Indexes the first LENGTH statements of LOG, whose terms are in TABLE, by DIRECTION. REPEATED (one byte a
   * statement) marks those to leave out, and gets the repeats found marked: building forward finds them all,
   * so the backward adjacencies are built with the forward one's marks. With PREDICATE, only the statements
   * with that predicate are indexed.
   */
  constructor(
    log: StatementLog,
    length: number,
    table: TermTable,
    direction: Direction,
    repeated: Uint8Array,
    predicate = -1,
  ) {
    const terms = table.all();
    const literal = table.literals();
    const keys = direction === 'forward' ? log.subjects : log.objects;
    const others = direction === 'forward' ? log.objects : log.subjects;
    const indexed = (i: number) => repeated[i] === 0 && (predicate < 0 || log.predicates[i] === predicate);
    const keyOf = (i: number) =>
      literal[keys[i]!] === 1 ? this.literalKey(terms[keys[i]!]!, keys[i]!) : keys[i]!;
    const byKey = sortByKey(length, terms.length, indexed, keyOf);
    const grouped = groupByPredicate(byKey, log.predicates, length, terms.length);
    const { groups } = grouped;
    // The statements by group, in the order added; then each group's other ends, each once.
    const byGroup = new Int32Array(byKey.order.length);
    const fill = grouped.start.slice(0, groups);
    for (let i = 0; i < length; i++) if (indexed(i)) byGroup[fill[grouped.of[i]!]!++] = i;
    const otherMark = new Int32Array(terms.length);
    const literals = new SeenLiterals();
    const ends: Term[] = [];
    this.groups = new Int32Array(2 * groups + 2);
    for (let g = 0; g < groups; g++) {
      this.groups[2 * g] = grouped.predicate[g]!;
      this.groups[2 * g + 1] = ends.length;
      for (let j = grouped.start[g]!; j < grouped.start[g + 1]!; j++) {
        const i = byGroup[j]!;
        const other = others[i]!;
        const repeats = literal[other] === 1 ? literals.seen(g, terms[other]!) : otherMark[other] === g + 1;
        if (repeats) {
          repeated[i] = 1;
          continue;
        }
        otherMark[other] = g + 1;
        ends.push(terms[other]!);
      }
    }
    this.groups[2 * groups] = -1;
    this.groups[2 * groups + 1] = ends.length;
    this.otherEnds = ends;
    this.firstGroup = grouped.first;
    this.groupKey = grouped.key.slice(0, groups);
    this.groupOpened = grouped.opened.slice(0, groups);
  }

  /** How many statements are indexed (repeats left out). */
  get size(): number {
    return this.otherEnds.length;
  }

  /** The key slot of TERM (in TABLE, which the adjacency was built from), or -1. */
  keyOf(term: Term, table: TermTable): number {
    const slot = table.slotOf(term);
    if (slot >= 0 || term.termType !== 'Literal') return slot;
    return this.literalKeys.get(termKey(term)) ?? -1;
  }

  /** Whether KEY has statements. */
  has(key: number): boolean {
    return key >= 0 && key < this.firstGroup.length - 1 && this.firstGroup[key]! < this.firstGroup[key + 1]!;
  }

  /** The group of KEY's statements with PREDICATE, or -1. */
  find(key: number, predicate: number): number {
    if (key < 0 || key >= this.firstGroup.length - 1) return -1;
    for (let g = this.firstGroup[key]!, end = this.firstGroup[key + 1]!; g < end; g++) {
      if (this.groups[2 * g] === predicate) return g;
    }
    return -1;
  }

  /** The terms at the other ends of group G. */
  others(g: number): Term[] {
    return this.otherEnds.slice(this.groups[2 * g + 1], this.groups[2 * g + 3]);
  }

  /** The predicates of KEY's statements, in the order first added. */
  predicates(key: number): number[] {
    const found: number[] = [];
    if (key < 0 || key >= this.firstGroup.length - 1) return found;
    for (let g = this.firstGroup[key]!; g < this.firstGroup[key + 1]!; g++) found.push(this.groups[2 * g]!);
    return found;
  }

  /** The keys with a statement with PREDICATE, in the order of the first such statement of each. */
  keysWith(predicate: number): readonly number[] {
    let keys = this.byPredicate.get(predicate);
    if (!keys) {
      const groups: number[] = [];
      for (let g = 0; g < this.groupKey.length; g++) if (this.groups[2 * g] === predicate) groups.push(g);
      groups.sort((a, b) => this.groupOpened[a]! - this.groupOpened[b]!);
      keys = groups.map((g) => this.groupKey[g]!);
      this.byPredicate.set(predicate, keys);
    }
    return keys;
  }

  /** The slot the literal key LITERAL, in SLOT, is indexed under: the first slot of an equal one. */
  private literalKey(literal: Term, slot: number): number {
    const key = termKey(literal);
    const first = this.literalKeys.get(key);
    if (first !== undefined) return first;
    this.literalKeys.set(key, slot);
    return slot;
  }
}

/** The log positions of the statements, by key. */
interface KeyOrder {
  /** The statements of key K are ORDER[START[K]] up to ORDER[START[K + 1]], in the order added. */
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/**
 * The first LENGTH statements of a log that are INDEXED, by the key KEYOF gives each (below SIZE): a counting
 * sort, stable, so that each key's statements stay in the order added.
 */
function sortByKey(
  length: number,
  size: number,
  indexed: (i: number) => boolean,
  keyOf: (i: number) => number,
): KeyOrder {
  const keys = new Int32Array(length);
  const start = new Int32Array(size + 1);
  for (let i = 0; i < length; i++) {
    if (!indexed(i)) continue;
    keys[i] = keyOf(i);
    start[keys[i]! + 1]!++;
  }
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(start[size]!);
  const cursor = start.slice(0, size);
  for (let i = 0; i < length; i++) if (indexed(i)) order[cursor[keys[i]!]!++] = i;
  return { start, order };
}

/**
 * The statements of each key (of the first LENGTH in the log, slots below SIZE) grouped by predicate; the
 * groups numbered key after key and, within a key, in the order their predicates were first added
 * (predicates are marked per key, so one pass over each key's statements will do).
 */
function groupByPredicate(byKey: KeyOrder, predicates: Int32Array, length: number, size: number) {
  const statements = byKey.order.length;
  const grouped = {
    groups: 0,
    /** The groups of key K are FIRST[K] up to FIRST[K + 1]. */
    first: new Int32Array(size + 1),
    predicate: new Int32Array(statements),
    key: new Int32Array(statements),
    /** The log position of the statement that opened each group. */
    opened: new Int32Array(statements),
    /** Group G's statements are START[G] up to START[G + 1] of them all, in group order. */
    start: new Int32Array(statements + 1),
    /** The group of each statement, by log position. */
    of: new Int32Array(length),
  };
  const mark = new Int32Array(size);
  const groupOf = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    grouped.first[k] = grouped.groups;
    for (let j = byKey.start[k]!; j < byKey.start[k + 1]!; j++) {
      const i = byKey.order[j]!;
      const p = predicates[i]!;
      if (mark[p] !== k + 1) {
        const g = grouped.groups++;
        mark[p] = k + 1;
        groupOf[p] = g;
        grouped.predicate[g] = p;
        grouped.key[g] = k;
        grouped.opened[g] = i;
      }
      grouped.of[i] = groupOf[p]!;
      grouped.start[groupOf[p]! + 1]!++;
    }
  }
  grouped.first[size] = grouped.groups;
  for (let g = 0; g < grouped.groups; g++) grouped.start[g + 1]! += grouped.start[g]!;
  return grouped;
}

/**
 * The literals at the other ends of the group being filled, to find repeats among them: compared one by one
 * (most groups hold one literal, or a few), or, when there are many, looked up by key.
 */
class SeenLiterals {
  private group = -1;
  private readonly literals: Term[] = [];
  private many: Set<string> | undefined;

  /** Whether a literal equal to LITERAL was seen in group G (the one being filled); notes it if not. */
  seen(g: number, literal: Term): boolean {
    if (g !== this.group) {
      this.group = g;
      this.literals.length = 0;
      this.many = undefined;
    }
    if (this.many) {
      const key = termKey(literal);
      if (this.many.has(key)) return true;
      this.many.add(key);
      return false;
    }
    for (const other of this.literals) if (other.equals(literal)) return true;
    this.literals.push(literal);
    if (this.literals.length > 32) this.many = new Set(this.literals.map(termKey));
    return false;
  }
}

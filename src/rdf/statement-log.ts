/**
 * The statements of a graph as they were added, duplicates included: three columns of term slots (see
 * term-table.ts) in typed arrays that double as they fill. Reading a graph's indexes never needs more than
 * this log; they are built from it in a few passes (adjacency.ts).
 */
export class StatementLog {
  subjects = new Int32Array(1024);
  predicates = new Int32Array(1024);
  objects = new Int32Array(1024);
  length = 0;

  push(subject: number, predicate: number, object: number): void {
    if (this.length === this.subjects.length) this.grow();
    this.subjects[this.length] = subject;
    this.predicates[this.length] = predicate;
    this.objects[this.length] = object;
    this.length++;
  }

  private grow(): void {
    const wider = (column: Int32Array) => {
      const copy = new Int32Array(column.length * 2);
      copy.set(column);
      return copy;
    };
    this.subjects = wider(this.subjects);
    this.predicates = wider(this.predicates);
    this.objects = wider(this.objects);
  }
}

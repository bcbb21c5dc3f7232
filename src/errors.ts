/**
 * The one error type for bad input: what is wrong, where, and how to fix it.
 * The CLI turns it into exit code 2; the HTTP layer into a 4xx problem document.
 */
export class InputError extends Error {
  readonly where: string | undefined;
  readonly fix: string | undefined;
  readonly status: number;

  constructor(
    what: string,
    options: { where?: string; fix?: string; status?: number; cause?: unknown } = {},
  ) {
    super(what, { cause: options.cause });
    this.name = 'InputError';
    this.where = options.where;
    this.fix = options.fix;
    this.status = options.status ?? 400;
  }

  /** One readable paragraph: "WHERE: WHAT. FIX." */
  describe(): string {
    const head = this.where ? `${this.where}: ${this.message}` : this.message;
    return this.fix ? `${head}\n  ${this.fix}` : head;
  }
}

export const isInputError = (error: unknown): error is InputError => error instanceof InputError;

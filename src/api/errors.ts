import { HttpError } from '../http/http-error.ts';

/** A request body or parameter the API cannot accept (400), naming the JSON pointer of the culprit. */
export class ApiInputError extends HttpError {
  constructor(detail: string, options: { fix: string; pointer?: string }) {
    super(400, `${detail}. ${options.fix}`, {
      type: 'bad-request-body',
      title: 'Bad Request',
      extra: options.pointer ? { pointer: options.pointer } : {},
    });
  }
}

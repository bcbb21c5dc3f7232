import { HttpError } from './http-error.ts';

/**
 * The time limit a request asks for with the `timeout` parameter (seconds, decimals allowed): at most the
 * deployment's MAXMS, which is also the limit when the parameter is absent.
 */
export function requestTimeout(values: readonly string[], maxMs: number): number {
  if (values.length === 0) return maxMs;
  const range = `a number of seconds above 0 and at most ${maxMs / 1000}`;
  if (values.length > 1)
    throw new HttpError(400, `send the timeout parameter once, as ${range}`, { type: 'bad-timeout' });
  const text = values[0]!.trim();
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds > 0) || seconds * 1000 > maxMs) {
    throw new HttpError(400, `timeout=${JSON.stringify(values[0])} is not allowed; send ${range}`, {
      type: 'bad-timeout',
    });
  }
  return Math.ceil(seconds * 1000);
}

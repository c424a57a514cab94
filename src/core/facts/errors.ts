/** A fact that cannot be true or cannot be read; `path` points into the input (e.g. `events.3.date`). */
export class FactsError extends Error {
  readonly path: readonly (string | number)[];
  readonly code: string;
  constructor(code: string, message: string, path: readonly (string | number)[]) {
    super(message);
    this.name = 'FactsError';
    this.code = code;
    this.path = path;
  }
}

export function pathText(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

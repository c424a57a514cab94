/**
 * Today's calendar date on this device: the one place the web app reads the clock. The law core
 * gets it as its "as of" date. Read as local year, month and day, never through UTC, so a person
 * late in the evening is not told it is tomorrow.
 */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

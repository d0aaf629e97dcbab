/**
 * Argument checks and small array helpers shared by the pure money modules (line-helpers.ts,
 * regional.ts). Internal: not exported from the package.
 *
 * @module
 */

/** `values` when every entry is an integer ≥ 0 (minor units); else a RangeError naming the first bad one. */
export function minorSeries(name: string, values: readonly number[]): readonly number[] {
  const bad = values.findIndex((value) => !Number.isSafeInteger(value) || value < 0);
  if (bad >= 0) throw new RangeError(`${name}[${bad}] must be an integer ≥ 0 (minor units), not ${values[bad]}.`);
  return values;
}

/** `months` zeros. */
export const zeros = (months: number): number[] => new Array<number>(months).fill(0);

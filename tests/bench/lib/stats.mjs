export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Median and spread of one figure over its runs (the JSON keeps every run). One run without a
 * finite figure makes the whole figure NaN, so `--check` fails instead of a median of the rest.
 */
export function summary(runs) {
  const complete = runs.length > 0 && runs.every((v) => Number.isFinite(v));
  return {
    median: complete ? median(runs) : NaN,
    min: Math.min(...runs),
    max: Math.max(...runs),
    runs,
  };
}

export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

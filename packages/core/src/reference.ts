/**
 * The repository's reference folder (`reference/` at its top): the published facts Lantern is
 * checked against and reads at run time — the DfE's rule lists and XML schemas, the councils'
 * LA numbers, the statutory timescales. reference/README.md says where each file came from.
 * Not exported from the package index: the web app has no files to read.
 */
export const REFERENCE_FOLDER = new URL('../../../reference/', import.meta.url);

/** A file of the reference folder, by its path inside it (e.g. 'rules/cin-census-2025_26.tsv'). */
export function referenceFile(path: string): URL {
  return new URL(path, REFERENCE_FOLDER);
}

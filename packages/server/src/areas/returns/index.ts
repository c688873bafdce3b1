/**
 * The statutory returns — CIN census, SSDA903, Ofsted's Annex A: this area's face to the server
 * and the command line.
 */
export { annexARoutes } from './annex-a/routes.ts';
export { exportAnnexA } from './annex-a/export.ts';
export { COMMAND_LINE, importActor, type ReturnActor } from './audit.ts';
export { exportCinCensus } from './cin-census/export.ts';
export { importCinCensus } from './cin-census/import.ts';
export { readCinCensus } from './cin-census/parse.ts';
export { validateCinCensusFile } from './cin-census/validate.ts';
export { councilNamedOrOnly, finishImport, ImportRefused, MAX_NOT_PLACED, phasesText, priorImport } from './import-result.ts';
export { englishCouncils } from './reference.ts';
export { returnsRoutes } from './routes.ts';
export { EXPORT_TABLES, exportSsda903, fileNameOf } from './ssda903/export.ts';
export { importSsda903 } from './ssda903/import.ts';
export { loadPostcodesIntoDatabase, postcodeDirectorySize, postcodesFromDatabase } from './ssda903/postcode-table.ts';

/**
 * src/sim/servicemodel: the reader and validator of the service model files users bring,
 * ServiceDefinition.csdef and ServiceConfiguration.cscfg of Azure Cloud Services (see
 * docs/servicemodels.md). Bytes are decoded (decode.ts) and parsed with positions
 * (xml.ts), read into typed data (csdef.ts, cscfg.ts), checked (validate.ts, merge.ts),
 * and checked against the data center: VM role images (images.ts) and host hardware
 * (fits.ts). Every diagnostic names file, line, column and element. Pure ES2022.
 */
export { loadConfiguration, loadDefinition, loadServiceModel, parseSourceFile } from './load';
export type { LoadOptions, LoadResult, SourceFile } from './load';
export { DiagnosticList, hasErrors, sortDiagnostics } from './diagnostics';
export type { Diagnostic, Severity, Where } from './diagnostics';
export { checkFits, DEFAULT_HOST } from './fits';
export type { HostHardware } from './fits';
export { DEFAULT_IMAGES, defaultImageStore, ImageStore, ImageStoreError, MAX_VHD_GIB } from './images';
export type { VhdImage } from './images';
export { DEFAULT_VM_SIZE, describeHardware, VM_SIZES, vmSize } from './sizes';
export type { VmSize } from './sizes';
export { MAX_FILE_BYTES } from './decode';
export { CONFIGURATION_NS, DEFINITION_NS, ROLE_TYPES, at } from './model';
export type * from './model';
export type { XmlAttribute, XmlElement } from './xml';

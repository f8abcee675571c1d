/**
 * The service model as read from a ServiceDefinition.csdef and a
 * ServiceConfiguration.cscfg: what the definition fixes for a deployment (roles, sizes,
 * endpoints, local storage, setting names, upgrade domains) joined with what the
 * configuration sets (instance counts, setting values, certificate thumbprints). Every
 * part remembers where it was read (`src`), so a rule or the UI can point at it. What
 * the simulator does not model is kept, either as raw XML (`XmlElement`) or as an
 * `Unmodelled` entry, never dropped. Plain data: it can be posted to a worker.
 */

import type { Where } from './diagnostics';
import type { Pos } from './position';
import type { VmSize } from './sizes';
import type { XmlElement } from './xml';

export const DEFINITION_NS = 'http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition';
export const CONFIGURATION_NS = 'http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration';

/** Where an element was read, with the positions of its attributes. */
export interface Src extends Where {
  readonly attrs: readonly (Pos & { readonly name: string })[];
}

/** The position of an attribute of an element read at `src`, or of the element when the attribute is absent. */
export function at(src: Src, attribute?: string): Where {
  const a = attribute === undefined ? undefined : src.attrs.find((x) => x.name === attribute);
  return { file: src.file, line: (a ?? src).line, column: (a ?? src).column, element: src.element };
}

export type RoleType = 'WebRole' | 'WorkerRole' | 'VirtualMachineRole';
export const ROLE_TYPES: readonly RoleType[] = ['WebRole', 'WorkerRole', 'VirtualMachineRole'];

export type TopologyChangeDiscovery = 'Blast' | 'UpgradeDomainWalk';
export type ExecutionContext = 'limited' | 'elevated';
export type TaskType = 'simple' | 'foreground' | 'background';

/** Something in a file that the simulator does not model: kept and shown, not simulated. */
export interface Unmodelled extends Where {
  readonly kind: 'element' | 'attribute';
  /** Qualified name as written. */
  readonly name: string;
  /** Path of the parent, e.g. `ServiceDefinition/WebRole[Web]`. */
  readonly parent: string;
  /** The element itself (for `kind: 'element'`). */
  readonly raw?: XmlElement;
  /** The value (for `kind: 'attribute'`). */
  readonly value?: string;
}

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

export interface InputEndpoint {
  readonly kind: 'input';
  readonly name: string;
  /** http | https | tcp | udp (undefined when missing or not one of these; an error says so). */
  readonly protocol: string | undefined;
  readonly port: number | undefined;
  /** The port inside the instance: defaults to `port`; `*` lets the fabric choose. */
  readonly localPort: number | '*' | undefined;
  readonly certificate: string | undefined;
  readonly loadBalancerProbe: string | undefined;
  readonly ignoreRoleInstanceStatus: boolean;
  readonly src: Src;
}

export interface InternalEndpoint {
  readonly kind: 'internal';
  readonly name: string;
  /** http | tcp | udp | any. */
  readonly protocol: string | undefined;
  readonly port: number | '*' | undefined;
  readonly fixedPorts: readonly number[];
  readonly fixedPortRanges: readonly PortRange[];
  readonly src: Src;
}

export interface InstanceInputEndpoint {
  readonly kind: 'instanceInput';
  readonly name: string;
  /** tcp | udp. */
  readonly protocol: string | undefined;
  readonly localPort: number | undefined;
  /** The public ports handed out one per instance (AllocatePublicPortFrom/FixedPortRange). */
  readonly publicPorts: PortRange | undefined;
  readonly src: Src;
}

export type Endpoint = InputEndpoint | InternalEndpoint | InstanceInputEndpoint;

export interface LocalStorage {
  readonly name: string;
  /** Default 100 MB. */
  readonly sizeInMB: number;
  /** Default true: the storage is wiped when the role recycles. */
  readonly cleanOnRoleRecycle: boolean;
  readonly src: Src;
}

/** An environment variable of a startup task or of the role's runtime. */
export interface EnvironmentVariable {
  readonly name: string;
  readonly value: string | undefined;
  /** The xpath of a `RoleInstanceValue`, resolved by the guest agent at run time. */
  readonly roleInstanceValue: string | undefined;
  readonly src: Src;
}

export interface StartupTask {
  readonly commandLine: string;
  /** Default limited. */
  readonly executionContext: ExecutionContext;
  /** Default simple: the next task waits for this one to exit. */
  readonly taskType: TaskType;
  readonly environment: readonly EnvironmentVariable[];
  readonly src: Src;
}

export interface Runtime {
  readonly executionContext: ExecutionContext;
  readonly environment: readonly EnvironmentVariable[];
  /** `EntryPoint` as written (NetFxEntryPoint or ProgramEntryPoint). */
  readonly entryPoint: XmlElement | undefined;
  readonly src: Src;
}

export interface Import {
  readonly moduleName: string;
  readonly src: Src;
}

/** A `Setting` declared in the .csdef. */
export interface DeclaredSetting {
  readonly name: string;
  readonly src: Src;
}

/** A `Certificate` declared in the .csdef. */
export interface DeclaredCertificate {
  readonly name: string;
  readonly storeLocation: string | undefined;
  readonly storeName: string | undefined;
  readonly permissionLevel: string | undefined;
  readonly src: Src;
}

export interface LoadBalancerProbe {
  readonly name: string;
  /** http | tcp. */
  readonly protocol: string | undefined;
  readonly path: string | undefined;
  readonly port: number | undefined;
  /** Default 15 s, minimum 5. */
  readonly intervalInSeconds: number;
  /** Default 31 s, minimum 11. */
  readonly timeoutInSeconds: number;
  readonly src: Src;
}

/** A role as the .csdef defines it. */
export interface DefinitionRole {
  readonly name: string;
  readonly type: RoleType;
  /** As written; `Small` when the attribute is absent. */
  readonly vmsize: string;
  /** The size from the table; undefined for an unknown vmsize (an error says so). */
  readonly size: VmSize | undefined;
  readonly enableNativeCodeExecution: boolean | undefined;
  readonly endpoints: readonly Endpoint[];
  readonly localStorage: readonly LocalStorage[];
  readonly settings: readonly DeclaredSetting[];
  readonly certificates: readonly DeclaredCertificate[];
  readonly imports: readonly Import[];
  /** In document order; the guest agent runs them in this order before the role starts. */
  readonly startupTasks: readonly StartupTask[];
  readonly runtime: Runtime | undefined;
  /** Kept as written (web roles). */
  readonly sites: XmlElement | undefined;
  /** Kept as written. */
  readonly contents: XmlElement | undefined;
  readonly src: Src;
}

export interface ServiceDefinition {
  readonly file: string;
  readonly name: string;
  /** Default 5; 1..20. */
  readonly upgradeDomainCount: number;
  readonly topologyChangeDiscovery: TopologyChangeDiscovery | undefined;
  readonly schemaVersion: string | undefined;
  readonly loadBalancerProbes: readonly LoadBalancerProbe[];
  readonly roles: readonly DefinitionRole[];
  /** Kept as written, not simulated. */
  readonly networkTrafficRules: XmlElement | undefined;
  readonly unmodelled: readonly Unmodelled[];
  readonly src: Src;
}

export interface ConfiguredSetting {
  readonly name: string;
  readonly value: string;
  readonly src: Src;
}

export interface ConfiguredCertificate {
  readonly name: string;
  readonly thumbprint: string;
  readonly thumbprintAlgorithm: string;
  readonly src: Src;
}

/** A `Role` of the .cscfg. */
export interface ConfigurationRole {
  readonly name: string;
  /** Undefined when `Instances` is missing or its count is not a whole number >= 1. */
  readonly instances: number | undefined;
  readonly vmName: string | undefined;
  readonly settings: readonly ConfiguredSetting[];
  readonly certificates: readonly ConfiguredCertificate[];
  /** `<OsImage href="NAME.vhd"/>`: the base VHD of a VirtualMachineRole in the image store. */
  readonly osImage: OsImageRef | undefined;
  readonly src: Src;
}

export interface OsImageRef {
  readonly href: string;
  readonly src: Src;
}

export interface ServiceConfiguration {
  readonly file: string;
  readonly serviceName: string;
  readonly osFamily: string | undefined;
  readonly osVersion: string | undefined;
  readonly schemaVersion: string | undefined;
  readonly roles: readonly ConfigurationRole[];
  /** Kept as written, not simulated. */
  readonly networkConfiguration: XmlElement | undefined;
  readonly unmodelled: readonly Unmodelled[];
  readonly src: Src;
}

/** A role's setting with its value; `from` says why it may be set. */
export interface Setting {
  readonly name: string;
  /** `definition`: declared in the .csdef; otherwise the name of the imported module that implies it. */
  readonly from: 'definition' | { readonly module: string };
  /** Undefined when the .cscfg gives no value (an error says so when the value is required). */
  readonly value: string | undefined;
  readonly src: Src | undefined;
  readonly valueSrc: Src | undefined;
}

export interface Certificate {
  readonly name: string;
  readonly from: 'definition' | { readonly module: string };
  readonly storeLocation: string | undefined;
  readonly storeName: string | undefined;
  readonly permissionLevel: string | undefined;
  readonly thumbprint: string | undefined;
  readonly thumbprintAlgorithm: string | undefined;
  readonly src: Src | undefined;
  readonly valueSrc: Src | undefined;
}

/** A role of the service: its definition joined with its configuration. */
export interface Role extends Omit<DefinitionRole, 'settings' | 'certificates'> {
  /** From the .cscfg; 0 when it gives no valid count (an error says so). */
  readonly instances: number;
  readonly vmName: string | undefined;
  readonly settings: readonly Setting[];
  readonly certificates: readonly Certificate[];
  readonly osImage: OsImageRef | undefined;
  readonly configSrc: Src | undefined;
}

export interface ServiceModel {
  readonly name: string;
  readonly upgradeDomainCount: number;
  readonly topologyChangeDiscovery: TopologyChangeDiscovery | undefined;
  readonly schemaVersion: string | undefined;
  readonly osFamily: string | undefined;
  readonly osVersion: string | undefined;
  /** In definition order; roles only the .cscfg names are left out (an error says so). */
  readonly roles: readonly Role[];
  readonly loadBalancerProbes: readonly LoadBalancerProbe[];
  readonly networkConfiguration: XmlElement | undefined;
  readonly networkTrafficRules: XmlElement | undefined;
  readonly unmodelled: readonly Unmodelled[];
  readonly files: { readonly definition: string; readonly configuration: string };
}

/**
 * `<Imports><Import moduleName="..."/>` plugins of the Azure SDK. A module adds settings
 * and certificates to the role when the package is built, so the .cscfg sets them
 * without any declaration in the .csdef. Every such name is
 * `Microsoft.WindowsAzure.Plugins.<Module>.<Name>`; the names a module needs a value
 * for are listed here (from the SDK's plugin manifests as real .cscfg files show them).
 */

export const PLUGIN_PREFIX = 'Microsoft.WindowsAzure.Plugins.';

export interface PluginModule {
  readonly name: string;
  /** Settings the .cscfg must give a value for (full names). */
  readonly requiredSettings: readonly string[];
  /** Certificates the .cscfg must give a thumbprint for (full names). */
  readonly certificates: readonly string[];
}

const full = (module: string, names: readonly string[]): string[] => names.map((n) => `${PLUGIN_PREFIX}${module}.${n}`);

export const PLUGINS: readonly PluginModule[] = [
  { name: 'Diagnostics', requiredSettings: full('Diagnostics', ['ConnectionString']), certificates: [] },
  {
    name: 'RemoteAccess',
    requiredSettings: full('RemoteAccess', ['Enabled', 'AccountUsername', 'AccountEncryptedPassword', 'AccountExpiration']),
    certificates: full('RemoteAccess', ['PasswordEncryption']),
  },
  { name: 'RemoteForwarder', requiredSettings: full('RemoteForwarder', ['Enabled']), certificates: [] },
  { name: 'WebDeploy', requiredSettings: [], certificates: [] },
  // Caching and Connect settings vary between SDK versions: accepted, none required.
  { name: 'Caching', requiredSettings: [], certificates: [] },
  { name: 'Connect', requiredSettings: [], certificates: [] },
];

export function pluginModule(name: string): PluginModule | undefined {
  return PLUGINS.find((p) => p.name === name);
}

/** The module a plugin setting or certificate name belongs to, e.g. `RemoteAccess`; undefined for other names. */
export function pluginOf(name: string): string | undefined {
  if (!name.startsWith(PLUGIN_PREFIX)) return undefined;
  const rest = name.slice(PLUGIN_PREFIX.length);
  const dot = rest.indexOf('.');
  return dot > 0 ? rest.slice(0, dot) : undefined;
}

/**
 * Rules of the service configuration and of the pair: one small inline pair per rule,
 * asserting the message and the line it points at.
 */
import { describe, expect, it } from 'vitest';
import { CFG_FILE, DEF_FILE, csdef, cscfg, lineOf, load, roleCfg, webRole, withCode } from './testing';

const THUMB = '3BFC4E04C034E21B852A8D18B4FF47955338FEE9';
const DEF = csdef(webRole());
const settingsDef = (names: string[], imports: string[] = []): string =>
  csdef(
    webRole(
      'Web',
      80,
      `
    <ConfigurationSettings>${names.map((n) => `<Setting name="${n}" />`).join('')}</ConfigurationSettings>
    <Imports>${imports.map((m) => `<Import moduleName="${m}" />`).join('')}</Imports>`,
    ),
  );
const settingsCfg = (pairs: [string, string][]): string =>
  cscfg(
    roleCfg(
      'Web',
      2,
      `
    <ConfigurationSettings>
${pairs.map(([n, v]) => `      <Setting name="${n}" value="${v}" />`).join('\n')}
    </ConfigurationSettings>`,
    ),
  );

interface Case {
  readonly rule: string;
  readonly def?: string;
  readonly cfg: string;
  readonly code: string;
  readonly severity?: 'error' | 'warning';
  readonly marker: string;
  readonly inDef?: boolean;
  readonly element: string;
  readonly message: RegExp | string;
}

const RA = 'Microsoft.WindowsAzure.Plugins.RemoteAccess';

const CASES: Case[] = [
  {
    rule: 'wrong root element (files swapped)',
    cfg: DEF,
    code: 'root',
    marker: '<ServiceDefinition',
    element: 'ServiceDefinition',
    message: /^The root element is <ServiceDefinition>; a service configuration file starts with <ServiceConfiguration xmlns=".*">\. This is a service definition \(\.csdef\) file: were the two files swapped\?$/,
  },
  {
    rule: 'wrong namespace',
    cfg: cscfg(roleCfg()).replace('2008/10/ServiceConfiguration', '2008/10/ServiceDefinition'),
    code: 'namespace',
    marker: '<ServiceConfiguration',
    element: 'ServiceConfiguration',
    message: /^<ServiceConfiguration> is in namespace "http:\/\/schemas\.microsoft\.com\/ServiceHosting\/2008\/10\/ServiceDefinition"; it must be in namespace "http:\/\/schemas\.microsoft\.com\/ServiceHosting\/2008\/10\/ServiceConfiguration"/,
  },
  {
    rule: 'serviceName equals the definition name',
    cfg: cscfg(roleCfg(), 'serviceName="other" osFamily="2" osVersion="*"'),
    code: 'service-name',
    marker: 'serviceName',
    element: 'ServiceConfiguration',
    message: "serviceName 'other' in the service configuration file does not match the name 'svc' of the service definition file.",
  },
  {
    rule: 'a defined role is configured',
    def: csdef(`${webRole('Web', 80)}\n${webRole('Api', 81)}`),
    cfg: cscfg(roleCfg('Web')),
    code: 'role-not-configured',
    marker: '<WebRole name="Api"',
    inDef: true,
    element: 'WebRole',
    message: `Role 'Api' is defined in the service definition file but the service configuration file has no <Role name="Api"> for it.`,
  },
  {
    rule: 'a configured role is defined',
    cfg: cscfg(`${roleCfg('Web')}\n${roleCfg('web')}`),
    code: 'role-not-defined',
    marker: '<Role name="web"',
    element: 'Role',
    message: "Role 'web' in the service configuration file is not defined in the service definition file. (The definition has 'Web': role names must match exactly.)",
  },
  {
    rule: 'a role is configured once',
    cfg: cscfg(`${roleCfg('Web')}\n${roleCfg('Web').replace('<Role name="Web"', '<Role name="Web" vmName="again"')}`),
    code: 'role-duplicate',
    marker: 'vmName="again"',
    element: 'Role',
    message: "Role 'Web' appears twice in the service configuration file (first at line 3).",
  },
  {
    rule: 'Instances is required',
    cfg: cscfg('  <Role name="Web">\n    <ConfigurationSettings />\n  </Role>'),
    code: 'instances',
    marker: '<Role name="Web"',
    element: 'Role',
    message: `Role 'Web' has no <Instances count="..." />; the instance count is required.`,
  },
  ...['0', '1.5', 'two', '-3'].map(
    (count): Case => ({
      rule: `Instances count "${count}" is refused`,
      cfg: cscfg(roleCfg('Web').replace('count="2"', `count="${count}"`)),
      code: 'instances',
      marker: '<Instances',
      element: 'Instances',
      message: `<Instances> of role 'Web' has count="${count}"; the instance count must be a whole number of at least 1.`,
    }),
  ),
  {
    rule: 'a single instance gets no availability guarantee',
    cfg: cscfg(roleCfg('Web', 1)),
    code: 'single-instance',
    severity: 'warning',
    marker: '<Role name="Web"',
    element: 'Role',
    message: /^Role 'Web' has only 1 instance: it gets no availability guarantee/,
  },
  {
    rule: 'a pinned osVersion gets no Guest OS updates',
    cfg: cscfg(roleCfg(), 'serviceName="svc" osFamily="2" osVersion="WA-GUEST-OS-2.12_201208-02"'),
    code: 'os-pinned',
    severity: 'warning',
    marker: 'osVersion',
    element: 'ServiceConfiguration',
    message: `osVersion="WA-GUEST-OS-2.12_201208-02" pins the Guest OS: the fabric will not update it. Use osVersion="*" to get Guest OS updates automatically.`,
  },
  {
    rule: 'osFamily is a known family',
    cfg: cscfg(roleCfg(), 'serviceName="svc" osFamily="9" osVersion="*"'),
    code: 'value',
    marker: 'osFamily',
    element: 'ServiceConfiguration',
    message: '<ServiceConfiguration> has osFamily="9"; allowed values: 1, 2, 3, 4, 5, 6, 7.',
  },
  {
    rule: 'vmName has at most 10 characters',
    cfg: cscfg(roleCfg().replace('<Role name="Web"', '<Role name="Web" vmName="webfrontend"')),
    code: 'vm-name',
    marker: 'vmName',
    element: 'Role',
    message: `Role 'Web' has vmName="webfrontend" (11 characters); a vmName has 1 to 10 characters.`,
  },
  {
    rule: 'a setting in the .cscfg is declared in the .csdef (the wording Azure users know)',
    def: settingsDef(['A']),
    cfg: settingsCfg([
      ['A', '1'],
      ['AZURE_STORAGE_ACCOUNT', 'x'],
    ]),
    code: 'setting-undeclared',
    marker: 'AZURE_STORAGE_ACCOUNT',
    element: 'Setting',
    message: "Setting 'AZURE_STORAGE_ACCOUNT' for role 'Web' specified in the service configuration file is not declared in the service definition file.",
  },
  {
    rule: 'a plugin setting needs its module imported',
    def: settingsDef([]),
    cfg: settingsCfg([[`${RA}.Enabled`, 'true']]),
    code: 'setting-undeclared',
    marker: 'RemoteAccess.Enabled',
    element: 'Setting',
    message: `Setting '${RA}.Enabled' for role 'Web' specified in the service configuration file is not declared in the service definition file. It belongs to the RemoteAccess module: add <Import moduleName="RemoteAccess" /> to the role's <Imports>.`,
  },
  {
    rule: 'a declared setting has a value',
    def: settingsDef(['A', 'B']),
    cfg: settingsCfg([['A', '']]),
    code: 'setting-missing',
    marker: '<Role name="Web"',
    element: 'Role',
    message: "Setting 'B' for role 'Web' is declared in the service definition file (line 7) but has no value in the service configuration file.",
  },
  {
    rule: "an imported module's settings have values",
    def: settingsDef([], ['Diagnostics']),
    cfg: settingsCfg([]),
    code: 'setting-missing',
    marker: '<Role name="Web"',
    element: 'Role',
    message:
      "Setting 'Microsoft.WindowsAzure.Plugins.Diagnostics.ConnectionString' for role 'Web' is required by the imported module 'Diagnostics' (line 8 of the service definition file) but has no value in the service configuration file.",
  },
  {
    rule: 'a setting is given once',
    def: settingsDef(['A']),
    cfg: settingsCfg([
      ['A', '1'],
      ['A', '2'],
    ]),
    code: 'setting-duplicate',
    marker: 'value="2"',
    element: 'Setting',
    message: "Setting 'A' for role 'Web' is given twice in the service configuration file (first at line 6).",
  },
  {
    rule: 'a setting has a value attribute (an empty one is fine)',
    def: settingsDef(['A']),
    cfg: settingsCfg([['A', '1']]).replace(' value="1"', ''),
    code: 'required',
    marker: '<Setting name="A"',
    element: 'Setting',
    message: `Setting 'A' for role 'Web' has no 'value' attribute; write value="" for an empty value.`,
  },
  {
    rule: 'a certificate in the .cscfg is declared in the .csdef',
    cfg: cscfg(roleCfg('Web', 2, `<Certificates><Certificate name="Stray" thumbprint="${THUMB}" thumbprintAlgorithm="sha1" /></Certificates>`)),
    code: 'certificate-undeclared',
    marker: 'Stray',
    element: 'Certificate',
    message: "Certificate 'Stray' for role 'Web' specified in the service configuration file is not declared in the service definition file.",
  },
  {
    rule: 'a declared certificate has a thumbprint',
    def: csdef(webRole('Web', 80, '\n    <Certificates><Certificate name="SSL" storeLocation="LocalMachine" storeName="My" /></Certificates>')),
    cfg: cscfg(roleCfg()),
    code: 'certificate-missing',
    marker: '<Role name="Web"',
    element: 'Role',
    message: "Certificate 'SSL' for role 'Web' is declared in the service definition file (line 7) but has no thumbprint in the service configuration file.",
  },
  {
    rule: 'RemoteAccess needs its PasswordEncryption certificate',
    def: settingsDef([], ['RemoteAccess']),
    cfg: settingsCfg(['Enabled', 'AccountUsername', 'AccountEncryptedPassword', 'AccountExpiration'].map((n) => [`${RA}.${n}`, 'x'])),
    code: 'certificate-missing',
    marker: '<Role name="Web"',
    element: 'Role',
    message: /^Certificate 'Microsoft\.WindowsAzure\.Plugins\.RemoteAccess\.PasswordEncryption' for role 'Web' is required by the imported module 'RemoteAccess'/,
  },
  ...[
    ['is too short', '3BFC4E04', /a sha1 thumbprint is 40 hexadecimal digits, and it has 8 digits\.$/],
    ['holds spaces', '3b fc 4e 04 c0 34 e2 1b 85 2a 8d 18 b4 ff 47 95 53 38 fe e9', /and it holds spaces; remove them\.$/],
    ['holds an invisible character', `\u200e${THUMB}`, /and it holds an invisible character \(copied from the Windows certificate dialog\); retype it\.$/],
    ['is not hexadecimal', `${THUMB.slice(0, 39)}G`, /and it holds characters that are not hexadecimal digits\.$/],
  ].map(
    ([what, thumb, message]): Case => ({
      rule: `a thumbprint that ${what as string} is refused`,
      def: csdef(webRole('Web', 80, '\n    <Certificates><Certificate name="SSL" storeLocation="LocalMachine" storeName="My" /></Certificates>')),
      cfg: cscfg(roleCfg('Web', 2, `\n    <Certificates><Certificate name="SSL" thumbprint="${thumb as string}" thumbprintAlgorithm="sha1" /></Certificates>`)),
      code: 'thumbprint',
      marker: 'thumbprint=',
      element: 'Certificate',
      message: message as RegExp,
    }),
  ),
  {
    rule: 'InstanceAddress names a defined role',
    cfg: cscfg(`${roleCfg()}\n  <NetworkConfiguration>\n    <AddressAssignments><InstanceAddress roleName="Gone" /></AddressAssignments>\n  </NetworkConfiguration>`),
    code: 'network-role',
    marker: 'roleName="Gone"',
    element: 'InstanceAddress',
    message: "InstanceAddress names role 'Gone', which the service definition file does not define.",
  },
  {
    rule: 'OsImage on a web role is ignored',
    cfg: cscfg(roleCfg('Web', 2, '\n    <OsImage href="legacy-base-2008r2.vhd" />')),
    code: 'os-image-ignored',
    severity: 'warning',
    marker: '<OsImage',
    element: 'OsImage',
    message: "<OsImage> is only for a VirtualMachineRole; WebRole 'Web' runs on the Guest OS (osFamily), so it is ignored.",
  },
];

describe('rules of the service configuration and of the pair', () => {
  it.each(CASES.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const def = c.def ?? DEF;
    const r = load(def, c.cfg);
    const found = withCode(r, c.code);
    expect(found, JSON.stringify(r.diagnostics, null, 1)).toHaveLength(1);
    const d = found[0]!;
    expect(d.severity).toBe(c.severity ?? 'error');
    expect(d.file).toBe(c.inDef ? DEF_FILE : CFG_FILE);
    expect(d.line).toBe(lineOf(c.inDef ? def : c.cfg, c.marker));
    expect(d.element).toBe(c.element);
    if (typeof c.message === 'string') expect(d.message).toBe(c.message);
    else expect(d.message).toMatch(c.message);
  });

  it('accepts the settings and certificates that imported modules imply', () => {
    const def = settingsDef(['A'], ['Diagnostics', 'RemoteAccess', 'RemoteForwarder', 'WebDeploy']);
    const cfg = cscfg(
      roleCfg(
        'Web',
        2,
        `
    <ConfigurationSettings>
      <Setting name="A" value="" />
      <Setting name="Microsoft.WindowsAzure.Plugins.Diagnostics.ConnectionString" value="UseDevelopmentStorage=true" />
${['Enabled', 'AccountUsername', 'AccountEncryptedPassword', 'AccountExpiration'].map((n) => `      <Setting name="${RA}.${n}" value="x" />`).join('\n')}
      <Setting name="Microsoft.WindowsAzure.Plugins.RemoteForwarder.Enabled" value="true" />
    </ConfigurationSettings>
    <Certificates><Certificate name="${RA}.PasswordEncryption" thumbprint="${THUMB}" thumbprintAlgorithm="sha1" /></Certificates>`,
      ),
    );
    const r = load(def, cfg);
    expect(r.diagnostics).toEqual([]);
    const web = r.model!.roles[0]!;
    expect(web.settings.filter((s) => s.from !== 'definition').map((s) => s.from)).toEqual(Array(6).fill({ module: expect.any(String) }));
    expect(web.certificates).toEqual([expect.objectContaining({ name: `${RA}.PasswordEncryption`, from: { module: 'RemoteAccess' }, thumbprint: THUMB })]);
  });

  it('orders diagnostics by file, line and column, and names the element of each', () => {
    const r = load(csdef(webRole('Web', 0)), cscfg(roleCfg('Web', 0), 'serviceName="x" osFamily="2" osVersion="*"'));
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([
      [DEF_FILE, 'port-range'],
      [CFG_FILE, 'service-name'],
      [CFG_FILE, 'instances'],
    ]);
    expect(r.diagnostics.every((d) => d.line >= 1 && d.column >= 1 && d.element !== '')).toBe(true);
  });
});

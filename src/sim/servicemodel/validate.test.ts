/**
 * One small inline pair per rule: the rule fires once, on the right line (found by a
 * marker in the text), with the right element and message.
 */
import { describe, expect, it } from 'vitest';
import { CFG_FILE, DEF_FILE, csdef, cscfg, lineOf, load, roleCfg, webRole, withCode } from './testing';

interface Case {
  readonly rule: string;
  readonly def: string;
  readonly cfg?: string;
  readonly code: string;
  readonly severity?: 'error' | 'warning';
  /** Text on the line the diagnostic must point at. */
  readonly marker: string;
  /** The file the marker is in (default: the definition). */
  readonly inCfg?: boolean;
  readonly element: string;
  readonly message: RegExp | string;
}

const ROLE_CFG = cscfg(roleCfg());
const roles = (n: number): string => Array.from({ length: n }, (_, i) => webRole(`R${i}`, 1000 + i)).join('\n');
const rolesCfg = (n: number): string => cscfg(Array.from({ length: n }, (_, i) => roleCfg(`R${i}`)).join('\n'));
const inputs = (n: number): string =>
  `  <WorkerRole name="Many">\n    <Endpoints>\n${Array.from({ length: n }, (_, i) => `      <InputEndpoint name="E${i}" protocol="tcp" port="${2000 + i}" />`).join('\n')}\n    </Endpoints>\n  </WorkerRole>`;

const DEFINITION_RULES: Case[] = [
  {
    rule: 'upgradeDomainCount is 1..20',
    def: csdef(webRole(), 'name="svc" upgradeDomainCount="21"'),
    code: 'upgrade-domain-count',
    marker: 'upgradeDomainCount',
    element: 'ServiceDefinition',
    message: '<ServiceDefinition> has upgradeDomainCount="21"; it must be a whole number from 1 to 20 (the default is 5).',
  },
  {
    rule: 'topologyChangeDiscovery is Blast or UpgradeDomainWalk',
    def: csdef(webRole(), 'name="svc" topologyChangeDiscovery="blast"'),
    code: 'value',
    marker: 'topologyChangeDiscovery',
    element: 'ServiceDefinition',
    message: /allowed values: Blast, UpgradeDomainWalk \(did you mean "Blast"\? values are case-sensitive\)/,
  },
  {
    rule: 'a service has at least one role',
    def: csdef('  <!-- no roles -->'),
    code: 'role-count',
    marker: '<ServiceDefinition',
    element: 'ServiceDefinition',
    message: "Service 'svc' defines no roles; a service has 1 to 25 roles (WebRole, WorkerRole or VirtualMachineRole).",
  },
  {
    rule: 'a service has at most 25 roles',
    def: csdef(roles(26)),
    cfg: rolesCfg(26),
    code: 'role-count',
    marker: '<WebRole name="R25"',
    element: 'WebRole',
    message: "Service 'svc' defines 26 roles; a service has at most 25.",
  },
  {
    rule: 'role names are unique',
    def: csdef(`${webRole('Web', 80)}\n${webRole('web', 81)}`),
    code: 'role-duplicate',
    marker: '<WebRole name="web"',
    element: 'WebRole',
    message: /^Role name 'web' is used twice \(first at line 3\); role names must be unique/,
  },
  {
    rule: 'a role has a name',
    def: csdef('  <WorkerRole vmsize="Small" />'),
    code: 'required',
    marker: '<WorkerRole',
    element: 'WorkerRole',
    message: "<WorkerRole> has no 'name' attribute; it is required.",
  },
  {
    rule: 'vmsize is a known size, and the message lists them',
    def: csdef(webRole().replace('vmsize="Small"', 'vmsize="Huge"')),
    code: 'vmsize-unknown',
    marker: 'vmsize="Huge"',
    element: 'WebRole',
    message: /^Role 'Web' has vmsize="Huge", which is not a known VM size\. Allowed values: ExtraSmall, Small, Medium, Large, ExtraLarge, A5, A6, A7, Standard_A0, .*Standard_D4_v2\.$/,
  },
  {
    rule: 'vmsize spelled with the wrong case is read, with a warning',
    def: csdef(webRole().replace('vmsize="Small"', 'vmsize="extrasmall"')),
    code: 'vmsize-case',
    severity: 'warning',
    marker: 'vmsize=',
    element: 'WebRole',
    message: `Role 'Web' has vmsize="extrasmall"; the size is spelled "ExtraSmall". Read as ExtraSmall.`,
  },
  {
    rule: 'at most 25 endpoints per service',
    def: csdef(inputs(26)),
    cfg: cscfg(roleCfg('Many')),
    code: 'endpoint-count',
    marker: 'name="E25"',
    element: 'InputEndpoint',
    message: "InputEndpoint 'E25' of role 'Many' is endpoint number 26 of the service; a service has at most 25 endpoints.",
  },
  {
    rule: 'a port is 1..65535',
    def: csdef(webRole('Web', 65536)),
    code: 'port-range',
    marker: 'port="65536"',
    element: 'InputEndpoint',
    message: `InputEndpoint 'HttpIn' of role 'Web' has port="65536"; a port must be a whole number from 1 to 65535.`,
  },
  {
    rule: 'a port is a number',
    def: csdef(webRole().replace('port="80"', 'port="http"')),
    code: 'port-range',
    marker: 'port="http"',
    element: 'InputEndpoint',
    message: /has port="http"; a port must be a whole number/,
  },
  {
    rule: 'an input endpoint has a port',
    def: csdef(webRole().replace(' port="80"', '')),
    code: 'required',
    marker: '<InputEndpoint',
    element: 'InputEndpoint',
    message: "InputEndpoint 'HttpIn' of role 'Web' has no 'port' attribute; it is required.",
  },
  {
    rule: 'input ports are unique across the service',
    def: csdef(`${webRole('A', 80)}\n${webRole('B', 80).replace('HttpIn', 'Web80')}`),
    cfg: cscfg(`${roleCfg('A')}\n${roleCfg('B')}`),
    code: 'port-duplicate',
    marker: 'name="Web80"',
    element: 'InputEndpoint',
    message: "InputEndpoint 'Web80' of role 'B' uses input port 80, already used by InputEndpoint 'HttpIn' of role 'A' (line 5); an input port must be unique across the service.",
  },
  {
    rule: 'instance input port ranges do not overlap input ports',
    def: csdef(
      webRole(
        'Web',
        10050,
        `
    <Endpoints>
      <InstanceInputEndpoint name="Rdp" localPort="3389" protocol="tcp"><AllocatePublicPortFrom><FixedPortRange min="10000" max="10100" /></AllocatePublicPortFrom></InstanceInputEndpoint>
    </Endpoints>`,
      ),
    ),
    code: 'port-duplicate',
    marker: 'name="Rdp"',
    element: 'InstanceInputEndpoint',
    message: /InstanceInputEndpoint 'Rdp' of role 'Web' uses input ports 10000-10100, already used by InputEndpoint 'HttpIn'/,
  },
  {
    rule: 'endpoints of a role listen on different local ports',
    def: csdef(webRole('Web', 80, '\n    <Endpoints><InternalEndpoint name="Side" protocol="tcp" port="80" /></Endpoints>')),
    code: 'local-port-duplicate',
    marker: 'name="Side"',
    element: 'InternalEndpoint',
    message: "InternalEndpoint 'Side' of role 'Web' listens on port 80, as InputEndpoint 'HttpIn' of role 'Web' (line 5) does; endpoints of a role need different local ports.",
  },
  {
    rule: 'endpoint names are unique in a role',
    def: csdef(webRole('Web', 80, '\n    <Endpoints><InputEndpoint name="HttpIn" protocol="tcp" port="81" /></Endpoints>')),
    code: 'endpoint-duplicate',
    marker: 'port="81"',
    element: 'InputEndpoint',
    message: /^Endpoint name 'HttpIn' is used twice in role 'Web' \(first at line 5\)/,
  },
  {
    rule: 'protocol is one the endpoint kind allows',
    def: csdef(webRole().replace('protocol="http"', 'protocol="ftp"')),
    code: 'value',
    marker: 'protocol="ftp"',
    element: 'InputEndpoint',
    message: `InputEndpoint 'HttpIn' of role 'Web' has protocol="ftp"; allowed values: http, https, tcp, udp.`,
  },
  {
    rule: 'https needs a certificate',
    def: csdef(webRole().replace('protocol="http" port="80"', 'protocol="https" port="443"')),
    code: 'https-certificate',
    marker: '<InputEndpoint',
    element: 'InputEndpoint',
    message: `InputEndpoint 'HttpIn' of role 'Web' uses https but names no certificate: add certificate="NAME" naming a certificate declared in the role's <Certificates>.`,
  },
  {
    rule: "an endpoint's certificate is declared by its role",
    def: csdef(webRole().replace('protocol="http" port="80"', 'protocol="https" port="443" certificate="SSL"')),
    code: 'certificate-undeclared',
    marker: 'certificate="SSL"',
    element: 'InputEndpoint',
    message: "InputEndpoint 'HttpIn' of role 'Web' names certificate 'SSL', which role 'Web' does not declare in <Certificates>.",
  },
  {
    rule: 'an http probe needs a path',
    def: csdef(`  <LoadBalancerProbes>\n    <LoadBalancerProbe name="P" protocol="http" port="80" />\n  </LoadBalancerProbes>\n${webRole().replace('port="80"', 'port="80" loadBalancerProbe="P"')}`),
    code: 'probe-path',
    marker: '<LoadBalancerProbe ',
    element: 'LoadBalancerProbe',
    message: "LoadBalancerProbe 'P' uses protocol http and needs a path (e.g. path=\"/health\"); the probe asks for that page.",
  },
  {
    rule: 'a tcp probe has no path',
    def: csdef(`  <LoadBalancerProbes>\n    <LoadBalancerProbe name="P" protocol="tcp" port="80" path="/x" />\n  </LoadBalancerProbes>\n${webRole().replace('port="80"', 'port="80" loadBalancerProbe="P"')}`),
    code: 'probe-path',
    marker: 'path="/x"',
    element: 'LoadBalancerProbe',
    message: /^LoadBalancerProbe 'P' uses protocol tcp and must not have a path/,
  },
  {
    rule: 'a probe interval is at least 5 s',
    def: csdef(`  <LoadBalancerProbes>\n    <LoadBalancerProbe name="P" protocol="tcp" intervalInSeconds="4" />\n  </LoadBalancerProbes>\n${webRole().replace('port="80"', 'port="80" loadBalancerProbe="P"')}`),
    code: 'probe-interval',
    marker: 'intervalInSeconds',
    element: 'LoadBalancerProbe',
    message: `LoadBalancerProbe 'P' has intervalInSeconds="4"; it must be a whole number of seconds, at least 5.`,
  },
  {
    rule: 'a probe timeout is at least 11 s',
    def: csdef(`  <LoadBalancerProbes>\n    <LoadBalancerProbe name="P" protocol="tcp" timeoutInSeconds="10" />\n  </LoadBalancerProbes>\n${webRole().replace('port="80"', 'port="80" loadBalancerProbe="P"')}`),
    code: 'probe-timeout',
    marker: 'timeoutInSeconds',
    element: 'LoadBalancerProbe',
    message: `LoadBalancerProbe 'P' has timeoutInSeconds="10"; it must be a whole number of seconds, at least 11.`,
  },
  {
    rule: 'an endpoint names a defined probe',
    def: csdef(webRole().replace('port="80"', 'port="80" loadBalancerProbe="Nope"')),
    code: 'probe-unknown',
    marker: 'loadBalancerProbe=',
    element: 'InputEndpoint',
    message: "InputEndpoint 'HttpIn' of role 'Web' names loadBalancerProbe 'Nope', which <LoadBalancerProbes> does not define.",
  },
  {
    rule: 'an unused probe is suspicious',
    def: csdef(`  <LoadBalancerProbes>\n    <LoadBalancerProbe name="Idle" protocol="tcp" />\n  </LoadBalancerProbes>\n${webRole()}`),
    code: 'probe-unused',
    severity: 'warning',
    marker: 'name="Idle"',
    element: 'LoadBalancerProbe',
    message: `LoadBalancerProbe 'Idle' is not used by any InputEndpoint (loadBalancerProbe="Idle").`,
  },
  {
    rule: "local storage fits the size's temporary disk",
    def: csdef('  <WorkerRole name="Web" vmsize="ExtraSmall">\n    <LocalResources><LocalStorage name="Big" sizeInMB="20481" /></LocalResources>\n  </WorkerRole>'),
    code: 'storage-too-large',
    marker: 'name="Big"',
    element: 'LocalStorage',
    message: "Role 'Web' asks for 20481 MB of local storage, more than the 20 GiB (20480 MB) temporary disk of vmsize 'ExtraSmall'.",
  },
  {
    rule: 'sizeInMB is a whole number >= 1',
    def: csdef('  <WorkerRole name="Web">\n    <LocalResources><LocalStorage name="Zero" sizeInMB="0" /></LocalResources>\n  </WorkerRole>'),
    code: 'value',
    marker: 'sizeInMB',
    element: 'LocalStorage',
    message: `LocalStorage 'Zero' of role 'Web' has sizeInMB="0"; it must be a whole number of megabytes, at least 1.`,
  },
  {
    rule: 'a setting is declared once',
    def: csdef('  <WorkerRole name="Web">\n    <ConfigurationSettings><Setting name="A" />\n      <Setting name="A" /></ConfigurationSettings>\n  </WorkerRole>'),
    cfg: cscfg(roleCfg('Web', 2, '<ConfigurationSettings><Setting name="A" value="1" /></ConfigurationSettings>')),
    code: 'setting-duplicate',
    marker: '      <Setting name="A"',
    element: 'Setting',
    message: "Setting 'A' is declared twice in role 'Web' (first at line 4).",
  },
  {
    rule: 'a startup task has a known executionContext',
    def: csdef('  <WorkerRole name="Web">\n    <Startup><Task commandLine="a.cmd" executionContext="admin" /></Startup>\n  </WorkerRole>'),
    code: 'value',
    marker: 'executionContext',
    element: 'Task',
    message: `Startup <Task> of role 'Web' has executionContext="admin"; allowed values: limited, elevated.`,
  },
  {
    rule: 'a VirtualMachineRole has no Startup',
    def: csdef('  <VirtualMachineRole name="Vm">\n    <Startup><Task commandLine="a.cmd" /></Startup>\n  </VirtualMachineRole>'),
    cfg: cscfg(roleCfg('Vm', 2, '<OsImage href="legacy-base-2008r2.vhd" />')),
    code: 'vm-role-child',
    marker: '<Startup>',
    element: 'Startup',
    message: "A VirtualMachineRole has no <Startup>: 'Vm' boots its own image, so do that work inside the image.",
  },
  {
    rule: 'a site binding names an endpoint of the role',
    def: csdef(webRole('Web', 80, '\n    <Sites><Site name="Web"><Bindings><Binding name="b" endpointName="Missing" /></Bindings></Site></Sites>')),
    code: 'binding-endpoint',
    marker: 'endpointName="Missing"',
    element: 'Binding',
    message: "A site binding of role 'Web' names endpoint 'Missing', which the role does not declare in <Endpoints>.",
  },
];

describe('rules of the service definition', () => {
  it.each(DEFINITION_RULES.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const cfg = c.cfg ?? ROLE_CFG;
    const r = load(c.def, cfg);
    const found = withCode(r, c.code);
    expect(found, JSON.stringify(r.diagnostics, null, 1)).toHaveLength(1);
    const d = found[0]!;
    expect(d.severity).toBe(c.severity ?? 'error');
    expect(d.file).toBe(c.inCfg ? CFG_FILE : DEF_FILE);
    expect(d.line).toBe(lineOf(c.inCfg ? cfg : c.def, c.marker));
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.element).toBe(c.element);
    if (typeof c.message === 'string') expect(d.message).toBe(c.message);
    else expect(d.message).toMatch(c.message);
  });
});

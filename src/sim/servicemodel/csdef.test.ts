import { describe, expect, it } from 'vitest';
import { CFG_FILE, DEF_FILE, csdef, cscfg, lineOf, load, roleCfg, webRole, withCode } from './testing';

describe('reading a service definition', () => {
  it('reads roles, sizes, endpoints, storage, settings, imports, tasks, certificates and the runtime', () => {
    const def = csdef(
      `  <LoadBalancerProbes>
    <LoadBalancerProbe name="Health" protocol="http" path="/health" />
  </LoadBalancerProbes>
  <WebRole name="Web" vmsize="Medium" enableNativeCodeExecution="true">
    <Runtime executionContext="elevated">
      <Environment>
        <Variable name="A" value="1" />
        <Variable name="PORT"><RoleInstanceValue xpath="/RoleEnvironment/CurrentInstance/Endpoints/Endpoint[@name='HttpIn']/@port" /></Variable>
      </Environment>
      <EntryPoint><NetFxEntryPoint assemblyName="Web.dll" /></EntryPoint>
    </Runtime>
    <Sites><Site name="Web"><Bindings><Binding name="b" endpointName="HttpIn" /></Bindings></Site></Sites>
    <Endpoints>
      <InputEndpoint name="HttpIn" protocol="http" port="80" loadBalancerProbe="Health" />
      <InputEndpoint name="HttpsIn" protocol="https" port="443" localPort="*" certificate="SSL" />
      <InternalEndpoint name="Cache" protocol="tcp"><FixedPortRange min="9000" max="9010" /><FixedPort port="9100" /></InternalEndpoint>
      <InstanceInputEndpoint name="Rdp" localPort="3389" protocol="tcp">
        <AllocatePublicPortFrom><FixedPortRange min="10000" max="10100" /></AllocatePublicPortFrom>
      </InstanceInputEndpoint>
    </Endpoints>
    <LocalResources>
      <LocalStorage name="Cache" sizeInMB="2048" cleanOnRoleRecycle="false" />
      <LocalStorage name="Defaults" />
    </LocalResources>
    <ConfigurationSettings><Setting name="Conn" /></ConfigurationSettings>
    <Imports><Import moduleName="Diagnostics" /></Imports>
    <Startup>
      <Task commandLine="first.cmd" executionContext="elevated" taskType="background" />
      <Task commandLine="second.cmd" />
    </Startup>
    <Certificates><Certificate name="SSL" storeLocation="LocalMachine" storeName="My" permissionLevel="elevated" /></Certificates>
    <Contents><Content destination=".\\"><SourceDirectory path="bin" /></Content></Contents>
  </WebRole>`,
      'name="svc" upgradeDomainCount="3" topologyChangeDiscovery="UpgradeDomainWalk" schemaVersion="2015-04.2.6"',
    );
    const cfg = cscfg(
      roleCfg(
        'Web',
        3,
        `
    <ConfigurationSettings>
      <Setting name="Conn" value="" />
      <Setting name="Microsoft.WindowsAzure.Plugins.Diagnostics.ConnectionString" value="UseDevelopmentStorage=true" />
    </ConfigurationSettings>
    <Certificates><Certificate name="SSL" thumbprint="3BFC4E04C034E21B852A8D18B4FF47955338FEE9" thumbprintAlgorithm="sha1" /></Certificates>`,
      ),
    );
    const r = load(def, cfg);
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    expect(m).toMatchObject({ name: 'svc', upgradeDomainCount: 3, topologyChangeDiscovery: 'UpgradeDomainWalk', schemaVersion: '2015-04.2.6' });
    expect(m.files).toEqual({ definition: DEF_FILE, configuration: CFG_FILE });
    expect(m.loadBalancerProbes[0]).toMatchObject({ name: 'Health', protocol: 'http', path: '/health', intervalInSeconds: 15, timeoutInSeconds: 31 });
    const web = m.roles[0]!;
    expect(web).toMatchObject({ name: 'Web', type: 'WebRole', vmsize: 'Medium', instances: 3, enableNativeCodeExecution: true });
    expect(web.size).toMatchObject({ cores: 2, memoryMiB: 3584, diskGiB: 490 });
    expect(web.endpoints).toEqual([
      expect.objectContaining({ kind: 'input', name: 'HttpIn', protocol: 'http', port: 80, localPort: 80, loadBalancerProbe: 'Health' }),
      expect.objectContaining({ kind: 'input', name: 'HttpsIn', protocol: 'https', port: 443, localPort: '*', certificate: 'SSL' }),
      expect.objectContaining({ kind: 'internal', name: 'Cache', protocol: 'tcp', port: undefined, fixedPorts: [9100], fixedPortRanges: [{ min: 9000, max: 9010 }] }),
      expect.objectContaining({ kind: 'instanceInput', name: 'Rdp', protocol: 'tcp', localPort: 3389, publicPorts: { min: 10000, max: 10100 } }),
    ]);
    expect(web.localStorage).toEqual([
      expect.objectContaining({ name: 'Cache', sizeInMB: 2048, cleanOnRoleRecycle: false }),
      expect.objectContaining({ name: 'Defaults', sizeInMB: 100, cleanOnRoleRecycle: true }),
    ]);
    expect(web.settings).toEqual([
      expect.objectContaining({ name: 'Conn', from: 'definition', value: '' }),
      expect.objectContaining({ name: 'Microsoft.WindowsAzure.Plugins.Diagnostics.ConnectionString', from: { module: 'Diagnostics' }, value: 'UseDevelopmentStorage=true' }),
    ]);
    expect(web.startupTasks.map((t) => [t.commandLine, t.executionContext, t.taskType])).toEqual([
      ['first.cmd', 'elevated', 'background'],
      ['second.cmd', 'limited', 'simple'],
    ]);
    expect(web.certificates).toEqual([
      expect.objectContaining({ name: 'SSL', storeLocation: 'LocalMachine', storeName: 'My', thumbprint: '3BFC4E04C034E21B852A8D18B4FF47955338FEE9' }),
    ]);
    expect(web.runtime?.executionContext).toBe('elevated');
    expect(web.runtime?.environment.map((v) => [v.name, v.value, v.roleInstanceValue])).toEqual([
      ['A', '1', undefined],
      ['PORT', undefined, "/RoleEnvironment/CurrentInstance/Endpoints/Endpoint[@name='HttpIn']/@port"],
    ]);
    expect(web.runtime?.entryPoint?.children[0]?.local).toBe('NetFxEntryPoint');
    expect(web.sites?.local).toBe('Sites');
    expect(web.contents?.local).toBe('Contents');
    expect(web.src).toMatchObject({ file: DEF_FILE, line: lineOf(def, '<WebRole'), column: 3, element: 'WebRole' });
  });

  it('reads legacy forms: InputEndpoints, LocalStorage under the role, no vmsize, no schemaVersion', () => {
    const def = csdef(`  <WorkerRole name="Old">
    <InputEndpoints><InputEndpoint name="In" protocol="tcp" port="8080" /></InputEndpoints>
    <LocalStorage name="Scratch" sizeInMB="50" />
  </WorkerRole>`);
    const r = load(def, cscfg(roleCfg('Old')));
    expect(r.diagnostics).toEqual([]);
    const old = r.model!.roles[0]!;
    expect(old).toMatchObject({ vmsize: 'Small', size: expect.objectContaining({ cores: 1, memoryMiB: 1792 }) });
    expect(old.endpoints[0]).toMatchObject({ name: 'In', port: 8080 });
    expect(old.localStorage[0]).toMatchObject({ name: 'Scratch', sizeInMB: 50, cleanOnRoleRecycle: true });
    expect(r.model!.schemaVersion).toBeUndefined();
    expect(r.model!.upgradeDomainCount).toBe(5);
  });

  it('accepts real-world quirks: unusual order, empty containers, xsi/xsd declarations, spaces in names', () => {
    const def = csdef(
      `  <WorkerRole name="My Worker" vmsize="ExtraSmall">
    <ConfigurationSettings><Setting name="A" /></ConfigurationSettings>
    <Imports></Imports>
    <Certificates />
  </WorkerRole>`,
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" name="svc"',
    );
    const cfg = cscfg(
      `  <Role name="My Worker">
    <ConfigurationSettings><Setting name="A" value="x" /></ConfigurationSettings>
    <Certificates />
    <Instances count="2" />
  </Role>`,
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" serviceName="svc" osFamily="2" osVersion="*"',
    );
    expect(load(def, cfg).diagnostics).toEqual([]);
  });

  it('keeps what it does not model, with a warning naming it and where it is', () => {
    const def = csdef(
      webRole(
        'Web',
        80,
        `
    <Tracing level="verbose" />`,
      ).replace('<WebRole name="Web"', '<WebRole name="Web" futureKnob="on"'),
    );
    const r = load(def, cscfg(roleCfg()));
    const warnings = withCode(r, 'unmodelled');
    expect(warnings.map((d) => [d.severity, d.line, d.element])).toEqual([
      ['warning', lineOf(def, 'futureKnob'), 'WebRole'],
      ['warning', lineOf(def, '<Tracing'), 'Tracing'],
    ]);
    expect(warnings[1]!.message).toBe(
      'Element <Tracing> in ServiceDefinition/WebRole[Web] is not modelled by the simulator: it is kept and shown, not simulated.',
    );
    expect(r.model!.unmodelled).toEqual([
      expect.objectContaining({ kind: 'attribute', name: 'futureKnob', value: 'on', line: lineOf(def, 'futureKnob') }),
      expect.objectContaining({ kind: 'element', name: 'Tracing', line: lineOf(def, '<Tracing'), raw: expect.objectContaining({ local: 'Tracing' }) }),
    ]);
  });

  it('keeps NetworkConfiguration and NetworkTrafficRules as written, with a warning that they are not simulated', () => {
    const def = csdef(`${webRole()}\n  <NetworkTrafficRules><OnlyAllowTrafficTo /></NetworkTrafficRules>`);
    const cfg = cscfg(`${roleCfg()}
  <NetworkConfiguration>
    <VirtualNetworkSite name="vnet" />
    <AddressAssignments><InstanceAddress roleName="Web"><Subnets><Subnet name="A" /></Subnets></InstanceAddress></AddressAssignments>
  </NetworkConfiguration>`);
    const r = load(def, cfg);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([
      ['warning', 'not-simulated', DEF_FILE],
      ['warning', 'not-simulated', CFG_FILE],
    ]);
    expect(r.model!.networkConfiguration?.children.map((c) => c.local)).toEqual(['VirtualNetworkSite', 'AddressAssignments']);
    expect(r.model!.networkTrafficRules?.local).toBe('NetworkTrafficRules');
  });

  it('returns the model even when there are errors, so the UI can show what it read', () => {
    const r = load(csdef(webRole('Web', 70000)), cscfg(roleCfg('Web', 0)));
    expect(r.diagnostics.filter((d) => d.severity === 'error').length).toBe(2);
    expect(r.model?.roles[0]).toMatchObject({ name: 'Web', instances: 0 });
  });
});

/**
 * The real-world corpus in ../shared/servicemodels (see its SOURCES.md): every folder
 * loads with no error for each of its .cscfg files, except the one SOURCES.md marks
 * NEGATIVE, whose .cscfg is not well-formed and must fail at the exact spot.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from './diagnostics';
import { loadServiceModel } from './load';

const DIR = resolve(__dirname, '../../../../shared/servicemodels');
const NEGATIVE = 'dtPaTh_Dynatrace-Azure-CloudServices';

const folders = existsSync(DIR) ? readdirSync(DIR).filter((f) => statSync(join(DIR, f)).isDirectory()).sort() : [];
const pairs = folders.flatMap((folder) => {
  const files = readdirSync(join(DIR, folder));
  const csdef = files.find((f) => f.endsWith('.csdef'))!;
  return files.filter((f) => f.endsWith('.cscfg')).map((cscfg) => ({ folder, csdef, cscfg }));
});

const loadPair = (p: { folder: string; csdef: string; cscfg: string }) =>
  loadServiceModel({
    csdef: { name: `${p.folder}/${p.csdef}`, bytes: readFileSync(join(DIR, p.folder, p.csdef)) },
    cscfg: { name: `${p.folder}/${p.cscfg}`, bytes: readFileSync(join(DIR, p.folder, p.cscfg)) },
  });

describe.skipIf(!existsSync(DIR))('the real-world corpus (../shared/servicemodels)', () => {
  it('has the folders SOURCES.md lists, the negative one included', () => {
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    expect(folders.length).toBeGreaterThanOrEqual(8);
    for (const f of folders) expect(sources).toContain(`| ${f} |`);
    expect(sources).toMatch(new RegExp(`\\| ${NEGATIVE} \\|.*NEGATIVE`));
  });

  it.each(pairs.filter((p) => p.folder !== NEGATIVE).map((p) => [`${p.folder}/${p.cscfg}`, p] as const))(
    '%s loads with no error',
    (_name, p) => {
      const r = loadPair(p);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.model!.roles.length).toBeGreaterThan(0);
      for (const role of r.model!.roles) {
        expect(role.instances).toBeGreaterThanOrEqual(1);
        expect(role.size).toBeDefined();
      }
    },
  );

  it('reads what the corpus exercises', () => {
    const farm = loadPair({ folder: 'MRCollective_AzureWebFarm', csdef: 'ServiceDefinition.csdef', cscfg: 'ServiceConfiguration.Cloud.cscfg' }).model!;
    const web = farm.roles[0]!;
    expect(farm.loadBalancerProbes[0]).toMatchObject({ name: 'WebDeploy', protocol: 'http', path: 'Probe.aspx', intervalInSeconds: 5, timeoutInSeconds: 100 });
    expect(web.endpoints.map((e) => e.name)).toEqual(['HttpIn', 'HttpsIn', 'Microsoft.WindowsAzure.Plugins.WebDeploy.InputEndpoint', 'UnusedInternal']);
    expect(web.localStorage.map((l) => l.sizeInMB)).toEqual([2500, 2500, 2500, 10]);
    expect(web.runtime?.executionContext).toBe('elevated');
    expect(web.certificates.map((c) => c.name)).toEqual(['HTTPS', 'Microsoft.WindowsAzure.Plugins.RemoteAccess.PasswordEncryption']);

    const orleans = loadPair({ folder: 'daprlabs_OrleansSimpleMessage', csdef: 'ServiceDefinition.csdef', cscfg: 'ServiceConfiguration.Cloud.cscfg' }).model!;
    expect(orleans.roles[0]!.localStorage[0]).toMatchObject({ name: 'LocalStoreDirectory', sizeInMB: 100, cleanOnRoleRecycle: false });
    expect(orleans.roles.map((r) => `${r.name} ${r.vmsize} x${r.instances}`)).toEqual(['AzureSilo ExtraSmall x3', 'Web Small x1']);

    const rails = loadPair({ folder: 'Aaronontheweb_railsrole', csdef: 'ServiceDefinition.csdef', cscfg: 'ServiceConfiguration.Cloud.cscfg' }).model!;
    expect(rails.roles[0]!.startupTasks.map((t) => [t.commandLine, t.executionContext, t.taskType])).toEqual([
      ['installRails.cmd', 'elevated', 'simple'],
      ['installDependencies.cmd', 'limited', 'simple'],
    ]);

    const waz = loadPair({ folder: 'JustinBeckwith_wazstagram', csdef: 'ServiceDefinition.csdef', cscfg: 'ServiceConfiguration.Cloud.cscfg' }).model!;
    expect(waz.roles.map((r) => r.vmsize)).toEqual(['Small', 'Small']);
    expect(waz.roles[0]!.startupTasks[0]!.commandLine).toBe('setup_worker.cmd > log.txt');

    const multi = loadPair({ folder: 'Azure-Samples_cloud-services-extended-support__multirole', csdef: 'ServiceDefinition.csdef', cscfg: 'ServiceConfiguration.Cloud.cscfg' }).model!;
    expect(multi.roles[0]!.size).toMatchObject({ cores: 1, memoryMiB: 3584 });
    expect(multi.networkConfiguration?.children.map((c) => c.local)).toEqual(['VirtualNetworkSite', 'AddressAssignments']);
  });

  it(`${NEGATIVE}: the .cscfg fails at the unescaped '<' (line 6, column 54), and nothing else is claimed`, () => {
    const cscfg = 'ServiceConfiguration.Cloud.cscfg';
    const raw = readFileSync(join(DIR, NEGATIVE, cscfg), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
    expect(raw[5]!.indexOf('<YourEnvironmentID>') + 1).toBe(54);
    const r = loadPair({ folder: NEGATIVE, csdef: 'ServiceDefinition.csdef', cscfg });
    expect(hasErrors(r.diagnostics)).toBe(true);
    expect(r.model).toBeUndefined();
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        file: `${NEGATIVE}/${cscfg}`,
        line: 6,
        column: 54,
        element: 'Setting',
        code: 'xml',
        message: "XML is not well-formed: '<' cannot appear inside an attribute value (write &lt; instead).",
      },
    ]);
  });
});

/**
 * The hostile-input catalogue: one table of named inputs that try to break every way
 * into the app from outside — the .csdef and .cscfg files a user opens or deploys, the
 * scenario files, the run files and the share links — each with the error it must get.
 * run.ts feeds each entry through the real entry point (the functions the worker and
 * the page call) and checks the message (which must say where and what), that nothing
 * else escapes, and that the work stays within a fixed budget. docs/hostile-input.md is
 * printed from this table (print.ts), and a test keeps the two equal.
 *
 * Inputs are made on demand (`input()`): some are megabytes.
 */

import { CONFIGURATION_NS, DEFINITION_NS } from '../servicemodel/model';
import { base64url, concat, deflateBomb, deflateStored, utf16, utf8 } from './bytes';

/** The ways in, each reached through the functions the app itself calls. */
export type EntryPoint = 'csdef' | 'cscfg' | 'scenario' | 'scenario-value' | 'scenario-files' | 'run-file' | 'link';

export const ENTRY_POINTS: Readonly<Record<EntryPoint, string>> = {
  csdef: 'a .csdef (with a good .cscfg), as deploy and upgrade load it (Simulation.loadPackage) and the Service model panel validates it (loadServiceModel)',
  cscfg: 'a .cscfg (with a good .csdef), the same way',
  scenario: 'scenario file text, as the headless runner reads it (parseScenario)',
  'scenario-value': 'a scenario already parsed by JSON.parse, as the page checks ?scenario= and lessons (checkScenario)',
  'scenario-files': "a scenario's references to service files, as the worker builds its run (buildTimeline)",
  'run-file': 'a run file opened with Share > Open run file… (parseRunFile)',
  link: 'a share link #run=… (decodeRunLink)',
};

/** What must happen. */
export type Expect =
  /** Refused, with a message matching this. */
  | { readonly error: RegExp }
  /** Accepted (a service model deploys) with a warning matching this. */
  | { readonly warning: RegExp }
  /** Accepted as it is; `keeps` is text the result holds verbatim (a name shown as text, never as markup). */
  | { readonly accepted: true; readonly keeps?: string };

interface Base {
  /** Unique and stable: `csdef/doctype`. */
  readonly id: string;
  /** The input, in words. */
  readonly what: string;
  readonly expect: Expect;
  /** An older test of the same input, which keeps its own assertions. */
  readonly alsoIn?: string;
}

/** Both service files: the hostile one and a good partner. */
export interface ServicePair {
  readonly csdef: Uint8Array | string;
  readonly cscfg: Uint8Array | string;
}

/** The input each entry point takes. */
export interface Inputs {
  readonly csdef: ServicePair;
  readonly cscfg: ServicePair;
  readonly scenario: string;
  readonly 'scenario-value': unknown;
  readonly 'scenario-files': { readonly scenario: unknown; readonly files: Readonly<Record<string, string>> };
  readonly 'run-file': string;
  readonly link: string;
}

export type Hostile = { [K in EntryPoint]: Base & { readonly entry: K; readonly input: () => Inputs[K] } }[EntryPoint];

/* ---------------------------------------------------------------- good inputs */

/** The service every good file pair defines. */
export const SERVICE = 'shop';

export function csdefText(inner = GOOD_ROLES, attrs = `name="${SERVICE}"`, ns = ` xmlns="${DEFINITION_NS}"`): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<ServiceDefinition ${attrs}${ns}>\n${inner}\n</ServiceDefinition>\n`;
}

export function cscfgText(inner = GOOD_CONFIG, attrs = `serviceName="${SERVICE}" osFamily="4" osVersion="*"`, ns = ` xmlns="${CONFIGURATION_NS}"`): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<ServiceConfiguration ${attrs}${ns}>\n${inner}\n</ServiceConfiguration>\n`;
}

const webRole = (name: string, extra = ''): string => `  <WebRole name="${name}" vmsize="Small">
    <Endpoints>
      <InputEndpoint name="HttpIn" protocol="http" port="80" />
    </Endpoints>
    <ConfigurationSettings>
      <Setting name="Greeting" />
    </ConfigurationSettings>${extra}
  </WebRole>`;

const webConfig = (name: string, count = '3'): string => `  <Role name="${name}">
    <Instances count="${count}" />
    <ConfigurationSettings>
      <Setting name="Greeting" value="Hello" />
    </ConfigurationSettings>
  </Role>`;

const GOOD_ROLES = `${webRole('WebRole')}\n  <WorkerRole name="WorkerRole" vmsize="Small" />`;
const GOOD_CONFIG = `${webConfig('WebRole')}\n  <Role name="WorkerRole">\n    <Instances count="2" />\n  </Role>`;

export const GOOD_CSDEF = csdefText();
export const GOOD_CSCFG = cscfgText();

const def = (csdef: Uint8Array | string): ServicePair => ({ csdef, cscfg: GOOD_CSCFG });
const cfg = (cscfg: Uint8Array | string): ServicePair => ({ csdef: GOOD_CSDEF, cscfg });

/** The example of ../shared/scenarios.md, with the service files inline so that it runs anywhere. */
export function goodScenario(): Record<string, unknown> {
  return {
    scenario: 1,
    name: 'A top-of-rack switch fails',
    seed: 42,
    timing: 'realistic',
    datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 8 },
    services: [{ name: SERVICE, csdef: GOOD_CSDEF, cscfg: GOOD_CSCFG }],
    steps: [
      { at: '0s', do: 'deploy', service: SERVICE },
      { at: '10m', expect: { service: SERVICE, status: 'Running' } },
      { at: '10m', say: 'Every role runs in three fault domains.' },
      { at: '11m', do: 'fail', target: 'c0-r1-tor' },
      { at: '40m', expect: { role: `${SERVICE}/WebRole`, ready: '>=3' } },
      { at: '40m', expect: { rack: 'c0-r1', instances: 0 } },
      { at: '41m', do: 'repair', target: 'c0-r1-tor' },
    ],
  };
}

const scenarioWith = (patch: Record<string, unknown>): string => JSON.stringify({ ...goodScenario(), ...patch });
const withSteps = (steps: unknown[]): string => scenarioWith({ steps });

/** A good run file's JSON (a free run with the good pair deployed and one user action). */
export function goodRun(): Record<string, unknown> {
  return {
    fabricLab: 'run',
    version: 1,
    base: {
      kind: 'setup',
      seed: 42,
      datacenter: { preset: 'classroom' },
      timing: 'realistic',
      deploy: [{ service: SERVICE, csdef: { name: 'ServiceDefinition.csdef', text: GOOD_CSDEF }, cscfg: { name: 'ServiceConfiguration.cscfg', text: GOOD_CSCFG } }],
    },
    actions: [{ at: 60_000, action: { do: 'fail', target: 'c0-r1-tor' } }],
    t: 600_000,
    hash: '',
    events: 0,
  };
}

const runWith = (patch: (r: Record<string, unknown> & { base: Record<string, unknown> }) => void): string => {
  const r = goodRun() as Record<string, unknown> & { base: Record<string, unknown> };
  patch(r);
  return JSON.stringify(r);
};

/** A run whose base is the good scenario (with its files by reference). */
function scenarioRun(scenario: unknown, files: Record<string, string>): Record<string, unknown> {
  return { fabricLab: 'run', version: 1, base: { kind: 'scenario', scenario, files, walkthrough: false }, actions: [], t: 0, hash: '', events: 0 };
}

/** A share link (`#run=1.…`) carrying this text as its run, deflated in stored blocks. */
export const linkOf = (json: string, version = '1'): string => `#run=${version}.${base64url(deflateStored(utf8(json)))}`;

/* ---------------------------------------------------------------- helpers */

const TRUNCATED = /is never closed|ends in the middle|truncated|no root element/;

/** A nested value `depth` deep, built without recursion: [[[...]]] or {"a":{"a":...}}. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const billionLaughs = (root: string): string =>
  [
    '<?xml version="1.0"?>',
    `<!DOCTYPE ${root} [`,
    ' <!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ']>',
    `<${root}>&lol9;</${root}>`,
  ].join('\n');

/** Cut points of a text: inside the declaration, a tag name, an attribute value, between elements, just before the end. */
function cuts(text: string): { at: number; where: string }[] {
  const at = (marker: string, plus: number): number => text.indexOf(marker) + plus;
  return [
    { at: 0, where: 'at nothing (an empty file)' },
    { at: 10, where: 'inside the XML declaration' },
    { at: at('<Service', 5), where: 'inside the root tag name' },
    { at: at('name="', 8), where: 'inside an attribute value' },
    { at: at('>\n  <', 1), where: 'after the root start tag' },
    { at: Math.floor(text.length / 2), where: 'half way' },
    { at: text.lastIndexOf('</'), where: 'before the root end tag' },
    { at: text.length - 3, where: 'inside the root end tag' },
  ];
}

/* ---------------------------------------------------------------- the catalogue */

const csdefEntries: Hostile[] = [
  { entry: 'csdef', id: 'csdef/not-xml', what: 'plain text, not XML', input: () => def('hello, this is not XML\n'), expect: { error: /the file does not start with markup/ } },
  { entry: 'csdef', id: 'csdef/empty', what: 'an empty file', input: () => def(''), expect: { error: /the file is empty/ }, alsoIn: 'xml.test.ts' },
  { entry: 'csdef', id: 'csdef/only-bom', what: 'a UTF-8 byte-order mark and nothing else', input: () => def(Uint8Array.from([0xef, 0xbb, 0xbf])), expect: { error: /the file is empty/ } },
  { entry: 'csdef', id: 'csdef/binary', what: 'binary junk (a PNG header)', input: () => def(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), expect: { error: /not valid UTF-8/ } },
  {
    entry: 'csdef',
    id: 'csdef/lt-in-attribute',
    what: "an unescaped '<' inside an attribute value (the corpus's NEGATIVE file)",
    input: () => def(csdefText(webRole('WebRole').replace('name="Greeting"', 'name="<Greeting>"'))),
    expect: { error: /'<' cannot appear inside an attribute value/ },
    alsoIn: 'corpus.test.ts, xml.test.ts',
  },
  { entry: 'csdef', id: 'csdef/mismatched-tag', what: 'a start tag closed by another name', input: () => def(GOOD_CSDEF.replace('</WebRole>', '</WorkerRole>')), expect: { error: /<\/WorkerRole> does not close <WebRole> \(opened at line 3, column 3\)/ } },
  { entry: 'csdef', id: 'csdef/two-roots', what: 'two root elements', input: () => def(`${GOOD_CSDEF}<ServiceDefinition/>`), expect: { error: /a second root element starts here; a file has exactly one/ } },
  ...cuts(GOOD_CSDEF).map(
    (c): Hostile => ({
      entry: 'csdef',
      id: `csdef/truncated-${c.at}`,
      what: `truncated after ${c.at} of ${GOOD_CSDEF.length} characters (${c.where})`,
      input: () => def(GOOD_CSDEF.slice(0, c.at)),
      expect: { error: c.at === 0 ? /the file is empty/ : TRUNCATED },
      alsoIn: 'property.test.ts (every cut point)',
    }),
  ),
  {
    entry: 'csdef',
    id: 'csdef/nested-10000',
    what: 'elements nested 10,000 deep',
    input: () => def(csdefText(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`)),
    expect: { error: /nested more than 100 levels deep/ },
    alsoIn: 'xml.test.ts (101 deep)',
  },
  {
    entry: 'csdef',
    id: 'csdef/oversized',
    what: '1 MiB + 1 bytes',
    input: () => def(csdefText(`<!--${' '.repeat(1_048_577 - csdefText('<!---->').length)}-->`)),
    expect: { error: /The file is 1,048,577 bytes; a service model file may be at most 1 MiB/ },
    alsoIn: 'decode.test.ts',
  },
  { entry: 'csdef', id: 'csdef/doctype', what: 'a DOCTYPE naming an external DTD', input: () => def(`<!DOCTYPE ServiceDefinition SYSTEM "http://example.com/x.dtd">\n${GOOD_CSDEF.replace(/^<\?xml[^>]*>\n/, '')}`), expect: { error: /A DOCTYPE is not allowed/ }, alsoIn: 'xml.test.ts' },
  { entry: 'csdef', id: 'csdef/billion-laughs', what: 'the billion laughs (nested entity expansion)', input: () => def(billionLaughs('ServiceDefinition')), expect: { error: /A DOCTYPE is not allowed.*billion laughs/ }, alsoIn: 'xml.test.ts' },
  {
    entry: 'csdef',
    id: 'csdef/external-entity',
    what: 'an external entity reading /etc/passwd (XXE)',
    input: () => def(`<?xml version="1.0"?>\n<!DOCTYPE ServiceDefinition [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<ServiceDefinition name="&xxe;" xmlns="${DEFINITION_NS}"/>`),
    expect: { error: /A DOCTYPE is not allowed/ },
  },
  { entry: 'csdef', id: 'csdef/undeclared-entity', what: 'an entity reference with no DOCTYPE (&xxe;)', input: () => def(GOOD_CSDEF.replace('name="WebRole"', 'name="&xxe;"')), expect: { error: /Entity reference '&xxe;' is not allowed/ }, alsoIn: 'xml.test.ts' },
  { entry: 'csdef', id: 'csdef/wrong-namespace', what: 'the right root in another namespace', input: () => def(csdefText(GOOD_ROLES, `name="${SERVICE}"`, ' xmlns="http://example.com/evil"')), expect: { error: /is in namespace "http:\/\/example.com\/evil"; it must be in namespace/ } },
  { entry: 'csdef', id: 'csdef/no-namespace', what: 'the right root with no namespace', input: () => def(csdefText(GOOD_ROLES, `name="${SERVICE}"`, '')), expect: { error: /is in no namespace; it must be in namespace/ } },
  { entry: 'csdef', id: 'csdef/is-cscfg', what: 'a .cscfg given as the .csdef', input: () => ({ csdef: GOOD_CSCFG, cscfg: GOOD_CSCFG }), expect: { error: /The root element is <ServiceConfiguration>.*were the two files swapped/ } },
  { entry: 'csdef', id: 'csdef/other-root', what: 'some other XML (an HTML page)', input: () => def('<html><body><script>alert(1)</script></body></html>'), expect: { error: /The root element is <html>/ } },
  {
    entry: 'csdef',
    id: 'csdef/utf16-no-bom',
    what: 'UTF-16LE with no byte-order mark and no declaration',
    input: () => def(utf16(GOOD_CSDEF.replace(/^<\?xml[^>]*>\n/, ''), true, false)),
    expect: { error: /looks like UTF-16LE .* but has no byte-order mark/ },
  },
  {
    entry: 'csdef',
    id: 'csdef/utf16-bom-lying-declaration',
    what: 'UTF-16LE with a byte-order mark whose declaration says utf-8',
    input: () => def(utf16(GOOD_CSDEF, true, true)),
    expect: { warning: /starts with a UTF-16LE byte-order mark but its XML declaration says encoding="utf-8"/ },
    alsoIn: 'decode.test.ts',
  },
  {
    entry: 'csdef',
    id: 'csdef/utf16-no-bom-lying-declaration',
    what: 'UTF-16BE with no mark, declaring utf-8',
    input: () => def(utf16(GOOD_CSDEF, false, false)),
    expect: { warning: /begins with "<\?" in UTF-16BE but its XML declaration says encoding="utf-8"/ },
  },
  { entry: 'csdef', id: 'csdef/utf8-declares-utf16', what: 'single bytes declaring encoding="utf-16"', input: () => def(utf8(GOOD_CSDEF.replace('utf-8', 'utf-16'))), expect: { error: /There is no Unicode byte order mark\. Cannot switch to Unicode/ }, alsoIn: 'decode.test.ts' },
  {
    entry: 'csdef',
    id: 'csdef/utf16-odd-length',
    what: 'UTF-16 with a mark and an odd number of bytes',
    input: () => def(concat(utf16(GOOD_CSDEF, true, true), [0x3c])),
    expect: { error: /odd number of bytes/ },
    alsoIn: 'decode.test.ts',
  },
  { entry: 'csdef', id: 'csdef/utf32', what: 'UTF-32', input: () => def(Uint8Array.from([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0])), expect: { error: /UTF-32, which is not supported/ }, alsoIn: 'decode.test.ts' },
  {
    entry: 'csdef',
    id: 'csdef/invalid-utf8',
    what: 'a byte that is not UTF-8 (0xE9, windows-1252 é) in a file that says nothing',
    input: () => def(concat(utf8(GOOD_CSDEF.slice(0, GOOD_CSDEF.indexOf('WebRole"'))), [0xe9], utf8(GOOD_CSDEF.slice(GOOD_CSDEF.indexOf('WebRole"'))))),
    expect: { error: /not valid UTF-8: byte \d+ \(0xE9\)/ },
    alsoIn: 'decode.test.ts',
  },
  { entry: 'csdef', id: 'csdef/overlong-utf8', what: 'an overlong UTF-8 form of "/" (0xC0 0xAF)', input: () => def(concat(utf8('<a>'), [0xc0, 0xaf], utf8('</a>'))), expect: { error: /not valid UTF-8: byte 3 \(0xC0\)/ }, alsoIn: 'decode.test.ts' },
  { entry: 'csdef', id: 'csdef/nul-bytes', what: 'NUL bytes inside the text', input: () => def(GOOD_CSDEF.replace('<WorkerRole', '\u0000\u0000<WorkerRole')), expect: { error: /the character U\+0000 \(a control character\) cannot appear/ } },
  {
    entry: 'csdef',
    id: 'csdef/latin1-declared-utf8-bytes',
    what: 'declared ISO-8859-1, written in UTF-8 (role "Wëb")',
    input: () => {
      const text = csdefText(webRole('Wëb')).replace('utf-8', 'ISO-8859-1');
      return { csdef: utf8(text), cscfg: utf8(cscfgText(webConfig('Wëb')).replace('utf-8', 'ISO-8859-1')) };
    },
    expect: { warning: /says ISO-8859-1, but the bytes are valid UTF-8.*"ë" reads as "Ã«"/ },
  },
  { entry: 'csdef', id: 'csdef/unsupported-encoding', what: 'encoding="shift_jis"', input: () => def(utf8(GOOD_CSDEF.replace('utf-8', 'shift_jis'))), expect: { error: /encoding="shift_jis", which this reader does not support/ }, alsoIn: 'decode.test.ts' },
  {
    entry: 'csdef',
    id: 'csdef/lone-surrogate',
    what: 'UTF-16 with half a surrogate pair (0xD800)',
    input: () => def(utf16(GOOD_CSDEF.replace('utf-8', 'utf-16').replace('name="WebRole"', 'name="Web\ud800Role"'), true, true)),
    expect: { error: /half of a UTF-16 surrogate pair with no other half/ },
  },
  {
    entry: 'csdef',
    id: 'csdef/attributes-100000',
    what: 'an element with 100,000 attributes',
    input: () => def(csdefText(`  <WorkerRole name="W" ${Array.from({ length: 100_000 }, (_, i) => `a${i}=""`).join(' ')} />`)),
    expect: { error: /has more than 1,000 attributes/ },
  },
  {
    entry: 'csdef',
    id: 'csdef/roles-1000000',
    what: '1,000,000 roles',
    input: () => def(csdefText('<WorkerRole name="r"/>'.repeat(1_000_000))),
    expect: { error: /a service model file may be at most 1 MiB/ },
  },
  {
    entry: 'csdef',
    id: 'csdef/roles-30000',
    what: '30,000 roles (fits in 1 MiB)',
    input: () => def(csdefText(Array.from({ length: 30_000 }, (_, i) => `<WorkerRole name="r${i}"/>`).join(''))),
    expect: { error: /more than 50,000 elements and attributes/ },
  },
  { entry: 'csdef', id: 'csdef/roles-26', what: '26 roles', input: () => def(csdefText(Array.from({ length: 26 }, (_, i) => `<WorkerRole name="r${i}"/>`).join(''))), expect: { error: /defines 26 roles; a service has at most 25/ }, alsoIn: 'validate.test.ts' },
  {
    entry: 'csdef',
    id: 'csdef/unknown-elements-20000',
    what: '20,000 unknown elements (a warning each)',
    input: () => def(csdefText(`${GOOD_ROLES}\n${'<Junk/>'.repeat(20_000)}`)),
    expect: { warning: /more problems \(\d+ warnings\) from here on are not listed: only the first 500 are/ },
  },
  {
    entry: 'csdef',
    id: 'csdef/probes-x-endpoints',
    what: '5,000 probes and 5,000 endpoints naming an unknown one (a quadratic check before)',
    input: () =>
      def(
        csdefText(
          `<LoadBalancerProbes>${Array.from({ length: 5_000 }, (_, i) => `<LoadBalancerProbe name="p${i}" protocol="tcp" port="${(i % 60_000) + 1}"/>`).join('')}</LoadBalancerProbes>` +
            `<WorkerRole name="W"><Endpoints>${Array.from({ length: 5_000 }, (_, i) => `<InputEndpoint name="e${i}" protocol="tcp" port="${(i % 60_000) + 1}" loadBalancerProbe="nope"/>`).join('')}</Endpoints></WorkerRole>`,
        ),
      ),
    expect: { error: /names loadBalancerProbe 'nope', which <LoadBalancerProbes> does not define \(defined: p0, .*, and 4990 more\)/ },
  },
  { entry: 'csdef', id: 'csdef/role-name-newline', what: 'a role name holding a line feed (&#10;)', input: () => def(csdefText(webRole('Web&#10;Role'))), expect: { error: /WebRole name "Web\\u000aRole" holds a control character, U\+000A/ } },
  { entry: 'csdef', id: 'csdef/role-name-raw-control', what: 'a role name holding a raw control character (U+0001)', input: () => def(csdefText(webRole('Web\u0001Role'))), expect: { error: /the character U\+0001 \(a control character\) cannot appear in an XML file/ } },
  { entry: 'csdef', id: 'csdef/role-name-control-reference', what: 'a role name holding &#1;', input: () => def(csdefText(webRole('Web&#1;Role'))), expect: { error: /the character reference '&#1;' is not allowed: it stands for U\+0001, a control character/ } },
  { entry: 'csdef', id: 'csdef/role-name-bidi', what: 'a role name holding a right-to-left override (U+202E)', input: () => def(csdefText(webRole('Web\u202eeloR'))), expect: { error: /holds an invisible formatting character, U\+202E/ } },
  { entry: 'csdef', id: 'csdef/service-name-c1', what: 'a service name holding a C1 control (U+0085)', input: () => ({ csdef: csdefText(GOOD_ROLES, 'name="sh\u0085op"'), cscfg: cscfgText(GOOD_CONFIG, 'serviceName="sh\u0085op" osFamily="4" osVersion="*"') }), expect: { error: /The service name "sh\\u0085op" holds a control character, U\+0085/ } },
  {
    entry: 'csdef',
    id: 'csdef/role-name-html',
    what: 'a role named <script>alert(1)</script> (escaped): kept as text',
    input: () => ({ csdef: csdefText(webRole('&lt;script&gt;alert(1)&lt;/script&gt;')), cscfg: cscfgText(webConfig('&lt;script&gt;alert(1)&lt;/script&gt;')) }),
    expect: { accepted: true, keeps: '<script>alert(1)</script>' },
    alsoIn: 'xml.test.ts (an <img onerror> name)',
  },
  {
    entry: 'csdef',
    id: 'csdef/vmsize-html',
    what: 'vmsize="<img src=x onerror=alert(1)>" (escaped)',
    input: () => def(GOOD_CSDEF.replace('vmsize="Small"', 'vmsize="&lt;img src=x onerror=alert(1)&gt;"')),
    expect: { error: /vmsize="<img src=x onerror=alert\(1\)>", which is not a known VM size/ },
  },
  { entry: 'csdef', id: 'csdef/udc-1e309', what: 'upgradeDomainCount="1e309"', input: () => def(csdefText(GOOD_ROLES, `name="${SERVICE}" upgradeDomainCount="1e309"`)), expect: { error: /upgradeDomainCount="1e309"; it must be a whole number from 1 to 20/ } },
  { entry: 'csdef', id: 'csdef/port-minus-1', what: 'an endpoint on port -1', input: () => def(GOOD_CSDEF.replace('port="80"', 'port="-1"')), expect: { error: /port="-1"; a port must be a whole number from 1 to 65535/ } },
  {
    entry: 'csdef',
    id: 'csdef/huge-attribute',
    what: 'an unknown attribute holding 1,000,000 characters',
    input: () => def(GOOD_CSDEF.replace('<WorkerRole ', `<WorkerRole junk="${'x'.repeat(1_000_000)}" `)),
    expect: { warning: /Attribute junk="x{77}\.\.\." of <WorkerRole> .* is not modelled/ },
  },
];

const cscfgEntries: Hostile[] = [
  { entry: 'cscfg', id: 'cscfg/instances-1000000', what: 'Instances count="1000000"', input: () => cfg(cscfgText(webConfig('WebRole', '1000000') + '\n  <Role name="WorkerRole"><Instances count="2"/></Role>')), expect: { error: /count="1000000"; the simulator runs at most 100,000 instances of a role/ } },
  { entry: 'cscfg', id: 'cscfg/instances-minus-1', what: 'Instances count="-1"', input: () => cfg(GOOD_CSCFG.replace('count="3"', 'count="-1"')), expect: { error: /count="-1"; the instance count must be a whole number of at least 1/ } },
  { entry: 'cscfg', id: 'cscfg/instances-1e309', what: 'Instances count="1e309"', input: () => cfg(GOOD_CSCFG.replace('count="3"', 'count="1e309"')), expect: { error: /count="1e309"; the instance count must be a whole number of at least 1/ } },
  { entry: 'cscfg', id: 'cscfg/instances-x', what: 'Instances count="x"', input: () => cfg(GOOD_CSCFG.replace('count="3"', 'count="x"')), expect: { error: /count="x"; the instance count must be a whole number/ } },
  { entry: 'cscfg', id: 'cscfg/instances-2147483648', what: 'Instances count="2147483648" (past a 32-bit int)', input: () => cfg(GOOD_CSCFG.replace('count="3"', 'count="2147483648"')), expect: { error: /count="2147483648"; the simulator runs at most 100,000 instances of a role/ } },
  { entry: 'cscfg', id: 'cscfg/instances-missing', what: 'a role with no <Instances>', input: () => cfg(GOOD_CSCFG.replace('<Instances count="3" />', '')), expect: { error: /has no <Instances count="..." \/>/ }, alsoIn: 'merge.test.ts' },
  { entry: 'cscfg', id: 'cscfg/is-csdef', what: 'a .csdef given as the .cscfg', input: () => ({ csdef: GOOD_CSDEF, cscfg: GOOD_CSDEF }), expect: { error: /The root element is <ServiceDefinition>.*were the two files swapped/ } },
  { entry: 'cscfg', id: 'cscfg/wrong-namespace', what: 'the right root in the definition namespace', input: () => cfg(cscfgText(GOOD_CONFIG, `serviceName="${SERVICE}" osFamily="4" osVersion="*"`, ` xmlns="${DEFINITION_NS}"`)), expect: { error: /<ServiceConfiguration> is in namespace ".*ServiceDefinition"/ } },
  { entry: 'cscfg', id: 'cscfg/no-namespace', what: 'the right root with no namespace', input: () => cfg(cscfgText(GOOD_CONFIG, `serviceName="${SERVICE}" osFamily="4" osVersion="*"`, '')), expect: { error: /<ServiceConfiguration> is in no namespace/ } },
  ...cuts(GOOD_CSCFG)
    .filter((_, i) => i % 2 === 1)
    .map(
      (c): Hostile => ({
        entry: 'cscfg',
        id: `cscfg/truncated-${c.at}`,
        what: `truncated after ${c.at} of ${GOOD_CSCFG.length} characters (${c.where})`,
        input: () => cfg(GOOD_CSCFG.slice(0, c.at)),
        expect: { error: TRUNCATED },
      }),
    ),
  { entry: 'cscfg', id: 'cscfg/billion-laughs', what: 'the billion laughs', input: () => cfg(billionLaughs('ServiceConfiguration')), expect: { error: /A DOCTYPE is not allowed/ } },
  { entry: 'cscfg', id: 'cscfg/nested-10000', what: 'elements nested 10,000 deep', input: () => cfg(cscfgText(`${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`)), expect: { error: /nested more than 100 levels deep/ } },
  { entry: 'cscfg', id: 'cscfg/oversized', what: '2 MiB of settings', input: () => cfg(cscfgText(`<!--${'-'.repeat(0)}${' '.repeat(2 * 1_048_576)}-->`)), expect: { error: /a service model file may be at most 1 MiB/ } },
  {
    entry: 'cscfg',
    id: 'cscfg/thumbprint-invisible',
    what: 'a certificate thumbprint with an invisible left-to-right mark (copied from Windows)',
    input: () =>
      ({
        csdef: GOOD_CSDEF.replace('</WebRole>', '  <Certificates><Certificate name="C" storeLocation="LocalMachine" storeName="My"/></Certificates>\n  </WebRole>'),
        cscfg: GOOD_CSCFG.replace('</ConfigurationSettings>\n  </Role>', `</ConfigurationSettings>\n    <Certificates><Certificate name="C" thumbprint="\u200e${'A'.repeat(40)}" thumbprintAlgorithm="sha1"/></Certificates>\n  </Role>`),
      }),
    expect: { error: /holds an invisible character \(copied from the Windows certificate dialog\)/ },
    alsoIn: 'merge.test.ts',
  },
  { entry: 'cscfg', id: 'cscfg/utf16be-bom', what: 'UTF-16BE with a byte-order mark (legal)', input: () => cfg(utf16(GOOD_CSCFG.replace('utf-8', 'utf-16'), false, true)), expect: { accepted: true } },
  { entry: 'cscfg', id: 'cscfg/unknown-roles-1000', what: '1,000 roles the definition does not have', input: () => cfg(cscfgText(GOOD_CONFIG + Array.from({ length: 1000 }, (_, i) => `<Role name="x${i}"><Instances count="1"/></Role>`).join(''))), expect: { error: /Role 'x0' in the service configuration file is not defined in the service definition file/ } },
  { entry: 'cscfg', id: 'cscfg/service-name-html', what: 'serviceName="<b>shop</b>" (escaped)', input: () => cfg(GOOD_CSCFG.replace(`serviceName="${SERVICE}"`, 'serviceName="&lt;b&gt;shop&lt;/b&gt;"')), expect: { error: /serviceName '<b>shop<\/b>' in the service configuration file does not match the name 'shop'/ } },
  { entry: 'cscfg', id: 'cscfg/setting-control-chars', what: 'a setting value holding tabs and newlines (&#9; &#10;): legal', input: () => cfg(GOOD_CSCFG.replace('value="Hello"', 'value="a&#9;b&#10;c"')), expect: { accepted: true } },
];

const STEP = { at: '1m', say: 'x' };

const scenarioEntries: Hostile[] = [
  { entry: 'scenario', id: 'scenario/not-json', what: 'plain text', input: () => 'hello', expect: { error: /^not valid JSON at line 1, column 1: expected a value/ } },
  { entry: 'scenario', id: 'scenario/empty', what: 'an empty file', input: () => '', expect: { error: /^not valid JSON at line 1, column 1: the text is empty/ } },
  { entry: 'scenario', id: 'scenario/truncated-object', what: 'cut inside an object', input: () => scenarioWith({}).slice(0, 40), expect: { error: /not valid JSON at line 1, column \d+: the text ends inside/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/truncated-string', what: 'cut inside a string', input: () => '{"scenario": 1, "name": "A top', expect: { error: /^name: not valid JSON at line 1, column 31: the text ends inside a string \(opened at line 1, column 25\)/ } },
  { entry: 'scenario', id: 'scenario/truncated-steps', what: 'cut inside the steps', input: () => scenarioWith({}).slice(0, scenarioWith({}).indexOf('"say"') + 3), expect: { error: /^steps\[2\]: not valid JSON at line 1, column \d+: the text ends inside a string/ } },
  { entry: 'scenario', id: 'scenario/trailing-comma', what: 'a trailing comma', input: () => '{"scenario": 1,}', expect: { error: /^not valid JSON at line 1, column 16: expected a property name in double quotes, found "}"/ } },
  { entry: 'scenario', id: 'scenario/comment', what: 'a // comment', input: () => '{\n  // the version\n  "scenario": 1\n}', expect: { error: /^not valid JSON at line 2, column 3: expected a property name in double quotes, found "\/"/ } },
  { entry: 'scenario', id: 'scenario/single-quotes', what: "single-quoted strings", input: () => "{'scenario': 1}", expect: { error: /expected a property name in double quotes, found "'"/ } },
  { entry: 'scenario', id: 'scenario/nan', what: 'NaN as a value', input: () => '{"scenario": 1, "seed": NaN}', expect: { error: /^seed: not valid JSON at line 1, column 25: expected a value .*found "N"/ } },
  { entry: 'scenario', id: 'scenario/leading-zero', what: 'a number with a leading zero (007)', input: () => '{"scenario": 1, "seed": 007}', expect: { error: /^seed: not valid JSON at line 1, column 25: a number cannot start with 0 followed by more digits/ } },
  { entry: 'scenario', id: 'scenario/bad-escape', what: 'an unknown escape (\\x41)', input: () => '{"name": "\\x41"}', expect: { error: /^name: not valid JSON at line 1, column 11: \\x is not an escape JSON knows/ } },
  { entry: 'scenario', id: 'scenario/raw-control-in-string', what: 'a raw line feed inside a string', input: () => '{"name": "a\nb"}', expect: { error: /^name: not valid JSON at line 1, column 12: the control character U\+000A must be escaped/ } },
  { entry: 'scenario', id: 'scenario/garbage-after', what: 'text after the value', input: () => `${scenarioWith({})} x`, expect: { error: /not valid JSON at line 1, column \d+: unexpected "x" after the end of the JSON value/ } },
  { entry: 'scenario', id: 'scenario/array', what: 'JSON of the wrong top-level type: an array', input: () => '[1, 2, 3]', expect: { error: /^\(root\): must be an object, got an array of 3 items/ }, alsoIn: 'timeline.test.ts (run files)' },
  { entry: 'scenario', id: 'scenario/string', what: 'JSON of the wrong top-level type: a string', input: () => '"scenario"', expect: { error: /^\(root\): must be an object, got the string "scenario"/ } },
  { entry: 'scenario', id: 'scenario/null', what: 'JSON null', input: () => 'null', expect: { error: /^\(root\): must be an object, got null/ } },
  { entry: 'scenario', id: 'scenario/version-2', what: 'format version 2', input: () => scenarioWith({ scenario: 2 }), expect: { error: /^scenario: must be 1 \(the format version this simulator reads\), got number 2/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/version-string', what: 'format version "1" (a string)', input: () => scenarioWith({ scenario: '1' }), expect: { error: /^scenario: must be 1 .*got the string "1"/ } },
  { entry: 'scenario', id: 'scenario/version-missing', what: 'no format version', input: () => scenarioWith({ scenario: undefined }), expect: { error: /^scenario: must be 1 .*got nothing/ } },
  { entry: 'scenario', id: 'scenario/unknown-root', what: 'an unknown field at the root', input: () => scenarioWith({ extra: true }), expect: { error: /^\(root\)\.extra: unknown field; allowed here: scenario, name/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/unknown-datacenter', what: 'an unknown field in datacenter', input: () => scenarioWith({ datacenter: { preset: 'demo', power: 9000 } }), expect: { error: /^datacenter\.power: unknown field/ } },
  { entry: 'scenario', id: 'scenario/unknown-host', what: 'an unknown field in datacenter.host', input: () => scenarioWith({ datacenter: { preset: 'demo', host: { cores: 8, gpus: 4 } } }), expect: { error: /^datacenter\.host\.gpus: unknown field/ } },
  { entry: 'scenario', id: 'scenario/unknown-service', what: 'an unknown field in a service', input: () => scenarioWith({ services: [{ name: SERVICE, csdef: 'a', cscfg: 'b', vip: '1.2.3.4' }] }), expect: { error: /^services\[0\]\.vip: unknown field/ } },
  { entry: 'scenario', id: 'scenario/unknown-step', what: 'an unknown field in a step', input: () => withSteps([{ ...STEP, when: 'now' }]), expect: { error: /^steps\[0\]\.when: unknown field/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/unknown-expect', what: 'an unknown field in an expectation', input: () => withSteps([{ at: '1m', expect: { host: 'c0-r0-h00', status: 'Healthy', soon: true } }]), expect: { error: /^steps\[0\]\.expect\.soon: unknown field/ } },
  { entry: 'scenario', id: 'scenario/unknown-fc', what: 'an unknown field in expect.fc', input: () => withSteps([{ at: '1m', expect: { fc: { primary: 'fc0', term: 3 } } }]), expect: { error: /^steps\[0\]\.expect\.fc\.term: unknown field/ } },
  {
    entry: 'scenario',
    id: 'scenario/steps-unsorted',
    what: 'steps out of time order (legal: they run by time, then file order)',
    input: () => withSteps([{ at: '5m', say: 'b' }, { at: '1m', say: 'a' }]),
    expect: { accepted: true },
    alsoIn: 'parse.test.ts',
  },
  { entry: 'scenario', id: 'scenario/at-malformed', what: 'at: "soon"', input: () => withSteps([{ ...STEP, at: 'soon' }]), expect: { error: /^steps\[0\]\.at: cannot read duration "soon" at character 1/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/at-negative', what: 'at: "-5m"', input: () => withSteps([{ ...STEP, at: '-5m' }]), expect: { error: /^steps\[0\]\.at: cannot read duration "-5m" at character 1/ } },
  { entry: 'scenario', id: 'scenario/at-absurd', what: 'at: "99999999d"', input: () => withSteps([{ ...STEP, at: '99999999d' }]), expect: { error: /^steps\[0\]\.at: duration "99999999d" is out of range \(0 to 10 years\)/ } },
  { entry: 'scenario', id: 'scenario/at-digits', what: 'at: 400 digits of milliseconds', input: () => withSteps([{ ...STEP, at: '9'.repeat(400) }]), expect: { error: /^steps\[0\]\.at: must be a duration .*got a string of 400 characters/ } },
  { entry: 'scenario', id: 'scenario/at-number', what: 'at: 60 (a number)', input: () => withSteps([{ ...STEP, at: 60 }]), expect: { error: /^steps\[0\]\.at: must be a duration .*got number 60/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/at-1e309', what: 'at: 1e309', input: () => withSteps([{ ...STEP, at: 0 }]).replace('"at":0', '"at":1e309'), expect: { error: /^steps\[0\]\.at: is a number too large to hold \(Infinity\)/ } },
  { entry: 'scenario', id: 'scenario/seed-1e309', what: 'seed: 1e309', input: () => scenarioWith({ seed: 0 }).replace('"seed":0', '"seed":1e309'), expect: { error: /^seed: is a number too large to hold/ } },
  { entry: 'scenario', id: 'scenario/steps-100001', what: '100,001 steps', input: () => withSteps(new Array(100_001).fill(STEP)), expect: { error: /^steps: at most 100000 steps, got 100001/ } },
  { entry: 'scenario', id: 'scenario/100-MB', what: '100 MB of nesting ([[[[…)', input: () => '['.repeat(100_000_000), expect: { error: /^\(root\): a scenario file may be at most 4,194,304 characters; this one has 100,000,000/ } },
  { entry: 'scenario', id: 'scenario/nested-10000', what: 'arrays nested 10,000 deep inside datacenter', input: () => scenarioWith({ datacenter: { preset: 'DEEP' } }).replace('"DEEP"', `${'['.repeat(10_000)}0${']'.repeat(10_000)}`), expect: { error: /^datacenter\.preset(\[0\])+…(\[0\])+: not valid JSON at line 1, column \d+: objects and arrays are nested more than 64 levels deep/ } },
  { entry: 'scenario', id: 'scenario/values-1000001', what: '1,000,001 values (in a 2 MB text)', input: () => scenarioWith({ description: 'x', datacenter: { preset: 'demo' }, services: [] }).replace('"description":"x"', `"description":[${'0,'.repeat(1_000_000)}0]`), expect: { error: /description\[\d+\]: not valid JSON at line 1, column \d+: a scenario file may hold at most 1,000,000 values/ } },
  { entry: 'scenario', id: 'scenario/proto-root', what: 'a "__proto__" key at the root', input: () => scenarioWith({}).replace('{', '{"__proto__":{"polluted":true},'), expect: { error: /^\(root\)\.__proto__: unknown field/ } },
  { entry: 'scenario', id: 'scenario/proto-step', what: 'a "__proto__" key in a step (to smuggle in "do")', input: () => withSteps([{ ...STEP }]).replace('{"at":"1m"', '{"__proto__":{"do":"fail","target":"lb0"},"at":"1m"'), expect: { error: /^steps\[0\]\.__proto__: unknown field/ } },
  { entry: 'scenario', id: 'scenario/constructor', what: 'a "constructor" key at the root', input: () => scenarioWith({ constructor: { prototype: { polluted: true } } }), expect: { error: /^\(root\)\.constructor: unknown field/ } },
  { entry: 'scenario', id: 'scenario/proto-datacenter', what: 'a "__proto__" key in datacenter', input: () => scenarioWith({}).replace('"datacenter":{', '"datacenter":{"__proto__":{"preset":"region"},'), expect: { error: /^datacenter\.__proto__: unknown field/ } },
  { entry: 'scenario', id: 'scenario/duplicate-root', what: 'a key given twice at the root ("seed")', input: () => scenarioWith({}).replace('"seed":42', '"seed":42,"seed":7'), expect: { error: /^seed: not valid JSON at line 1, column \d+: the key "seed" appears twice in one object/ } },
  { entry: 'scenario', id: 'scenario/duplicate-step', what: 'a key given twice in a step ("target")', input: () => withSteps([{ at: '1m', do: 'fail', target: 'c0-r0-h00' }]).replace('"target":"c0-r0-h00"', '"target":"c0-r0-h00","target":"lb0"'), expect: { error: /^steps\[0\]\.target: not valid JSON at line 1, column \d+: the key "target" appears twice/ } },
  { entry: 'scenario', id: 'scenario/billion-hosts', what: 'a data center of a billion hosts', input: () => scenarioWith({ datacenter: { containers: 1000, racksPerContainer: 1000, hostsPerRack: 1000 } }), expect: { error: /^datacenter\.containers: must be at most 100/ }, alsoIn: 'parse.test.ts' },
  { entry: 'scenario', id: 'scenario/preset-object', what: 'datacenter.preset as a 10,000-key object', input: () => scenarioWith({ datacenter: { preset: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) } }), expect: { error: /^datacenter\.preset: must be a number or a name, got an object/ } },
  { entry: 'scenario', id: 'scenario/ready-huge', what: 'ready: ">=99999999999999999999"', input: () => withSteps([{ at: '1m', expect: { role: `${SERVICE}/WebRole`, ready: '>=99999999999999999999' } }]), expect: { error: /^steps\[0\]\.expect\.ready: must be "<op><n>"/ } },
  { entry: 'scenario', id: 'scenario/say-too-long', what: 'a caption of 20,000 characters', input: () => withSteps([{ at: '1m', say: 'x'.repeat(20_000) }]), expect: { error: /^steps\[0\]\.say: is 20,000 characters long; at most 10,000/ } },
  { entry: 'scenario', id: 'scenario/say-html', what: 'a caption of HTML: kept as text', input: () => withSteps([{ at: '1m', say: '<img src=x onerror=alert(1)>' }]), expect: { accepted: true, keeps: '<img src=x onerror=alert(1)>' } },
  { entry: 'scenario', id: 'scenario/say-escaped-controls', what: 'a caption with escaped control characters (\\u0000, \\u001b[31m): kept as text', input: () => withSteps([{ at: '1m', say: 'a\u0000b\u001b[31mc' }]), expect: { accepted: true, keeps: 'a\u0000b\u001b[31mc' } },
  { entry: 'scenario', id: 'scenario/bom', what: 'a byte-order mark before the JSON (as Notepad saves)', input: () => `\ufeff${scenarioWith({})}`, expect: { accepted: true } },
  { entry: 'scenario', id: 'scenario/service-name-html', what: 'a service named <script>', input: () => scenarioWith({ services: [{ name: '<script>', csdef: 'a', cscfg: 'b' }] }), expect: { error: /^services\[0\]\.name: must be letters, digits and hyphens \(a DNS label\), got the string "<script>"/ } },
  { entry: 'scenario', id: 'scenario/inline-xml-too-long', what: 'an inline .csdef of 2,000,000 characters', input: () => scenarioWith({ services: [{ name: SERVICE, csdef: `<x>${' '.repeat(2_000_000)}</x>`, cscfg: GOOD_CSCFG }] }), expect: { error: /^services\[0\]\.csdef: is 2,000,007 characters long; at most 1,048,576/ } },
];

const valueEntries: Hostile[] = [
  { entry: 'scenario-value', id: 'scenario-value/billion-steps', what: 'steps: an array claiming a billion items', input: () => ({ ...goodScenario(), steps: new Array(1_000_000_000) }), expect: { error: /^steps: is an array of 1,000,000,000 items; a scenario file may hold at most 1,000,000 values/ } },
  { entry: 'scenario-value', id: 'scenario-value/nested-1000000', what: 'objects nested 1,000,000 deep', input: () => ({ ...goodScenario(), datacenter: nested(1_000_000, 'object') }), expect: { error: /^datacenter(\.a)+…(\.a)+: objects and arrays are nested more than 64 levels deep/ } },
  {
    entry: 'scenario-value',
    id: 'scenario-value/cycle',
    what: 'a value that contains itself',
    input: () => {
      const s = goodScenario() as Record<string, unknown> & { steps: Record<string, unknown>[] };
      s.steps[0]!.self = s;
      return s;
    },
    expect: { error: /objects and arrays are nested more than 64 levels deep/ },
  },
  { entry: 'scenario-value', id: 'scenario-value/infinity', what: 'seed: Infinity (JSON.parse of 1e999)', input: () => ({ ...goodScenario(), seed: Number.POSITIVE_INFINITY }), expect: { error: /^seed: is a number too large to hold \(Infinity\)/ } },
  { entry: 'scenario-value', id: 'scenario-value/function', what: 'a function where a value goes', input: () => ({ ...goodScenario(), name: () => 'x' }), expect: { error: /^name: is a function, which JSON cannot hold/ } },
];

const filesEntries: Hostile[] = [
  {
    entry: 'scenario-files',
    id: 'scenario-files/missing',
    what: 'a service file that does not exist',
    input: () => ({ scenario: { ...goodScenario(), services: [{ name: SERVICE, csdef: 'nope/ServiceDefinition.csdef', cscfg: 'nope/ServiceConfiguration.cscfg' }] }, files: {} }),
    expect: { error: /^services\[0\]\.csdef: cannot read "nope\/ServiceDefinition\.csdef": the run does not carry the file/ },
  },
  {
    entry: 'scenario-files',
    id: 'scenario-files/dotdot',
    what: 'a path climbing out with .. (../../../../etc/passwd)',
    input: () => ({ scenario: { ...goodScenario(), services: [{ name: SERVICE, csdef: '../../../../etc/passwd', cscfg: 'x.cscfg' }] }, files: {} }),
    expect: { error: /^services\[0\]\.csdef: cannot read "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd"/ },
  },
  {
    entry: 'scenario-files',
    id: 'scenario-files/constructor',
    what: 'a file named "constructor" (a name every object inherits)',
    input: () => ({ scenario: { ...goodScenario(), services: [{ name: SERVICE, csdef: 'constructor', cscfg: 'toString' }] }, files: {} }),
    expect: { error: /^services\[0\]\.csdef: cannot read "constructor": there is no such file/ },
  },
  {
    entry: 'scenario-files',
    id: 'scenario-files/upgrade-missing',
    what: 'an upgrade step naming a file that does not exist',
    input: () => ({ scenario: { ...goodScenario(), steps: [{ at: '1m', do: 'upgrade', service: SERVICE, csdef: 'v2.csdef', cscfg: 'v2.cscfg', mode: 'auto' }] }, files: {} }),
    expect: { error: /^steps\[0\]\.csdef: cannot read "v2\.csdef"/ },
  },
  {
    entry: 'scenario-files',
    id: 'scenario-files/broken-file',
    what: 'a deploy step whose file is a billion laughs (the run goes on; the step is refused)',
    input: () => ({ scenario: { ...goodScenario(), services: [{ name: SERVICE, csdef: 'evil.csdef', cscfg: 'c.cscfg' }] }, files: { 'evil.csdef': billionLaughs('ServiceDefinition'), 'c.cscfg': GOOD_CSCFG } }),
    expect: { error: /^steps\[0\]: shop cannot be deployed: .*evil\.csdef:2:1: A DOCTYPE is not allowed/ },
  },
];

const RUN_VERSION_2 = /^version: this run was saved in format version 2; this version of Fabric Lab reads version 1/;

const runEntries: Hostile[] = [
  { entry: 'run-file', id: 'run/not-json', what: 'not JSON (a PNG read as text)', input: () => '\u0089PNG\r\n\u001a\n', expect: { error: /^not valid JSON at line 1, column 1: expected a value/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/array', what: 'a JSON array', input: () => '[]', expect: { error: /^\(root\): must be an object, got an array of 0 items/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/not-a-run', what: 'a scenario file opened as a run', input: () => scenarioWith({}), expect: { error: /^fabricLab: this is not a Fabric Lab run/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/version-2', what: 'format version 2', input: () => runWith((r) => (r.version = 2)), expect: { error: RUN_VERSION_2 }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/version-object', what: 'a version that is a big object', input: () => runWith((r) => (r.version = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`v${i}`, i])))), expect: { error: /^version: must be the run format's version number, got an object; this version of Fabric Lab reads version 1/ } },
  { entry: 'run-file', id: 'run/unknown-field', what: 'an unknown field', input: () => runWith((r) => (r.extra = 1)), expect: { error: /^\(root\)\.extra: unknown field/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/proto', what: 'a "__proto__" key at the root', input: () => runWith(() => undefined).replace('{', '{"__proto__":{"t":0},'), expect: { error: /^\(root\)\.__proto__: unknown field/ } },
  { entry: 'run-file', id: 'run/duplicate-key', what: 'the key "t" twice', input: () => runWith(() => undefined).replace('"t":600000', '"t":600000,"t":1'), expect: { error: /^t: not valid JSON at line 1, column \d+: the key "t" appears twice/ } },
  { entry: 'run-file', id: 'run/billion-hosts', what: 'a billion hosts', input: () => runWith((r) => (r.base.datacenter = { containers: 1000, racksPerContainer: 1000, hostsPerRack: 1000 })), expect: { error: /^base\.datacenter\.containers: must be at most 100/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/t-1e300', what: 't: 1e300', input: () => runWith((r) => (r.t = 1e300)), expect: { error: /^t: must be a whole number of milliseconds from 0 to 315360000000 \(ten years\), got number 1e\+300/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/t-negative', what: 't: -1', input: () => runWith((r) => (r.t = -1)), expect: { error: /^t: must be a whole number of milliseconds .*got number -1/ } },
  { entry: 'run-file', id: 'run/t-string', what: 't: "1h"', input: () => runWith((r) => (r.t = '1h')), expect: { error: /^t: must be a whole number of milliseconds .*got the string "1h"/ } },
  { entry: 'run-file', id: 'run/action-at-absurd', what: 'an action at 1e20 ms', input: () => runWith((r) => (r.actions = [{ at: 1e20, action: { do: 'updateHostOs' } }])), expect: { error: /^actions\[0\]\.at: must be a whole number of milliseconds/ } },
  { entry: 'run-file', id: 'run/actions-unsorted', what: 'actions out of time order', input: () => runWith((r) => (r.actions = [{ at: 9, action: { do: 'updateHostOs' } }, { at: 2, action: { do: 'updateHostOs' } }])), expect: { error: /^actions\[1\]\.at: actions must be in time order/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/actions-10001', what: '10,001 actions', input: () => runWith((r) => (r.actions = new Array(10_001).fill({ at: 0, action: { do: 'updateHostOs' } }))), expect: { error: /^actions: 10001 actions; at most 10000/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/unknown-action', what: 'an unknown action', input: () => runWith((r) => (r.actions = [{ at: 5, action: { do: 'explode', target: 'x' } }])), expect: { error: /^actions\[0\]\.action\.do: unknown action/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/too-long', what: '8,000,001 characters', input: () => ' '.repeat(8_000_001), expect: { error: /^\(root\): the run is 8000001 characters long; at most 8000000/ }, alsoIn: 'timeline.test.ts' },
  { entry: 'run-file', id: 'run/nested-10000', what: 'arrays nested 10,000 deep', input: () => runWith(() => undefined).replace('"events":0', `"events":${'['.repeat(10_000)}${']'.repeat(10_000)}`), expect: { error: /^events(\[0\])+…(\[0\])+: not valid JSON at line 1, column \d+: objects and arrays are nested more than 64 levels deep/ } },
  { entry: 'run-file', id: 'run/base-kind', what: 'an unknown base kind', input: () => runWith((r) => (r.base = { kind: 'magic' })), expect: { error: /^base\.kind: must be "setup" or "scenario", got the string "magic"/ } },
  { entry: 'run-file', id: 'run/seed-object', what: 'a seed that is an object', input: () => runWith((r) => (r.base.seed = { deep: nested(50, 'array') })), expect: { error: /^base\.seed: must be a whole number, got an object/ } },
  { entry: 'run-file', id: 'run/hash-html', what: 'a hash holding HTML', input: () => runWith((r) => (r.hash = '<b>0123456789</b>')), expect: { error: /^hash: must be 16 hex digits, got the string "<b>0123456789<\/b>"/ } },
  { entry: 'run-file', id: 'run/file-too-long', what: 'a service file of 2,000,001 characters', input: () => runWith((r) => ((r.base.deploy as { csdef: { text: string } }[])[0]!.csdef.text = ' '.repeat(2_000_001))), expect: { error: /^base\.deploy\[0\]\.csdef\.text: is 2000001 characters long; at most 2000000/ } },
  { entry: 'run-file', id: 'run/file-bad-base64', what: 'a binary service file that is not base64', input: () => runWith((r) => ((r.base.deploy as { csdef: unknown }[])[0]!.csdef = { name: 'x.csdef', base64: '!!!!' })), expect: { error: /^base\.deploy\[0\]\.csdef\.base64: is not valid base64/ } },
  { entry: 'run-file', id: 'run/deploy-doctype', what: 'a deployed .csdef with a DOCTYPE', input: () => runWith((r) => ((r.base.deploy as { csdef: { text: string } }[])[0]!.csdef.text = billionLaughs('ServiceDefinition'))), expect: { error: /^base\.deploy\[0\]: the service files of shop do not load: ServiceDefinition\.csdef:2:1: A DOCTYPE is not allowed/ } },
  { entry: 'run-file', id: 'run/deploy-other-service', what: 'deployed files that define another service', input: () => runWith((r) => ((r.base.deploy as { service: string }[])[0]!.service = 'blog')), expect: { error: /^base\.deploy\[0\]: the files define service "shop", not "blog"/ } },
  { entry: 'run-file', id: 'run/deploy-twice', what: 'the same service deployed twice to one slot', input: () => runWith((r) => (r.base.deploy = [...(r.base.deploy as unknown[]), ...(r.base.deploy as unknown[])])), expect: { error: /^base\.deploy\[1\]: deploys shop to the production slot a second time/ } },
  {
    entry: 'run-file',
    id: 'run/action-deploy-broken',
    what: 'a deploy action whose .cscfg asks for 1,000,000 instances',
    input: () => runWith((r) => (r.actions = [{ at: 1000, action: { do: 'deploy', service: SERVICE, slot: 'staging', csdef: { name: 'a.csdef', text: GOOD_CSDEF }, cscfg: { name: 'a.cscfg', text: GOOD_CSCFG.replace('count="3"', 'count="1000000"') } } }])),
    expect: { error: /^actions\[0\]\.action: the service files of shop do not load: a\.cscfg:\d+:\d+: <Instances> of role 'WebRole' has count="1000000"/ },
  },
  { entry: 'run-file', id: 'run/action-configure-broken', what: 'a configure action with a truncated .cscfg', input: () => runWith((r) => (r.actions = [{ at: 1000, action: { do: 'configure', service: SERVICE, cscfg: { name: 'b.cscfg', text: GOOD_CSCFG.slice(0, 100) } } }])), expect: { error: /^actions\[0\]\.action\.cscfg: the service configuration does not load: b\.cscfg:\d+:\d+: XML is not well-formed/ } },
  { entry: 'run-file', id: 'run/scenario-invalid', what: 'a scenario run whose scenario is invalid', input: () => JSON.stringify(scenarioRun({ ...goodScenario(), steps: [{ at: 'soon', say: 'x' }] }, {})), expect: { error: /^base\.scenario\.steps\[0\]\.at: cannot read duration "soon"/ } },
  { entry: 'run-file', id: 'run/scenario-missing-file', what: 'a scenario run that does not carry a file its scenario names', input: () => JSON.stringify(scenarioRun({ ...goodScenario(), services: [{ name: SERVICE, csdef: 'a.csdef', cscfg: 'b.cscfg' }] }, { 'a.csdef': GOOD_CSDEF })), expect: { error: /^base\.files: the scenario names the file "b\.cscfg" \(at base\.scenario\.services\[0\]\.cscfg\), but the run does not carry it/ } },
  { entry: 'run-file', id: 'run/scenario-constructor-file', what: 'a scenario run naming the file "constructor"', input: () => JSON.stringify(scenarioRun({ ...goodScenario(), services: [{ name: SERVICE, csdef: 'constructor', cscfg: 'toString' }] }, {})), expect: { error: /^base\.files: the scenario names the file "constructor"/ } },
];

const runText = (patch: Parameters<typeof runWith>[0]): string => runWith(patch);

const linkEntries: Hostile[] = [
  { entry: 'link', id: 'link/no-run', what: '#seed=1 (no run in it)', input: () => '#seed=1', expect: { error: /the address has no run in it/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/no-version', what: '#run=abc (no format)', input: () => '#run=abc', expect: { error: /does not say which link format it uses/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/version-2', what: '#run=2.… (a newer format)', input: () => linkOf(runText(() => undefined), '2'), expect: { error: /made by a newer Fabric Lab \(link format 2\); this one reads format 1/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/version-0', what: '#run=0.… (an older format)', input: () => linkOf(runText(() => undefined), '0'), expect: { error: /link format 0, which this Fabric Lab no longer reads/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/version-huge', what: '#run=99999999999.… (an absurd format number)', input: () => linkOf(runText(() => undefined), '99999999999'), expect: { error: /does not say which link format it uses/ } },
  { entry: 'link', id: 'link/empty-data', what: '#run=1. (no data)', input: () => '#run=1.', expect: { error: /has no data after its format/ } },
  { entry: 'link', id: 'link/bad-characters', what: 'data with a space and a percent sign', input: () => '#run=1.abc d%20', expect: { error: /characters a link never contains \(" " at character 4 of the data/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/bad-unicode', what: 'data with an emoji', input: () => '#run=1.abc😀', expect: { error: /characters a link never contains/ } },
  { entry: 'link', id: 'link/bad-length', what: 'data of 4n+1 characters (cannot be base64)', input: () => '#run=1.AAAAA', expect: { error: /is not valid base64url \(5 characters cannot be/ } },
  { entry: 'link', id: 'link/not-deflate', what: 'base64 of random bytes (not deflate)', input: () => `#run=1.${base64url(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x12, 0x34]))}`, expect: { error: /its data does not unpack/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/truncated-deflate', what: 'a good link cut in half', input: () => linkOf(runText(() => undefined)).slice(0, 607), expect: { error: /its data does not unpack \(was it cut short\?\)/ } },
  { entry: 'link', id: 'link/deflate-bomb', what: 'a deflate bomb: 0.8 MB of link that unpacks to 100 MB', input: () => `#run=1.${base64url(deflateBomb(390_000))}`, expect: { error: /the link unpacks to more than 8000000 bytes/ }, alsoIn: 'link.test.ts (9 MB of zeros)' },
  { entry: 'link', id: 'link/too-long', what: 'a link of 2,000,001 characters of data', input: () => `#run=1.${'A'.repeat(2_000_001)}`, expect: { error: /the link is 2000001 characters long; at most 2000000/ } },
  { entry: 'link', id: 'link/not-utf8', what: 'data that unpacks to bytes that are not UTF-8', input: () => `#run=1.${base64url(deflateStored(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])))}`, expect: { error: /unpacks to bytes that are not UTF-8 text/ } },
  { entry: 'link', id: 'link/not-json', what: 'data that unpacks to text that is not JSON', input: () => linkOf('<html>'), expect: { error: /^not valid JSON at line 1, column 1: expected a value/ } },
  { entry: 'link', id: 'link/billion-hosts', what: 'a run of a billion hosts', input: () => linkOf(runText((r) => (r.base.datacenter = { containers: 1000, racksPerContainer: 1000, hostsPerRack: 1000 }))), expect: { error: /^base\.datacenter\.containers: must be at most 100/ }, alsoIn: 'link.test.ts' },
  { entry: 'link', id: 'link/absurd-time', what: 'a run at t = 1e300', input: () => linkOf(runText((r) => (r.t = 1e300))), expect: { error: /^t: must be a whole number of milliseconds/ } },
  { entry: 'link', id: 'link/inner-version', what: 'a link whose run says format version 2', input: () => linkOf(runText((r) => (r.version = 2))), expect: { error: RUN_VERSION_2 } },
  { entry: 'link', id: 'link/hostile-csdef', what: 'a run deploying a .csdef nested 10,000 deep', input: () => linkOf(runText((r) => ((r.base.deploy as { csdef: { text: string } }[])[0]!.csdef.text = csdefText(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`)))), expect: { error: /^base\.deploy\[0\]: the service files of shop do not load: ServiceDefinition\.csdef:\d+:\d+: Element <a> is nested more than 100 levels deep/ } },
  { entry: 'link', id: 'link/good', what: 'a good link (for the work it takes)', input: () => linkOf(runText(() => undefined)), expect: { accepted: true } },
];

/** Every hostile input, by entry point. */
export const HOSTILE: readonly Hostile[] = [...csdefEntries, ...cscfgEntries, ...scenarioEntries, ...valueEntries, ...filesEntries, ...runEntries, ...linkEntries];

import { describe, expect, it } from 'vitest';
import { load, csdef, cscfg, columnOf, lineOf, roleCfg, webRole } from './testing';
import { MAX_DEPTH, parseXml } from './xml';
import type { XmlProblem } from './xml';

const problem = (text: string): XmlProblem => {
  const r = parseXml(text);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

describe('parsing XML with positions', () => {
  it('gives every element and attribute its line and column, across LF, CRLF and CR', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['<r>', '  <a x="1"', '     y = \'2\'>', '\t<b/></a>', '</r>'].join(nl);
      const r = parseXml(text);
      if (!r.ok) throw new Error(r.problem.message);
      const a = r.root.children[0]!;
      expect(a).toMatchObject({ name: 'a', line: 2, column: 3 });
      expect(a.attributes).toEqual([
        expect.objectContaining({ name: 'x', value: '1', line: 2, column: 6 }),
        expect.objectContaining({ name: 'y', value: '2', line: 3, column: 6 }),
      ]);
      expect(a.children[0]).toMatchObject({ name: 'b', line: 4, column: 2 });
    }
  });

  it('keeps namespaces, leaves xmlns declarations out of the attributes, and keeps text', () => {
    const r = parseXml('<r xmlns="urn:a" xmlns:x="urn:x" x:k="v"><x:c>hi <![CDATA[<there>]]></x:c></r>');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.root).toMatchObject({ local: 'r', uri: 'urn:a' });
    expect(r.root.attributes).toEqual([expect.objectContaining({ name: 'x:k', local: 'k', uri: 'urn:x', value: 'v' })]);
    expect(r.root.children[0]).toMatchObject({ name: 'x:c', uri: 'urn:x', text: 'hi <there>' });
  });

  it('expands the five predefined entities and numeric references only', () => {
    const r = parseXml('<r v="&lt;&gt;&amp;&quot;&apos;&#65;&#x42;"/>');
    expect(r.ok && r.root.attributes[0]!.value).toBe('<>&"\'AB');
    const text = '<r>\n  <s v="a &nbsp; b"/>\n</r>';
    const p = problem(text);
    expect(p).toMatchObject({ code: 'entity', line: 2, column: columnOf(text, '&nbsp;') });
    expect(p.message).toMatch(/^Entity reference '&nbsp;' is not allowed/);
  });

  it('refuses a DOCTYPE, and so the billion laughs, at the DOCTYPE', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const p = problem(lol);
    expect(p).toMatchObject({ code: 'doctype', line: 2, column: 1 });
    expect(p.message).toMatch(/A DOCTYPE is not allowed.*billion laughs/);
    expect(problem('<!DOCTYPE ServiceDefinition SYSTEM "x.dtd"><ServiceDefinition/>')).toMatchObject({ code: 'doctype', line: 1, column: 1 });
  });

  it("points at an unescaped '<' inside an attribute value", () => {
    const text = '<r>\n  <Setting name="a" value="<Yours>" />\n</r>';
    expect(problem(text)).toMatchObject({ code: 'xml', line: 2, column: columnOf(text, '<Yours>'), element: 'Setting' });
  });

  it('points at the element a truncated file leaves open', () => {
    const p = problem('<r>\n  <Role name="a">\n    <Instances count="2" />\n');
    expect(p).toMatchObject({ code: 'xml', line: 2, column: 3, element: 'Role' });
    expect(p.message).toMatch(/element <Role> is never closed/);
    expect(problem('')).toMatchObject({ line: 1, column: 1 });
    expect(problem('<!-- only a comment -->').message).toMatch(/no root element/);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH}`, () => {
    const deep = '<a>'.repeat(MAX_DEPTH + 1) + '</a>'.repeat(MAX_DEPTH + 1);
    expect(problem(deep).message).toMatch(/nested more than 100 levels/);
    expect(parseXml('<a>'.repeat(MAX_DEPTH) + '</a>'.repeat(MAX_DEPTH)).ok).toBe(true);
  });

  it('reports other well-formedness errors with their position', () => {
    expect(problem('<r>\n<a></b></r>')).toMatchObject({ code: 'xml', line: 2 });
    expect(problem('<r a="1" a="2"/>').message).toMatch(/duplicate attribute/);
    expect(problem('<r><x:y/></r>').message).toMatch(/unbound namespace prefix/);
  });
});

describe('text from user files stays text', () => {
  it('reads a role named <img src=x onerror=alert(1)> back as exactly that text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const escaped = '&lt;img src=x onerror=alert(1)&gt;';
    const r = load(csdef(webRole(escaped)), cscfg(roleCfg(escaped)));
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.roles[0]?.name).toBe(evil);
  });

  it('quotes the name as written in messages (the UI renders them as text)', () => {
    const def = csdef(webRole('&lt;b&gt;x&lt;/b&gt;'));
    const r = load(def, cscfg(roleCfg('other')));
    expect(r.diagnostics.find((d) => d.code === 'role-not-configured')?.message).toContain("Role '<b>x</b>'");
    expect(r.diagnostics.find((d) => d.code === 'role-not-configured')?.line).toBe(lineOf(def, '<WebRole'));
  });
});

/**
 * "Save SVG" and "Save PNG" for one chart (chart.ts): the file is named after the run's
 * seed, the simulated time and the chart, e.g. `fabric-lab-seed42-0d0h40m-ready-shop-production.png`.
 */

import { useState, type RefObject } from 'react';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { saveChartPng, saveChartSvg } from './chart';
import { fileStem } from './download';
import './export.css';

const selectSeed = (s: FabricState) => s.seed;
const selectT = (s: FabricState) => s.t;

export function ChartExport({ svgRef, name, title }: { svgRef: RefObject<SVGSVGElement | null>; name: string; title: string }) {
  const seed = useFabric(selectSeed);
  const t = useFabric(selectT);
  const [status, setStatus] = useState('');
  const file = (ext: string) => `${fileStem(seed, t)}-${name}.${ext}`;

  const save = async (ext: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    try {
      if (ext === 'svg') saveChartSvg(svg, file(ext));
      else await saveChartPng(svg, file(ext));
      setStatus('');
    } catch (e) {
      setStatus(`The chart could not be saved: ${(e as Error).message}`);
    }
  };

  return (
    <span className="chart-export">
      <button type="button" className="link" aria-label={`Save SVG of ${title}`} onClick={() => void save('svg')}>
        Save SVG
      </button>
      <button type="button" className="link" aria-label={`Save PNG of ${title}`} onClick={() => void save('png')}>
        Save PNG
      </button>
      <span className="chart-export-status" role="status">
        {status}
      </span>
    </span>
  );
}

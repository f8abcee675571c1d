/**
 * The theme's colours for what CSS cannot reach: the data center canvas and the d3
 * charts read these (the style sheet's custom properties cover everything else).
 */

import { DEFAULT_CANVAS, PRESENTER_CANVAS, type CanvasPalette } from '../datacenter/palette';
import { DEFAULT_CHART, PRESENTER_CHART, type ChartTheme } from '../services/chart-theme';
import { selectPresenter, useDisplay } from './display';

export const canvasPaletteFor = (presenter: boolean): CanvasPalette => (presenter ? PRESENTER_CANVAS : DEFAULT_CANVAS);

export const chartThemeFor = (presenter: boolean): ChartTheme => (presenter ? PRESENTER_CHART : DEFAULT_CHART);

export function useCanvasPalette(): CanvasPalette {
  return canvasPaletteFor(useDisplay(selectPresenter));
}

export function useChartTheme(): ChartTheme {
  return chartThemeFor(useDisplay(selectPresenter));
}

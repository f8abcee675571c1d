/**
 * Imported once by src/main.tsx: the presenter theme's style sheet, and the display
 * settings of the page address (`?presenter=1`, `?animations=0`) applied before the
 * first render, so a wall screen never flashes the default theme.
 */

import './presenter.css';
import { startDisplay } from './display';

startDisplay(window.location.search);

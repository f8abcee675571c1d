/**
 * The tooltip of the asset under the pointer: its name and status in words, below it.
 * For sighted pointer users only (aria-hidden): the asset's button already carries both.
 */

import { useUi, type UiState } from '../store/ui';
import { assetName, assetOf } from './assets';
import { describeAsset } from './describe';
import type { ViewFacts } from './useFacts';

const selectHover = (s: UiState) => s.hover;
const selectMenuOpen = (s: UiState) => s.menu !== null;

const WIDTH = 264;

export function Tooltip(props: { facts: ViewFacts; width: number }) {
  const hover = useUi(selectHover);
  const menuOpen = useUi(selectMenuOpen);
  const asset = hover ? assetOf(props.facts.geo, hover.id) : undefined;
  if (!hover || !asset || menuOpen) return null;
  const a = hover.anchor;
  const left = Math.max(4, Math.min(a.x, props.width - WIDTH));
  return (
    <div className="dc-tooltip" data-zoom-ignore="" aria-hidden="true" style={{ left, top: a.y + a.h + 6 }}>
      <strong>{assetName(asset)}</strong>
      <span>{describeAsset(asset, props.facts)}</span>
    </div>
  );
}

// Hainan's 19 cities and counties as tiles laid out like the island (GET /regions/layout),
// coloured by status; no boundary files needed.
import { Tooltip, Typography } from 'antd';
import { useMessages } from '../../../app/i18n';
import { useTileLayout, type RegionFigure } from '../api';
import { planMessages, type PlanMessageKey } from '../messages';
import { fmt, statusColors, unitText } from './common';

export function TileMap({ figures, unit, onPick }: { figures: RegionFigure[]; unit: string; onPick?: (code: string) => void }) {
  const t = useMessages(planMessages);
  const layout = useTileLayout();
  if (!layout.data) return null;
  const byCode = new Map(figures.map((f) => [f.regionCode, f]));
  return (
    <div
      data-testid="tile-map"
      style={{ display: 'grid', gridTemplateColumns: `repeat(${layout.data.cols}, minmax(64px, 1fr))`, gridTemplateRows: `repeat(${layout.data.rows}, 64px)`, gap: 6, maxWidth: 640 }}
    >
      {layout.data.tiles.map((tile) => {
        const f = byCode.get(tile.code);
        const color = f ? statusColors[f.status] : '#f0f0f0';
        const body = (
          <div
            key={tile.code}
            role={f && onPick ? 'button' : undefined}
            onClick={() => f && onPick?.(tile.code)}
            data-testid={`tile-${tile.code}`}
            style={{
              gridRow: tile.row + 1,
              gridColumn: tile.col + 1,
              background: f ? `${color}22` : '#fafafa',
              border: `2px solid ${f ? color : '#f0f0f0'}`,
              borderRadius: 6,
              padding: 4,
              cursor: f && onPick ? 'pointer' : 'default',
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
              alignItems: 'center',
              opacity: f ? 1 : 0.5,
            }}
          >
            <Typography.Text strong style={{ fontSize: 12 }}>
              {tile.shortName}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12, color }}>{f ? `${fmt(f.value)}${f.value === null ? '' : unitText(unit)}` : ''}</Typography.Text>
          </div>
        );
        return f ? (
          <Tooltip key={tile.code} title={`${tile.name} · ${t(`status_${f.status}` as PlanMessageKey)} · ${t('target')} ${f.target}`}>
            {body}
          </Tooltip>
        ) : (
          body
        );
      })}
    </div>
  );
}
